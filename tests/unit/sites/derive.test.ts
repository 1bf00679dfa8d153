import { describe, expect, test } from 'vitest';
import {
  companyDisplayName,
  companyFromEmail,
  companyFromHeadline,
  makePerson,
  nameFromEmail,
  parseAddressList,
  roleFromHeadline,
  splitName,
} from '../../../lib/sites/derive';

describe('company from an email domain', () => {
  test.each([
    ['dana@northwind-logistics.com', 'Northwind Logistics'],
    ['liam@mail.harbour-and-home.co.uk', 'Harbour And Home'],
    ['s.marchetti@frutasdelvalle.es', 'Frutasdelvalle'],
    ['x@ibm.com', 'IBM'],
    ['priya.raman@BrightCart.io', 'Brightcart'],
  ])('%s → %s', (email, company) => {
    expect(companyFromEmail(email)).toBe(company);
  });

  test.each(['dana@gmail.com', 'dana@outlook.com', 'dana@yahoo.com', 'ivan@mail.ru', 'ivan@yandex.ru', 'd@hotmail.co.uk', 'd@yahoo.de', 'not an address', ''])(
    'nothing from %j',
    (email) => {
      expect(companyFromEmail(email)).toBeUndefined();
    },
  );
});

describe('first and last name from a display name', () => {
  test.each([
    ['Dana Whitfield', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['Whitfield, Dana', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['Dr. Dana Whitfield', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['Dana Whitfield, MBA, PMP', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['DANA WHITFIELD', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['Dana Whitfield (she/her) 🚚', 'Dana', 'Whitfield', 'Dana Whitfield'],
    ['María de la Cruz', 'María', 'de la Cruz', 'María de la Cruz'],
    ['jean-luc van dijk', 'Jean-Luc', 'van Dijk', 'Jean-Luc van Dijk'],
    ['Иван Петров', 'Иван', 'Петров', 'Иван Петров'],
  ])('%j', (display, first, last, full) => {
    expect(splitName(display)).toEqual({ firstName: first, lastName: last, fullName: full });
  });

  test('a single name is a first name', () => {
    expect(splitName('Priya')).toEqual({ fullName: 'Priya', firstName: 'Priya' });
  });

  test('an address used as a name', () => {
    expect(splitName('dana.whitfield@northwind-logistics.com')).toEqual({ fullName: 'Dana Whitfield', firstName: 'Dana', lastName: 'Whitfield' });
  });
});

describe('name from an email address when there is no name', () => {
  test.each([
    ['dana.whitfield@northwind-logistics.com', 'Dana', 'Whitfield'],
    ['dana_whitfield84@example.com', 'Dana', 'Whitfield'],
    ['dana-marie.whitfield@example.com', 'Dana', 'Whitfield'],
  ])('%s', (email, first, last) => {
    expect(nameFromEmail(email)).toMatchObject({ firstName: first, lastName: last });
  });

  test.each(['dwhitfield@example.com', 'sales@example.com', 'info.team@example.com', 'd.whitfield@example.com'])('no guess from %s', (email) => {
    expect(nameFromEmail(email)).toBeUndefined();
  });
});

test('a person from an email alone', () => {
  expect(makePerson({ email: 'Dana.Whitfield@Northwind-Logistics.com' })).toEqual({
    fullName: 'Dana Whitfield',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.whitfield@northwind-logistics.com',
  });
  expect(makePerson({ name: '  ', email: 'nope' })).toBeUndefined();
});

test('headlines give a role and an employer', () => {
  const headline = 'VP Operations at Northwind Logistics | Fleet efficiency & telematics';
  expect(roleFromHeadline(headline)).toBe('VP Operations');
  expect(companyFromHeadline(headline)).toBe('Northwind Logistics');
  expect(companyFromHeadline('Head of E-commerce Operations @ BrightCart · ex-Zalando')).toBe('BrightCart');
  expect(companyFromHeadline('Helping fleets cut idle time')).toBeUndefined();
});

test.each([
  ['Northwind Logistics B.V.', 'Northwind Logistics'],
  ['Frutas del Valle S.A.', 'Frutas del Valle'],
  ['Autoteile Schmidt GmbH & Co. KG', 'Autoteile Schmidt'],
  ['Harbour & Home Retail Ltd', 'Harbour & Home Retail'],
  ['ООО «Холодлайн»', 'Холодлайн'],
  ['Polmax Budowa sp. z o.o.', 'Polmax Budowa'],
  ['Acme, Inc.', 'Acme'],
  ['BrightCart', 'BrightCart'],
  ['The Coca-Cola Company', 'The Coca-Cola Company'],
])('company %j reads as %j in prose', (name, shown) => {
  expect(companyDisplayName(name)).toBe(shown);
});

test('address lists as Gmail posts them', () => {
  expect(parseAddressList('"Raman, Priya" <priya.raman@brightcart.io>, dana@northwind-logistics.com, Tom Becker <tom@x.io>')).toEqual([
    { name: 'Raman, Priya', email: 'priya.raman@brightcart.io' },
    { email: 'dana@northwind-logistics.com' },
    { name: 'Tom Becker', email: 'tom@x.io' },
  ]);
});
