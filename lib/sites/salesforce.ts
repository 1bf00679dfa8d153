/*
 * Salesforce Lightning adapter.
 * Serves: https://<org>.lightning.force.com/lightning/r/<Object>/<id>/view and the same paths on
 * https://<org>.my.salesforce.com (which redirects other record links to Lightning), on
 * sandboxes and developer orgs (<org>--<sandbox>.sandbox.lightning.force.com…) and, once the rep
 * turns it on, Government Cloud — Opportunity, Lead, Contact and Account record pages (other
 * objects get their name and type but count as unrecognised), and the activity composer's
 * email editor (CKEditor in nested about:blank frames).
 * Pinned by: tests/fixtures/salesforce-opportunity.html, tests/fixtures/salesforce-lead.html,
 * tests/fixtures/salesforce-contact.html.
 *
 * Lightning keeps pages of records visited earlier in the DOM, hidden; every read starts from
 * the page on screen and only counts what is shown. LWC's synthetic shadow DOM leaves
 * everything in the light DOM, so ordinary queries see it from an extension.
 */
import type { EditorTarget } from '../editors/target';
import type { PageKind } from '../schema/page-context';
import type { ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import { companyFromEmail, makePerson, normalizeEmail, parseAddressList } from './derive';
import { cleanText, closestAny, firstText, frameDocuments, isShown, queryEvery, queryFirst, safeQueryAll, textOf } from './dom';

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
const COMPOSER = ['.emailuiEmailComposer', '[data-aura-class~="emailuiEmailComposer"]', '.forceChatterPublisherPresentationPanel', 'form'];
const SUBJECT = ['input[name="subject"]', 'input[placeholder*="Subject"]', 'input[aria-label="Subject"]'];

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
  cleanText(a).replace(/[:*]$/, '').replace(/\s*\(\d+\)$/, '').toLowerCase() === label.toLowerCase();

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

function fieldText(root: Element, labels: readonly string[]): string | undefined {
  return textOf(fieldElement(root, labels));
}

function fieldEmail(root: Element, labels: readonly string[]): string | undefined {
  const el = fieldElement(root, labels);
  const link = el?.querySelector('a[href^="mailto:"]');
  return normalizeEmail(link?.getAttribute('href')) ?? normalizeEmail(textOf(el));
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

/** The first contact in the Contact Roles related list: who an opportunity's emails go to. */
function primaryContact(root: Element) {
  const card =
    safeQueryAll(root, 'article[aria-label="Contact Roles"], article.forceRelatedListCardDesktop').find((a) =>
      /contact roles/i.test(a.getAttribute('aria-label') ?? firstText(a, ['.slds-card__header-title [title]', '.slds-card__header-title']) ?? ''),
    ) ?? null;
  const item = card ? queryFirst(card, ['.forceRelatedListPreviewItem', 'li']) : null;
  if (!item || !isShown(item)) return undefined;
  return makePerson({
    name: firstText(item, ['h3 a', 'a[data-refid]', '.primaryField']),
    email: normalizeEmail(item.querySelector('a[href^="mailto:"]')?.getAttribute('href')),
    title: fieldText(item, ['Title']),
  });
}

/** Recipients in the email composer's To field (pills). */
function composerRecipients(root: Element) {
  const people = [];
  for (const pill of safeQueryAll(root, '.toAddress .slds-pill__label, [class*="toAddress"] .slds-pill__label, .slds-pill__label[title*="@"]')) {
    if (!isShown(pill)) continue;
    const parsed = parseAddressList(pill.getAttribute('title'))[0];
    const person = makePerson({ name: parsed?.name ?? textOf(pill), email: parsed?.email });
    if (person?.email) people.push(person);
  }
  return people;
}

function readContext({ doc, url }: ReadInput): ContextFields {
  const record = recordFromUrl(url);
  if (!record) return { supported: false, pageKind: 'other' };
  const page = visiblePage(doc) ?? doc.body;
  const recordType = shownText(page, RECORD_TYPE) ?? record.object;
  const object = record.object ?? recordType;
  const pageKind: PageKind = (object && KINDS[object]) || 'other';
  const recordName = shownText(page, RECORD_NAME) ?? (cleanText(doc.title.split('|')[0]) || undefined);
  const recipients = composerRecipients(page);

  let person;
  let company: string | undefined;
  let deal: ContextFields['deal'];
  if (pageKind === 'opportunity') {
    person = primaryContact(page) ?? recipients[0];
    company = fieldText(page, ['Account Name', 'Account']);
    deal = { name: recordName, stage: pathStage(page) ?? fieldText(page, ['Stage']) };
  } else if (pageKind === 'lead' || pageKind === 'contact') {
    person = makePerson({
      name: recordName ?? fieldText(page, ['Name']),
      email: fieldEmail(page, ['Email']),
      title: fieldText(page, ['Title']),
    });
    company = fieldText(page, pageKind === 'lead' ? ['Company'] : ['Account Name', 'Account']);
    // A lead's status is the stage of its journey so far; the panel maps it like a deal stage.
    const status = pageKind === 'lead' ? (pathStage(page) ?? fieldText(page, ['Lead Status', 'Status'])) : undefined;
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
    industry: fieldText(page, ['Industry']),
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
  const label = safeQueryAll<HTMLLabelElement>(composer, 'label[for]').find((l) => sameLabel(textOf(l), 'Subject'));
  const byLabel = label ? composer.ownerDocument.getElementById(label.htmlFor) : null;
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
  return frameEditors(page).flatMap((b) => {
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
    for (const el of queryEvery(page, ['.slds-path', 'records-lwc-highlights-panel', '.toAddress'])) targets.push({ node: el, subtree: true });
  }
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
