/*
 * Salesforce Lightning adapter.
 * Serves: https://<org>.lightning.force.com/lightning/r/<Object>/<id>/view and the same paths on
 * https://<org>.my.salesforce.com (which redirects other record links to Lightning), on
 * sandboxes and developer orgs (<org>--<sandbox>.sandbox.lightning.force.com…) and, once the rep
 * turns it on, Government Cloud — Opportunity, Lead, Contact and Account record pages (other
 * objects get their name and type but count as unrecognised), and the email composer's editor
 * (CKEditor in nested about:blank frames), in the activity panel or docked at the bottom of the
 * window, with its To/Cc pills.
 * Pinned by: tests/fixtures/salesforce-opportunity.html, tests/fixtures/salesforce-lead.html,
 * tests/fixtures/salesforce-contact.html, tests/fixtures/salesforce-opportunity-email.html.
 * And their variants (tests/fixtures/variants/sites/salesforce.ts: renamed, wrapped, translated, rearranged).
 *
 * Lightning keeps pages of records visited earlier in the DOM, hidden; every read starts from
 * the page on screen and only counts what is shown. LWC's synthetic shadow DOM leaves
 * everything in the light DOM, so ordinary queries see it from an extension.
 *
 * Record fields are read by the API name Lightning stamps on them (data-target-selection-name=
 * "sfdc:RecordField.Opportunity.StageName"), which no language or layout change touches; the
 * highlights panel has no such hook, so there a field is found by its label, known in English,
 * Russian, German, French and Spanish. The stage comes first from the path, the primary contact
 * from the Contact Roles list found by its link to the full list.
 *
 * The email composer may be docked: Lightning renders it in the docking panel after the record
 * page, not inside it, so composers are looked for on the page on screen and in the dock. Who
 * the email is for is the composer's To pill (the rep's own From/Bcc address never is), before
 * the record's primary contact.
 */
