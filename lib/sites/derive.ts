import type { Person } from '../schema/page-context';
import { cleanText } from './dom';

/*
 * What a rep expects Quiver to work out from what a page shows: a person's first and last
 * name from however the site writes the name, and the company from a work email's domain.
 * Pure functions; no DOM.
 */

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]{2,}$/;

export function isEmail(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.length <= 320 && EMAIL.test(s.trim());
}

export function normalizeEmail(s: string | null | undefined): string | undefined {
  if (!s) return undefined;
  const t = s
    .trim()
    .replace(/^mailto:/i, '')
    .split('?')[0]!
    .trim()
    .toLowerCase();
  return isEmail(t) ? t : undefined;
}

/** The first email address written anywhere in the text. */
export function findEmail(s: string | null | undefined): string | undefined {
  const m = /[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[a-z]{2,}/i.exec(s ?? '');
  return normalizeEmail(m?.[0]);
}

/** Every address in a header-like list: `"Raman, Priya" <priya@x.io>, dana@y.com`. */
export function parseAddressList(s: string | null | undefined): { name?: string; email: string }[] {
  const out: { name?: string; email: string }[] = [];
  const re = /(?:"([^"]*)"|([^,<>"]*?))\s*<([^<>\s]+)>|([^\s,<>"]+@[^\s,<>"]+)/g;
  for (let m = re.exec(s ?? ''); m; m = re.exec(s ?? '')) {
    const email = normalizeEmail(m[3] ?? m[4]);
    if (!email) continue;
    const name = cleanText(m[1] ?? m[2]);
    out.push(name && !isEmail(name) ? { name, email } : { email });
  }
  return out;
}

// Consumer mailboxes say nothing about where someone works.
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'freenet.de',
  'mail.com',
  'email.com',
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'internet.ru',
  'yandex.ru',
  'yandex.com',
  'ya.ru',
  'rambler.ru',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'naver.com',
  'daum.net',
  'seznam.cz',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'interia.pl',
  'libero.it',
  'virgilio.it',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'wanadoo.fr',
  'uol.com.br',
  'bol.com.br',
  'terra.com.br',
  'rediffmail.com',
]);
// Consumer brands that use many country domains: hotmail.co.uk, yahoo.de, outlook.fr…
const FREE_MAIL_BRANDS = new Set(['hotmail', 'outlook', 'live', 'yahoo', 'gmx', 'yandex', 'aol', 'gmail', 'icloud']);

// Labels that sit between a country code and the registrable name: example.co.uk, acme.com.au.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'ltd', 'plc']);

function registrableLabel(domain: string): string | undefined {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length < 2) return undefined;
  labels.pop(); // top-level domain
  if (labels.length >= 2 && SECOND_LEVEL.has(labels[labels.length - 1]!)) labels.pop();
  return labels[labels.length - 1];
}

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (FREE_MAIL.has(d)) return true;
  const label = registrableLabel(d);
  return label !== undefined && FREE_MAIL_BRANDS.has(label);
}

function capitalize(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

/**
 * The company a work address belongs to, as a person would write it:
 * `dana@northwind-logistics.com` → "Northwind Logistics". Undefined for free-mail domains,
 * where the domain says nothing about the employer.
 */
export function companyFromEmail(email: string | null | undefined): string | undefined {
  const e = normalizeEmail(email);
  if (!e) return undefined;
  const domain = e.slice(e.lastIndexOf('@') + 1);
  if (isFreeMailDomain(domain)) return undefined;
  const label = registrableLabel(domain);
  if (!label || label.startsWith('xn--')) return undefined;
  const words = label.split(/[-_]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  // A one-word name of three letters or fewer is nearly always an acronym: ibm, sap, bmw.
  if (words.length === 1 && words[0]!.length <= 3) return words[0]!.toUpperCase();
  return words.map(capitalize).join(' ');
}

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|mister|prof|professor|sir|dame|herr|frau|mme|mlle|sra|srta|dott|ing)\.?$/i;
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|ph\.d|md|mba|cpa|esq|pmp|cfa|dds|msc|bsc|ma|ba|dipl|mphil)\.?$/i;
// Name particles belong to the last name: "de la Cruz", "van Dijk".
const PARTICLE = /^(?:van|von|de|da|del|della|der|den|di|du|la|le|ter|ten|bin|al|dos|das|do|zu)$/i;

