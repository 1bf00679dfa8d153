/*
 * LinkedIn Sales Navigator adapter.
 * Serves: https://www.linkedin.com/sales/lead/<id>,NAME_SEARCH,<token> (lead pages; the older
 * https://www.linkedin.com/sales/people/<id>,… form too), https://www.linkedin.com/sales/inbox/
 * and its threads (/sales/inbox/<thread id>), and the message/InMail composer Sales Navigator
 * opens over any /sales/ page (from a lead page, or "Message" on a search result).
 * Pinned by: tests/fixtures/salesnav-lead-inmail.html, tests/fixtures/salesnav-inbox-thread.html.
 * And their variants (tests/fixtures/variants/sites/salesnav.ts: renamed, wrapped, translated, rearranged).
 *
 * Sales Navigator lives on www.linkedin.com beside LinkedIn itself; everything under /sales/ is
 * this adapter's and nothing else is (linkedin.ts leaves /sales/ alone).
 *
 * Its class names are CSS modules with a per-build hash (_headingText_e3b563) and its ids are
 * Ember's (ember123): neither is read alone. What Sales Navigator's own tooling needs stays put:
 * data-anonymize on people's names, titles and companies (its PII masking), data-x--… and
 * data-sn-view-name on its views, data-control-name on tracked controls, the compose form's
 * field names and id prefixes, and URLs (/sales/lead/, /sales/company/, /sales/lists/). Other
 * leads on the page ("People also viewed", the inbox's other threads) carry the same
 * data-anonymize markers, so every read starts from the part of the page that is about this
 * lead: the top card, the open thread, the composer.
 *
 * The composer is a form with a textarea (and, for InMail, a required Subject input); it sends
 * plain text, so editors here are 'plain'. Its framework hears input/change on both fields and
 * enables Send only then, which the insertion engine's events satisfy.
 */