import type { EditorTarget } from '../editors/target';
import type { PageKind } from '../schema/page-context';
import type { ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import type { Person } from '../schema/page-context';
import { companyFromEmail, findEmail, isEmail, makePerson, normalizeEmail, parseAddressList, preferRecipient, splitName } from './derive';
import { cleanText, closestAny, firstText, frameDocuments, isShown, queryEvery, queryFirst, queryFirstAll, safeQueryAll, textOf } from './dom';

const RECORD_PATH = /^\/lightning\/r\/(?:([A-Za-z0-9_]+)\/)?([a-zA-Z0-9]{15,18})\/view/;
const KEY_PREFIX: Record<string, string> = { '006': 'Opportunity', '00Q': 'Lead', '003': 'Contact', '001': 'Account' };
const KINDS: Record<string, PageKind> = { Opportunity: 'opportunity', Lead: 'lead', Contact: 'contact', Account: 'account' };

const PAGE = ['.oneContent', 'one-record-home-flexipage2', '.windowViewMode-normal', '.windowViewMode-maximized'];
const RECORD_TYPE = ['records-entity-label', '.entityNameTitle', '.slds-page-header__title-label'];
const RECORD_NAME = [
  'slot[name="primaryField"] lightning-formatted-text',
  'slot[name="primaryField"] lightning-formatted-name',
  '[slot="primaryField"]',
  'slot[name="primaryField"]',
  '.slds-page-header__title',
  'h1 .uiOutputText',
];
const PATH_CURRENT = ['.slds-path__item.slds-is-current', '.slds-path__nav [role="option"][aria-selected="true"]', '.slds-path__item.slds-is-active'];
const COMPOSER = [
  '.emailuiEmailComposer',
  '[data-aura-class~="emailuiEmailComposer"]',
  '.slds-docked-composer',
  '.forceChatterPublisherPresentationPanel',
  'form',
];
/** Email composers: in the activity panel, or docked (outside the record page). */
const EMAIL_COMPOSER = [
  '.emailuiEmailComposer',
  '[data-aura-class~="emailuiEmailComposer"]',
  '.slds-docked-composer',
  '.forceChatterPublisherPresentationPanel',
];
const DOCKED = ['.slds-docked-composer', '.forceDockingPanel'];
const SUBJECT = ['input[name="subject"]', 'input[placeholder*="Subject"]', 'input[aria-label="Subject"]'];
/** One element per recipient: Aura's pills, or SLDS listbox pills. */
const PILL = ['.pillContainerListItem', '.slds-listbox-item', '.slds-pill'];
const FIELD_LABEL = 'label, .slds-form-element__label, .form-element__label';

/**
 * Record fields: the API name Lightning stamps on each field of the record layout
 * (data-target-selection-name="sfdc:RecordField.<Object>.<Field>", the same in every language),
 * then the field's label as the highlights panel and older layouts show it, in English,
 * Russian, German, French and Spanish.
 */
const FIELDS = {
  account: {
    api: 'AccountId',
    labels: [
      'Account Name',
      'Account',
      'Название организации',
      'Организация',
      'Accountname',
      'Account-Name',
      'Nom du compte',
      'Compte',
      'Nombre de la cuenta',
      'Cuenta',
    ],
  },
  stage: { api: 'StageName', labels: ['Stage', 'Этап', 'Стадия', 'Phase', 'Étape', 'Etapa'] },
  name: { api: 'Name', labels: ['Name', 'Имя', 'ФИО', 'Nom', 'Nombre'] },
  title: { api: 'Title', labels: ['Title', 'Должность', 'Titel', 'Titre', 'Fonction', 'Cargo', 'Puesto'] },
  email: { api: 'Email', labels: ['Email', 'E-mail', 'Эл. почта', 'Электронная почта', 'E-Mail', 'Adresse e-mail', 'Correo electrónico'] },
  company: { api: 'Company', labels: ['Company', 'Организация', 'Компания', 'Firma', 'Unternehmen', 'Société', 'Entreprise', 'Compañía', 'Empresa'] },
  status: {
    api: 'Status',
    labels: ['Lead Status', 'Status', 'Статус интереса', 'Статус', 'Lead-Status', 'Statut de la piste', 'Statut', 'Estado de candidato', 'Estado'],
  },
  industry: { api: 'Industry', labels: ['Industry', 'Отрасль', 'Branche', "Secteur d'activité", 'Secteur d’activité', 'Sector', 'Industria'] },
} as const;
type FieldKey = keyof typeof FIELDS;
/** The Contact Roles related list's title, where its link (…/related/OpportunityContactRoles/…) is missing. */
const CONTACT_ROLES = /^(?:contact roles|роли контактов|kontaktrollen|rôles des contacts|funciones de contacto|roles de contacto)/i;
// The composer's field labels in the languages reps use Salesforce in.
const TO_LABEL = /^(?:to|кому|an|à|a|para)$/i;
const FROM_LABEL = /^(?:from|от|von|de)$/i;
const SUBJECT_LABEL = /^(?:subject|тема|betreff|objet|asunto)$/i;

function recordFromUrl(url: URL): { object?: string; id: string } | null {
  const m = RECORD_PATH.exec(url.pathname);
  if (!m) return null;
  const id = m[2]!;
  return { object: m[1] ?? KEY_PREFIX[id.slice(0, 3)], id };
}

/** The record page on screen; earlier pages stay in the DOM, hidden. */
function visiblePage(doc: Document): Element | null {
  const shown = queryEvery(doc, PAGE).filter((p) => isShown(p));
  return shown.find((p) => p.classList.contains('active')) ?? shown[0] ?? null;
}

/** The first shown element's text, so text from a hidden page never leaks in. */
function shownText(root: Element | Document, selectors: readonly string[]): string | undefined {
  for (const s of selectors) {
    for (const el of safeQueryAll(root, s)) {
      if (!isShown(el)) continue;
      const t = textOf(el);
      if (t) return t;
    }
  }
  return undefined;
}

const sameLabel = (a: string | null | undefined, label: string) =>
  cleanText(a)
    .replace(/[:*]$/, '')
    .replace(/\s*\(\d+\)$/, '')
    .toLowerCase() === label.toLowerCase();

/**
 * A field's value by its label, the way a person finds it: the record layout's field-label
 * attribute, the highlights panel's label/value pairs, or a form label next to a control.
 */
function fieldElement(root: Element, labels: readonly string[]): Element | null {
  for (const label of labels) {
    for (const item of safeQueryAll(root, '[field-label]')) {
      if (!sameLabel(item.getAttribute('field-label'), label) || !isShown(item)) continue;
      const value = queryFirst(item, ['.test-id__field-value', '.slds-form-element__control', '.slds-form-element__static']);
      if (value) return value;
    }
    for (const block of safeQueryAll(root, 'records-highlights-details-item, .slds-page-header__detail-block')) {
      const name = queryFirst(block, ['[title]', '.slds-text-title']);
      if (!name || !(sameLabel(name.getAttribute('title'), label) || sameLabel(textOf(name), label)) || !isShown(block)) continue;
      const value = queryFirst(block, ['.fieldComponent']) ?? name.nextElementSibling;
      if (value) return value;
    }
    for (const name of safeQueryAll(root, '.test-id__field-label, .slds-form-element__label, .slds-item--label, .slds-item_label')) {
      if (!sameLabel(textOf(name), label) || !isShown(name)) continue;
      const value =
        name.closest('.slds-form-element')?.querySelector('.slds-form-element__control') ??
        name.parentElement?.querySelector('.slds-item--detail, .slds-item_detail') ??
        name.nextElementSibling;
      if (value) return value;
    }
  }
  return null;
}

/** A record field: by its API name on the record layout, else by its label in the rep's language. */
function recordField(root: Element, object: string | undefined, key: FieldKey): Element | null {
  const { api, labels } = FIELDS[key];
  if (object) {
    for (const item of safeQueryAll(root, `[data-target-selection-name="sfdc:RecordField.${object}.${api}"]`)) {
      if (!isShown(item)) continue;
      const value = queryFirst(item, ['.test-id__field-value', '[slot="output"]', '.slds-form-element__static', '.slds-form-element__control']);
      if (value && textOf(value)) return value;
    }
  }
  return fieldElement(root, labels);
}

function fieldText(root: Element, object: string | undefined, key: FieldKey): string | undefined {
  return textOf(recordField(root, object, key));
}

/** The record's email: its Email field, else the one address the highlights panel links to. */
function fieldEmail(root: Element, object: string | undefined): string | undefined {
  const el = recordField(root, object, 'email');
  const link = el?.querySelector('a[href^="mailto:"]');
  const fromField = normalizeEmail(link?.getAttribute('href')) ?? normalizeEmail(textOf(el));
  if (fromField) return fromField;
  const highlights = queryFirst(root, ['records-lwc-highlights-panel', '.highlights']);
  const links = highlights ? safeQueryAll(highlights, 'a[href^="mailto:"]').filter((a) => isShown(a)) : [];
  return links.length === 1 ? normalizeEmail(links[0]!.getAttribute('href')) : undefined;
}

function pathStage(root: Element): string | undefined {
  for (const s of PATH_CURRENT) {
    const current = safeQueryAll(root, s).find((el) => isShown(el));
    if (!current) continue;
    const link = current.matches('a, [role="option"]') ? current : current.querySelector('a[title], .slds-path__link');
    const stage = cleanText(link?.getAttribute('title')) || firstText(current, ['.slds-path__title']) || textOf(current);
    if (stage) return stage;
  }
  return undefined;
}

/**
 * The first contact in the Contact Roles related list: who an opportunity's emails go to. The
 * list is found by the link to its full view (…/related/OpportunityContactRoles/view), else by
 * its title in the rep's language.
 */
function primaryContact(root: Element) {
  const byLink = safeQueryAll(root, 'a[href*="/related/OpportunityContactRoles/"]')
    .map((a) => a.closest<HTMLElement>('article'))
    .find((a): a is HTMLElement => a !== null && isShown(a));
  const card =
    byLink ??
    safeQueryAll(root, 'article').find((a) =>
      CONTACT_ROLES.test(a.getAttribute('aria-label') ?? firstText(a, ['.slds-card__header-title [title]', '.slds-card__header-title']) ?? ''),
    ) ??
    null;
  const item = card ? queryFirst(card, ['.forceRelatedListPreviewItem', 'li']) : null;
  if (!item || !isShown(item)) return undefined;
  return makePerson({
    name: firstText(item, ['h3 a', 'a[data-refid]', '.primaryField']),
    email: normalizeEmail(item.querySelector('a[href^="mailto:"]')?.getAttribute('href')),
    title: fieldText(item, undefined, 'title'),
  });
}

/** A composer field (From, To…): by its class, else by its label in the rep's language. */
function composerField(composer: Element, classes: readonly string[], label: RegExp): Element | null {
  const known = queryFirst(composer, classes);
  if (known) return known;
  const l = safeQueryAll(composer, FIELD_LABEL).find((el) => label.test(cleanText(textOf(el)).replace(/[:*]$/, '')));
  return l ? (l.closest('.uiInput, .slds-form-element') ?? l.parentElement) : null;
}

/** Every name and address the rep sends as: the From field's. */
function ownIdentity(from: Element | null): { emails: Set<string>; names: string[] } {
  const emails = new Set<string>();
  const names: string[] = [];
  const values = from
    ? [textOf(from) ?? '', ...safeQueryAll(from, '[title], option, input').map((e) => e.getAttribute('title') ?? (e as HTMLInputElement).value ?? '')]
    : [];
  for (const v of values) {
    for (const a of parseAddressList(v)) {
      emails.add(a.email);
      if (a.name) names.push(a.name);
    }
  }
  return { emails, names };
}

/** A recipient pill: the name it shows, the address in its title (or text). */
function readPill(pill: Element): Person | undefined {
  const attributes = [pill, ...safeQueryAll(pill, '[title], [aria-label]')].flatMap((el) => [el.getAttribute('title'), el.getAttribute('aria-label')]);
  const parsed = attributes.flatMap((v) => parseAddressList(v))[0];
  const shown = firstText(pill, ['.pillText', '.slds-pill__label']) ?? textOf(pill);
  const fromText = parseAddressList(shown)[0];
  const name = parsed?.name ?? fromText?.name ?? (shown && !isEmail(shown) && !findEmail(shown) ? shown : undefined);
  return makePerson({ name, email: parsed?.email ?? fromText?.email ?? findEmail(shown) });
}

/** A composer's recipients, To first, then Cc and Bcc; never the rep. */
function composerRecipients(composer: Element): Person[] {
  const from = composerField(composer, ['.fromAddress', '[class*="fromAddress"]'], FROM_LABEL);
  const to = composerField(composer, ['.toAddress', '[class*="toAddress"]'], TO_LABEL);
  const own = ownIdentity(from);
  const pills = queryFirstAll(composer, PILL).filter((p) => !from?.contains(p) && isShown(p));
  // A stable sort: the To field's pills first, the rest in page order.
  pills.sort((a, b) => Number(to?.contains(b) ?? false) - Number(to?.contains(a) ?? false));
  const people: Person[] = [];
  for (const pill of pills) {
    const person = readPill(pill);
    if (!person) continue;
    const isRep = person.email ? own.emails.has(person.email) : own.names.some((n) => splitName(n)?.fullName === person.fullName);
    if (!isRep) people.push(person);
  }
  return people;
}

/** The email composers a person can see: on the record page on screen, and docked. */
function openComposers(doc: Document, page: Element): Element[] {
  const found = [...new Set([...queryEvery(page, EMAIL_COMPOSER), ...queryEvery(doc, DOCKED.slice(0, 1))])].filter((c) => isShown(c));
  return found.filter((c) => !found.some((d) => d !== c && c.contains(d)));
}

function readContext({ doc, url, editor }: ReadInput): ContextFields {
  const record = recordFromUrl(url);
  if (!record) return { supported: false, pageKind: 'other' };
  const page = visiblePage(doc) ?? doc.body;
  // The composer the rep writes in, else every open one.
  const composers = openComposers(doc, page);
  const current = editor ? closestAny(topFrameOf(editor.element) ?? editor.element, EMAIL_COMPOSER) : null;
  const recordType = shownText(page, RECORD_TYPE) ?? record.object;
  const object = record.object ?? recordType;
  const pageKind: PageKind = (object && KINDS[object]) || 'other';
  const recordName = shownText(page, RECORD_NAME) ?? (cleanText(doc.title.split('|')[0]) || undefined);
  const recipients = (current && composers.includes(current) ? [current] : composers).flatMap(composerRecipients);

  let person;
  let company: string | undefined;
  let deal: ContextFields['deal'];
  if (pageKind === 'opportunity') {
    person = preferRecipient(recipients[0], primaryContact(page));
    company = fieldText(page, object, 'account');
    deal = { name: recordName, stage: pathStage(page) ?? fieldText(page, object, 'stage') };
  } else if (pageKind === 'lead' || pageKind === 'contact') {
    const record = makePerson({
      name: recordName ?? fieldText(page, object, 'name'),
      email: fieldEmail(page, object),
      title: fieldText(page, object, 'title'),
    });
    person = preferRecipient(recipients[0], record);
    company = fieldText(page, object, pageKind === 'lead' ? 'company' : 'account');
    // A lead's status is the stage of its journey so far; the panel maps it like a deal stage.
    const status = pageKind === 'lead' ? (pathStage(page) ?? fieldText(page, object, 'status')) : undefined;
    deal = status ? { stage: status } : undefined;
  } else if (pageKind === 'account') {
    company = recordName;
  }

  return {
    supported: pageKind !== 'other',
    pageKind,
    recordType,
    recordName,
    person,
    recipients: recipients.length > 0 ? recipients : undefined,
    company: company ?? companyFromEmail(person?.email),
    deal,
    industry: fieldText(page, object, 'industry'),
  };
}

/** The element in the top document that hosts a frame's content (the outermost iframe). */
function topFrameOf(el: Element): Element | null {
  let frame: Element | null = null;
  try {
    for (let w = el.ownerDocument.defaultView; w?.frameElement; w = w.frameElement.ownerDocument.defaultView) {
      frame = w.frameElement;
    }
  } catch {
    return frame;
  }
  return frame;
}

function isFrameEditor(el: HTMLElement): boolean {
  return topFrameOf(el) !== null && (el.localName === 'body' || el.classList.contains('cke_editable'));
}

function subjectFor(composer: Element | null): HTMLInputElement | null {
  if (!composer) return null;
  const direct = queryFirst<HTMLInputElement>(composer, SUBJECT);
  if (direct) return direct;
  // By its label, in the rep's language: "Subject", "Тема", "Betreff", "Objet", "Asunto".
  const label = safeQueryAll(composer, FIELD_LABEL).find((l) => SUBJECT_LABEL.test(cleanText(textOf(l)).replace(/[:*]$/, '')));
  const forId = label?.getAttribute('for');
  const byLabel = forId
    ? composer.ownerDocument.getElementById(forId)
    : label
      ? queryFirst(label.closest('.uiInput, .slds-form-element') ?? label, ['input'])
      : null;
  return byLabel?.localName === 'input' ? (byLabel as HTMLInputElement) : null;
}

function describeEditor(el: HTMLElement): EditorTarget | null {
  if (!isFrameEditor(el)) return null;
  const composer = closestAny(topFrameOf(el), COMPOSER);
  const subject = subjectFor(composer);
  return { element: el, kind: 'rich', label: 'Email body', subject: subject && isShown(subject) ? subject : null, caretAt: 'start' };
}

function frameEditors(root: Element): HTMLElement[] {
  return frameDocuments(root)
    .map((d) => (d.designMode === 'on' ? d.body : queryFirst<HTMLElement>(d, ['body[contenteditable="true"]', '.cke_editable[contenteditable="true"]'])))
    .filter((b): b is HTMLElement => !!b && isShown(b));
}

function editorNear(el: Element): EditorTarget | null {
  const composer = closestAny(topFrameOf(el) ?? el, COMPOSER);
  const body = composer ? frameEditors(composer)[0] : undefined;
  return body ? describeEditor(body) : null;
}

function findEditors(doc: Document): EditorTarget[] {
  const page = visiblePage(doc) ?? doc.body;
  // A docked composer is the email the rep opened last; the activity panel's comes after it.
  const docked = queryEvery(doc, DOCKED.slice(0, 1)).filter((c) => isShown(c) && !page.contains(c));
  const bodies = [...new Set([...docked.flatMap(frameEditors), ...frameEditors(page)])];
  return bodies.flatMap((b) => {
    const d = describeEditor(b);
    return d ? [d] : [];
  });
}

function watchTargets(doc: Document): WatchTarget[] {
  const page = visiblePage(doc);
  const targets: WatchTarget[] = [];
  // Pages swapped in and out when the rep moves between records.
  const stage = page?.parentElement ?? doc.querySelector('.oneCenterStage');
  if (stage) targets.push({ node: stage, subtree: false });
  // The stage moving along the path, the highlights and the composer's recipients.
  if (page) {
    for (const el of queryEvery(page, ['.slds-path', 'records-lwc-highlights-panel', '.toAddress', '.uiPillContainer']))
      targets.push({ node: el, subtree: true });
  }
  // The docking panel: an email composer opening, closing, or its recipients changing.
  const dock = queryFirst(doc, ['.forceDockingPanelOverflow', '.dockingPanelOverflow']) ?? queryFirst(doc, ['.forceDockingPanel'])?.parentElement;
  if (dock) targets.push({ node: dock, subtree: true });
  return targets;
}

export const salesforce: SiteAdapter = {
  site: 'salesforce',
  readContext,
  findEditors,
  describeEditor,
  editorNear,
  watchTargets,
};