/** Fixes names typed all in capitals or all in lower case; leaves mixed case ("McDonald") alone. */
function fixCase(token: string): string {
  if (PARTICLE.test(token)) return token;
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return token;
  if (letters !== letters.toLocaleUpperCase() && letters !== letters.toLocaleLowerCase()) return token;
  return token
    .toLocaleLowerCase()
    .split(/([-'’])/)
    .map((part) => capitalize(part))
    .join('');
}

export interface NameParts {
  fullName: string;
  firstName?: string;
  lastName?: string;
}

/**
 * First and last name from a display name as sites write it: "Dana Whitfield",
 * "Whitfield, Dana", "Dr. Dana Whitfield", "Dana Whitfield, MBA", "DANA WHITFIELD",
 * "Dana Whitfield (she/her)". Falls back to the email address's local part.
 */
export function splitName(display: string | null | undefined): NameParts | undefined {
  let s = cleanText(display);
  if (!s) return undefined;
  if (isEmail(s)) return nameFromEmail(s);
  s = s
    .replace(/\p{Extended_Pictographic}|\uFE0F/gu, ' ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/["“”«»][^"“”«»]*["“”«»]/g, ' ');
  // Credentials after a comma: "Dana Whitfield, MBA, PMP".
  const parts = s
    .split(',')
    .map((p) => cleanText(p))
    .filter(Boolean);
  while (parts.length > 1 && parts[parts.length - 1]!.split(' ').every((w) => SUFFIX.test(w))) parts.pop();
  let tokens: string[];
  if (parts.length === 2) {
    // "Whitfield, Dana": family name first.
    tokens = [...parts[1]!.split(' '), ...parts[0]!.split(' ')];
  } else {
    tokens = parts.join(' ').split(' ');
  }
  tokens = tokens.filter(Boolean);
  while (tokens.length > 1 && HONORIFIC.test(tokens[0]!)) tokens.shift();
  while (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1]!)) tokens.pop();
  tokens = tokens.map(fixCase);
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1) return { fullName: tokens[0]!, firstName: tokens[0]! };
  let lastStart = tokens.length - 1;
  while (lastStart > 1 && PARTICLE.test(tokens[lastStart - 1]!)) lastStart--;
  return {
    fullName: tokens.join(' '),
    firstName: tokens[0]!,
    lastName: tokens.slice(lastStart).join(' '),
  };
}

// Shared mailboxes, not people: never "Hi Sales,".
const ROLE_MAILBOX =
  /^(?:info|sales|hello|hi|team|support|contact|admin|office|mail|noreply|no-reply|billing|accounts?|hr|jobs|careers|marketing|press|news|help|service|orders|invoices?|enquiries|inquiries)$/i;

/**
 * A name from an address like `dana.whitfield@…` or `dana_whitfield@…`. A single word
 * (`dwhitfield@`) is left alone: guessing "Hi Dwhitfield" is worse than the template's fallback.
 */
export function nameFromEmail(email: string | null | undefined): NameParts | undefined {
  const e = normalizeEmail(email);
  if (!e) return undefined;
  const local = e.slice(0, e.indexOf('@')).split('+')[0]!.replace(/\d+$/, '');
  if (ROLE_MAILBOX.test(local)) return undefined;
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 3) return undefined;
  if (!words.every((w) => /^\p{L}{2,}$/u.test(w) && !ROLE_MAILBOX.test(w))) return undefined;
  return splitName(words.map(capitalize).join(' '));
}

/** A person as the page context carries one; undefined when nothing at all is known. */
export function makePerson(input: { name?: string | null; email?: string | null; title?: string | null }): Person | undefined {
  const email = normalizeEmail(input.email);
  const named = input.name && !isEmail(cleanText(input.name)) ? splitName(input.name) : undefined;
  const parts = named ?? nameFromEmail(email ?? cleanText(input.name));
  const title = cleanText(input.title) || undefined;
  const person: Person = {
    ...(parts?.fullName ? { fullName: parts.fullName } : {}),
    ...(parts?.firstName ? { firstName: parts.firstName } : {}),
    ...(parts?.lastName ? { lastName: parts.lastName } : {}),
    ...(email ? { email } : {}),
    ...(title ? { title } : {}),
  };
  return Object.keys(person).length > 0 ? person : undefined;
}

/**
 * Who an email is for on a page that names someone too (a CRM record, its primary contact) and
 * has a composer addressed to someone: the recipient. When both are the same person, what the
 * page knows about them (a title, a last name) is kept.
 */
export function preferRecipient(recipient: Person | undefined, known: Person | undefined): Person | undefined {
  if (!recipient || !known) return recipient ?? known;
  const same =
    (recipient.email !== undefined && recipient.email === known.email) ||
    (recipient.fullName !== undefined && recipient.fullName.toLowerCase() === known.fullName?.toLowerCase());
  return same ? { ...recipient, ...known, email: known.email ?? recipient.email } : recipient;
}

/**
 * The employer in a LinkedIn-style headline: "VP Operations at Northwind Logistics | Fleet"
 * → "Northwind Logistics". Undefined when the headline names no employer.
 */
export function companyFromHeadline(headline: string | null | undefined): string | undefined {
  const h = cleanText(headline);
  const m = /\s(?:at|@|bei|chez|presso|en|в)\s+(.+)$/i.exec(h);
  if (!m) return undefined;
  const company = cleanText(m[1]!.split(/\s[|·•–—-]\s|\s\|\s?|[|·•,]/)[0]);
  return company || undefined;
}

// Legal forms a rep leaves out when writing to someone: "Northwind Logistics B.V." → "Northwind Logistics".
const LEGAL_FORM =
  /[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|plc|gmbh(?:\s*&\s*co\.?\s*kg)?|ag|kg|b\.?\s?v|n\.?\s?v|s\.?\s?a(?:\.?\s?s)?|s\.?\s?l|s\.?\s?r\.?\s?l|s\.?\s?p\.?\s?a|sas|sarl|pty\.?\s?ltd|oy|ab|a\/s|as|sp\.?\s?z\s?o\.?\s?o|corp)\.?$/i;

/** A company name as written in prose: legal form and Russian "ООО «…»" wrapping removed. */
export function companyDisplayName(name: string | null | undefined): string | undefined {
  let s = cleanText(name);
  const quoted = /^(?:ООО|ОАО|ЗАО|ПАО|АО|ИП)\s*[«"](.+)[»"]$/u.exec(s);
  if (quoted) s = quoted[1]!;
  for (let i = 0; i < 2; i++) s = s.replace(LEGAL_FORM, '').trim();
  return s || cleanText(name) || undefined;
}

/** The role part of a headline: "VP Operations at Northwind Logistics" → "VP Operations". */
export function roleFromHeadline(headline: string | null | undefined): string | undefined {
  const h = cleanText(headline);
  const role = cleanText(h.split(/\s(?:at|@|bei|chez|presso|в)\s|\s[|·•]\s?/i)[0]);
  return role || undefined;
}