import type { EditorTarget } from '../editors/target';
import type { ButtonSlot, ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import { companyFromHeadline, makePerson, roleFromHeadline, splitName } from './derive';
import { cleanText, closestAny, firstText, isShown, queryEvery, queryFirst, safeQueryAll, textOf, type QueryRoot } from './dom';

const LEAD_PATH = /^\/sales\/(?:lead|people)\/[^/]+/;
const INBOX_PATH = /^\/sales\/inbox(?:\/|$)/;
const THREAD_PATH = /^\/sales\/inbox\/[^/]+/;

const COMPOSE_FORM = ['[data-x-conversation-widget="compose-form"]', 'form[id^="compose-form"]', 'form.compose-form', '.compose-form'];
const MESSAGE = ['textarea[name="message"]', 'textarea[id^="compose-form-text"]', 'textarea.compose-form__message-field'];
const SUBJECT = ['input[id^="compose-form-subject"]', 'input[name="subject"]'];
/** "Subject (required)" as Sales Navigator labels it in the rep's language. */
const SUBJECT_LABEL = /^(?:subject|тема|betreff|objet|asunto)\b/i;
const SEND = ['button[type="submit"]', 'button[data-sales-action]'];
/** Where a composer's recipient is named: the lockup in its header, a pill for a new thread. */
const RECIPIENT = [
  '.artdeco-entity-lockup__title [data-anonymize="person-name"]',
  '[data-anonymize="person-name"]',
  '.artdeco-entity-lockup__title > *:first-child:not([aria-hidden])',
  '.artdeco-pill',
  'a[href*="/sales/lead/"]',
];
const HEADLINE = ['[data-x--lead-profile-card--headline]', '[data-anonymize="headline"]', '.profile-topcard__headline', '.artdeco-entity-lockup__subtitle'];

const TOP_CARD = ['#profile-card-section', '[data-sn-view-name="feature-lead-top-card"]', '.profile-topcard'];
const LEAD_NAME = [
  '[data-x--lead--name]',
  'h1[data-anonymize="person-name"]',
  'h2[data-anonymize="person-name"]',
  '.profile-topcard-person-entity__name',
  '[data-anonymize="person-name"]',
];
const JOB_TITLE = ['[data-anonymize="job-title"]', '.profile-topcard__summary-position', '.profile-experience__title'];
const COMPANY = ['[data-anonymize="company-name"]', 'a[href*="/sales/company/"]', '.profile-topcard__summary-company', '.profile-experience__company'];
const LOCATION = ['[data-anonymize="location"]', '.profile-topcard__location-data', '.profile-topcard__summary-location'];
const EXPERIENCE = ['[data-sn-view-name="feature-lead-experience"]', '[data-x--lead--experience-section]', '.profile-experience'];
const SAVE_CTA = ['[data-x--lead-save-cta]', '[data-x--save-menu-trigger]'];
/** The save button's text once the lead is saved, in the languages Sales Navigator is used in here. */
const SAVED_WORD = /^(?:saved|сохранен|сохранён|gespeichert|enregistré|guardado)/i;
const LEAD_LIST = 'a[href*="/sales/lists/people/"]';
const ANY_LIST = 'a[href*="/sales/lists/"]';

const THREAD = ['.thread-container', '[data-sn-view-name="feature-inbox-thread"]', '[data-x--conversation-thread]'];
const INSIGHTS = ['.conversation-insights', '[data-sn-view-name="feature-conversation-insights"]', '[data-sn-view-name*="insights"]'];
const MESSAGES = ['.infinite-scroll-container > li', '[data-x--conversation-message]', 'ul > li'];
const OTHER_THREAD = 'a[href*="/sales/inbox/"]';

const REP = ['[data-control-name="view_user_menu_from_app_header"]', '[data-x--dropdown-trigger--user]', '.global-header__me-photo'];
/** Parts of a page that are never about the lead in view: navigation, rails, lists of others. */
const ELSEWHERE = 'nav, aside, li, [role="banner"], [role="navigation"], [role="complementary"], [role="dialog"], form';

function sameName(a: string | undefined, b: string | undefined): boolean {
  const fa = splitName(a)?.fullName.toLowerCase();
  return fa !== undefined && fa === splitName(b)?.fullName.toLowerCase();
}

/** The signed-in rep's name, from the global header's account button. */
function repName(doc: Document): string | undefined {
  const button = queryFirst(doc, REP);
  if (!button) return undefined;
  const named = button.querySelector('[data-anonymize="person-name"]');
  const alt = button.querySelector('img[alt]')?.getAttribute('alt');
  return cleanText(named?.textContent) || cleanText(alt) || textOf(button);
}

// --- The composer -------------------------------------------------------------------------

function messageBoxOf(form: Element): HTMLTextAreaElement | null {
  const known = queryFirst<HTMLTextAreaElement>(form, MESSAGE);
  if (known) return known;
  // A build that renamed the field: the form's one textarea.
  const all = safeQueryAll<HTMLTextAreaElement>(form, 'textarea');
  return all.length === 1 ? all[0]! : null;
}

function subjectOf(form: Element): HTMLInputElement | null {
  const known = queryFirst<HTMLInputElement>(form, SUBJECT);
  if (known) return known;
  const inputs = safeQueryAll<HTMLInputElement>(form, 'input').filter((i) => {
    const type = (i.getAttribute('type') ?? 'text').toLowerCase();
    const role = i.getAttribute('role');
    return (type === 'text' || type === '') && role !== 'combobox' && role !== 'searchbox';
  });
  const labelled = inputs.find((i) => SUBJECT_LABEL.test(cleanText(i.getAttribute('aria-label') ?? i.getAttribute('placeholder'))));
  // Unlabelled in a language not listed: the form's one text input is the subject.
  return labelled ?? (inputs.length === 1 ? inputs[0]! : null);
}

/** A link to a lead page that is not a row of a list of others (the inbox's threads, a rail). */
function ownLeadLink(root: Element): boolean {
  return safeQueryAll(root, 'a[href*="/sales/lead/"]').some((a) => !a.closest(`${OTHER_THREAD}, li, aside, nav, header[role="banner"]`));
}

/**
 * A form that is a composer by its place alone, for builds that renamed every hook: the form
 * of a dialog (InMail), or the reply form of a thread (its box shares a column with a link to
 * the lead, and with no other text box).
 */
function composerByPlace(form: Element): boolean {
  if (!messageBoxOf(form)) return false;
  if (form.closest('[role="dialog"]')) return true;
  for (let n = form.parentElement; n && n.localName !== 'main' && n !== form.ownerDocument.body; n = n.parentElement) {
    if (safeQueryAll(n, 'textarea').length > 1) return false;
    if (ownLeadLink(n)) return true;
  }
  return false;
}

/** The compose form an element belongs to, if it holds a message box. */
function composeOf(el: Element | null | undefined): Element | null {
  if (!el) return null;
  const known = closestAny(el, COMPOSE_FORM);
  if (known && messageBoxOf(known)) return known;
  const form = el.closest('form');
  return form && (queryFirst(form, MESSAGE) || composerByPlace(form)) ? form : null;
}

/** The compose forms on the page whose message box a person can see, innermost only. */
function openComposes(doc: Document): Element[] {
  const forms = new Set<Element>(queryEvery(doc, COMPOSE_FORM));
  for (const box of queryEvery(doc, MESSAGE)) {
    const form = box.closest('form');
    if (form) forms.add(form);
  }
  if (forms.size === 0) for (const form of safeQueryAll(doc, 'form')) if (composerByPlace(form)) forms.add(form);
  const shown = [...forms].filter((f) => {
    const box = messageBoxOf(f);
    return box !== null && isShown(box);
  });
  return shown.filter((f) => !shown.some((g) => g !== f && f.contains(g)));
}

interface Named {
  name?: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  lists: string[];
  leadLists: number;
}

/** Who a composer writes to, from its own header (InMail from a lead or search page). */
function composeRecipient(form: Element, rep: string | undefined): Named | undefined {
  const scope = form.closest('[role="dialog"]') ?? form;
  for (const s of RECIPIENT) {
    for (const el of safeQueryAll(scope, s)) {
      const name = textOf(el);
      if (!name || sameName(name, rep)) continue;
      const lockup = el.closest('.artdeco-entity-lockup') ?? scope;
      const headline = firstText(lockup, HEADLINE);
      return { name, headline, title: roleFromHeadline(headline), company: companyFromHeadline(headline), lists: [], leadLists: 0 };
    }
  }
  return undefined;
}

// --- A lead page --------------------------------------------------------------------------

/**
 * The first element with text the selectors find outside the parts of the page about someone
 * else (a rail, a list, the header). Such a part around `scope` itself does not count.
 */
function firstOwn(root: QueryRoot, selectors: readonly string[], scope: Element | null = null): Element | null {
  for (const s of selectors) {
    for (const el of safeQueryAll(root, s)) {
      const other = el.closest(ELSEWHERE);
      if (other && !(scope && other.contains(scope))) continue;
      if (textOf(el)) return el;
    }
  }
  return null;
}

/** The lead's top card: by Sales Navigator's ids, else around the lead's name. */
function topCard(doc: Document): Element | null {
  const known = queryEvery(doc, TOP_CARD).find((c) => isShown(c));
  if (known) return known;
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return null;
  const name = firstOwn(main, LEAD_NAME);
  if (!name) return null;
  return name.closest('section') ?? name.parentElement?.parentElement ?? name.parentElement;
}

function firstJob(doc: Document): Element | null {
  const section = queryEvery(doc, EXPERIENCE).find((s) => isShown(s));
  if (!section) return null;
  return safeQueryAll(section, 'li').find((li) => queryFirst(li, JOB_TITLE)) ?? queryFirst(section, ['li']);
}

function listsIn(root: Element): { lists: string[]; leadLists: number } {
  const lists: string[] = [];
  let leadLists = 0;
  for (const a of safeQueryAll(root, ANY_LIST)) {
    const name = textOf(a);
    if (!name || lists.includes(name)) continue;
    lists.push(name);
    if (a.matches(LEAD_LIST)) leadLists += 1;
  }
  return { lists, leadLists };
}

function readLead(doc: Document): (Named & { saved: boolean }) | undefined {
  const card = topCard(doc);
  if (!card) return undefined;
  const nameEl = firstOwn(card, LEAD_NAME, card) ?? queryFirst(card, LEAD_NAME);
  const headline = firstText(card, HEADLINE.slice(0, 3));
  const job = firstJob(doc);
  const { lists, leadLists } = listsIn(card);
  const cta = queryFirst(card, SAVE_CTA);
  return {
    name: textOf(nameEl),
    headline,
    title: firstText(card, JOB_TITLE) ?? firstText(job, JOB_TITLE) ?? roleFromHeadline(headline),
    company: firstText(card, COMPANY) ?? firstText(job, COMPANY) ?? companyFromHeadline(headline),
    location: firstText(card, LOCATION),
    lists,
    leadLists,
    saved: leadLists > 0 || SAVED_WORD.test(textOf(cta) ?? ''),
  };
}

// --- The inbox ----------------------------------------------------------------------------

/** The open thread: around the reply form, else the one on screen. */
function threadOf(doc: Document, from: Element | null): Element | null {
  const near = from ? closestAny(from, THREAD) : null;
  if (near) return near;
  const shown = queryEvery(doc, THREAD).find((t) => isShown(t));
  if (shown) return shown;
  // A build without the known hooks: the nearest box around the reply form that links to a lead.
  const form = from ? composeOf(from) : openComposes(doc)[0];
  for (let n = form?.parentElement ?? null; n && n !== doc.body; n = n.parentElement) {
    if (ownLeadLink(n)) return n;
  }
  return null;
}

function insightsPanel(doc: Document): Element | null {
  return queryEvery(doc, INSIGHTS).find((p) => isShown(p)) ?? null;
}

/** The other person in the thread: the insights lockup, else the thread's own header. */
function threadPerson(doc: Document, thread: Element | null, rep: string | undefined): Named | undefined {
  const insights = insightsPanel(doc);
  const candidates: Element[] = [];
  if (insights) candidates.push(insights);
  if (thread) candidates.push(thread);
  for (const scope of candidates) {
    const name = safeQueryAll(scope, '[data-anonymize="person-name"], a[href*="/sales/lead/"]')
      .filter((el) => !el.closest(OTHER_THREAD))
      .map((el) => textOf(el))
      .find((n): n is string => !!n && !sameName(n, rep));
    if (!name) continue;
    const headline = firstText(scope, ['[data-anonymize="headline"]']);
    const { lists, leadLists } = listsIn(scope);
    return {
      name,
      headline,
      title: firstText(scope, ['[data-anonymize="job-title"]', '[data-anonymize="title"]']) ?? roleFromHeadline(headline),
      company: firstText(scope, ['[data-anonymize="company-name"]', 'a[href*="/sales/company/"]']) ?? companyFromHeadline(headline),
      location: firstText(scope, ['[data-anonymize="location"]']),
      lists,
      leadLists,
    };
  }
  return undefined;
}

/** Messages in a thread: its list items that hold a message body (not "beginning of…" notes). */
function messageCount(thread: Element): number {
  for (const s of MESSAGES) {
    const items = safeQueryAll(thread, s).filter((li) => !li.closest('form') && li.querySelector('p, article'));
    if (items.length > 0) return items.length;
  }
  return 0;
}

// --- The contract -------------------------------------------------------------------------

function recipientName(form: Element): string | undefined {
  const doc = form.ownerDocument;
  const rep = repName(doc);
  const thread = threadOf(doc, form);
  return composeRecipient(form, rep)?.name ?? (thread ? threadPerson(doc, thread, rep)?.name : readLead(doc)?.name);
}

function editorFor(form: Element, box: HTMLTextAreaElement): EditorTarget {
  const subject = subjectOf(form);
  const shownSubject = subject && isShown(subject) ? subject : null;
  const to = recipientName(form);
  const kind = shownSubject ? 'InMail' : 'Message';
  return {
    element: box,
    kind: 'plain',
    label: to ? `${kind} to ${to}` : `Sales Navigator ${kind === 'InMail' ? 'InMail' : 'message'}`,
    subject: shownSubject,
    caretAt: 'end',
  };
}

function describeEditor(el: HTMLElement): EditorTarget | null {
  const form = composeOf(el);
  const box = form ? messageBoxOf(form) : null;
  return form && box === el ? editorFor(form, box) : null;
}

function editorNear(el: Element): EditorTarget | null {
  const thread = closestAny(el, THREAD);
  const form = composeOf(el) ?? (thread ? queryFirst(thread, COMPOSE_FORM) : null);
  const box = form ? messageBoxOf(form) : null;
  return form && box && isShown(box) ? editorFor(form, box) : null;
}

function findEditors(doc: Document, _url: URL, focus: Element | null): EditorTarget[] {
  const current = composeOf(focus);
  const forms = openComposes(doc);
  // The rep's compose first; else the newest, which Sales Navigator appends last.
  const ordered = [...forms].reverse().sort((a, b) => Number(b === current) - Number(a === current));
  return ordered.flatMap((form) => {
    const box = messageBoxOf(form);
    return box ? [editorFor(form, box)] : [];
  });
}

function personFields(named: Named | undefined) {
  return {
    person: named ? makePerson({ name: named.name, title: named.title ?? named.headline }) : undefined,
    company: named?.company,
    location: named?.location,
    lists: named && named.lists.length > 0 ? named.lists : undefined,
  };
}

function readContext({ doc, url, focus, editor }: ReadInput): ContextFields {
  const rep = repName(doc);
  const compose = composeOf(editor?.element) ?? composeOf(focus) ?? openComposes(doc).at(-1) ?? null;
  const subjectField = compose ? subjectOf(compose) : null;
  const subject = cleanText(subjectField?.value) || undefined;

  if (LEAD_PATH.test(url.pathname)) {
    const lead = readLead(doc);
    const recipient = compose ? composeRecipient(compose, rep) : undefined;
    // A composer opened for someone else than the lead in view (a rail's "Message").
    if (recipient?.name && lead?.name && !sameName(recipient.name, lead.name)) {
      return { supported: true, pageKind: 'lead', ...personFields(recipient), subject };
    }
    return { supported: true, pageKind: 'lead', ...personFields(lead ?? recipient), saved: lead?.saved, subject };
  }

  if (INBOX_PATH.test(url.pathname)) {
    if (!THREAD_PATH.test(url.pathname) && !compose) return { supported: true, pageKind: 'messaging', inConversation: false };
    const thread = threadOf(doc, compose);
    const person = threadPerson(doc, thread, rep) ?? (compose ? composeRecipient(compose, rep) : undefined);
    const messages = thread ? messageCount(thread) : 0;
    return {
      supported: true,
      pageKind: 'messaging',
      ...personFields(person),
      saved: person && person.leadLists > 0 ? true : undefined,
      inConversation: messages > 0,
      threadLength: messages,
      subject,
    };
  }

  if (compose) {
    return { supported: true, pageKind: 'compose', ...personFields(composeRecipient(compose, rep)), subject };
  }
  return { supported: false, pageKind: 'other' };
}

function buttonSlots(doc: Document): ButtonSlot[] {
  return openComposes(doc).flatMap((form) => {
    const send = queryFirst(form, SEND);
    return send ? [{ anchor: send, where: 'before' as const, scope: form }] : [];
  });
}

function watchTargets(doc: Document): WatchTarget[] {
  const targets: WatchTarget[] = [];
  // The composer is appended to <body> and removed again when it closes.
  if (doc.body) targets.push({ node: doc.body, subtree: false });
  // Saving the lead to a list, the inbox's insights and messages arriving.
  const card = topCard(doc);
  if (card) targets.push({ node: card, subtree: true });
  const insights = insightsPanel(doc);
  if (insights) targets.push({ node: insights, subtree: true });
  const thread = queryEvery(doc, THREAD).find((t) => isShown(t));
  if (thread) targets.push({ node: thread, subtree: true, attributes: false });
  return targets;
}

export const salesnav: SiteAdapter = {
  site: 'salesnav',
  readContext,
  findEditors,
  describeEditor,
  editorNear,
  buttonSlots,
  watchTargets,
};
