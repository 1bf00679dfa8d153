/*
 * LinkedIn adapter.
 * Serves: https://www.linkedin.com/in/<member>/ (profiles), https://www.linkedin.com/messaging/…
 * (the messaging page), and the messaging overlay on any LinkedIn page (rendered in a shadow
 * root under #interop-outlet in recent builds, in the page itself in older ones).
 * Pinned by: tests/fixtures/linkedin-profile.html, tests/fixtures/linkedin-messaging.html,
 * tests/fixtures/linkedin-profile-overlay.html.
 * And their variants (tests/fixtures/variants/sites/linkedin.ts: renamed, wrapped, translated, rearranged).
 * Not Sales Navigator (www.linkedin.com/sales/…): that is salesnav.ts.
 *
 * Class names are LinkedIn's own BEM and artdeco names, which its builds have started to obfuscate:
 * each part is also found without them — the message box as a form's multi-line text box, the
 * conversation as the box around the form that links to the person, the person by the
 * conversation's heading, the profile's name by main's h1 — and the one label read (the top
 * card's current-company button) is known in English, Russian, German, French and Spanish, with
 * the Experience section behind it.
 *
 * Message boxes are contenteditable, but LinkedIn sends messages as plain text and its paste
 * handler drops formatting, so they are described as 'plain': the rep gets exactly the text
 * the prospect will read, instead of bold and links that vanish on send.
 */
import type { EditorTarget } from '../editors/target';
import type { ButtonSlot, ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import { companyFromHeadline, makePerson, roleFromHeadline, splitName } from './derive';
import { cleanText, firstText, isShown, queryEvery, queryFirst, queryFirstAll, shadowRootOf, textOf, type QueryRoot } from './dom';

const MESSAGE_BOX = [
  '.msg-form__contenteditable[contenteditable="true"]',
  '.msg-form [contenteditable="true"][role="textbox"]',
  // A build that renamed the classes: the form's multi-line text box, in any language.
  'form [contenteditable="true"][role="textbox"][aria-multiline="true"]',
];
const FORM = ['.msg-form', 'form'];
const CONVERSATION = ['.msg-overlay-conversation-bubble', '.msg-thread', '.msg-convo-wrapper', '[data-view-name="message-overlay-conversation-bubble-item"]'];
const PARTNER_NAME = [
  '.msg-overlay-bubble-header__title',
  '.msg-entity-lockup__entity-title',
  '#thread-detail-jump-target',
  '.msg-s-profile-card .artdeco-entity-lockup__title',
  '.msg-thread__link-to-profile',
  // Without the classes: the conversation's heading, else its first link to a profile.
  'h2',
  'a[href*="/in/"]',
];
const PARTNER_HEADLINE = ['.msg-overlay-bubble-header__subtitle', '.msg-entity-lockup__entity-info', '.msg-s-profile-card .artdeco-entity-lockup__subtitle'];
const MESSAGES = ['.msg-s-message-list__event', '.msg-s-event-listitem', '.msg-s-message-list-content > li'];
const OVERLAY_HOSTS = ['#interop-outlet', '[data-testid="interop-shadowdom"]'];

const PROFILE_NAME = ['h1.text-heading-xlarge', '.pv-top-card h1', 'main section:first-of-type h1', 'main h1'];
const HEADLINE = ['.pv-text-details__left-panel .text-body-medium', '.pv-top-card .text-body-medium', 'main section:first-of-type .text-body-medium'];
const LOCATION = [
  '.pv-text-details__left-panel ~ .mt2 .text-body-small.inline',
  '.pv-top-card .text-body-small.inline.t-black--light',
  'main section:first-of-type .text-body-small.inline.t-black--light',
  '.pv-top-card--list-bullet li.t-black--light',
];

/** The top card's current-company button, by its label in English, Russian, German, French or Spanish. */
const CURRENT_COMPANY = ['Current company', 'Текущая компания', 'Aktuelles Unternehmen', 'Entreprise actuelle', 'Empresa actual'].map(
  (w) => `button[aria-label^="${w}"], a[aria-label^="${w}"]`,
);

/** Not Sales Navigator: it shares the host and is its own app under /sales (salesnav.ts). */
function serves(url: URL): boolean {
  return url.pathname !== '/sales' && !url.pathname.startsWith('/sales/');
}

/** The document plus the shadow roots LinkedIn renders its messaging overlay into. */
function roots(doc: Document): QueryRoot[] {
  const found: QueryRoot[] = [doc];
  const hosts = new Set<Element>(queryEvery(doc, OVERLAY_HOSTS));
  // Future hosts: any direct child of <body> with a shadow root is cheap to look at.
  for (const child of Array.from(doc.body?.children ?? [])) hosts.add(child);
  for (const host of hosts) {
    const root = shadowRootOf(host);
    if (root && !found.includes(root)) found.push(root);
  }
  return found;
}

function conversationOf(el: Element): Element | null {
  for (const s of CONVERSATION) {
    const c = el.closest(s);
    if (c) return c;
  }
  // A build without the hooks: the box around the message form that also links to the person.
  const form = el.closest('form');
  for (let n = form?.parentElement ?? null; n && n.localName !== 'main' && n !== el.ownerDocument.body; n = n.parentElement) {
    if (n.querySelector('a[href*="/in/"]')) return n;
  }
  return null;
}

function messageBoxes(doc: Document): HTMLElement[] {
  return roots(doc)
    .flatMap((r) => queryEvery(r, MESSAGE_BOX))
    .filter((b) => isShown(b));
}

function editorFor(box: HTMLElement): EditorTarget {
  const conversation = conversationOf(box);
  const partner = conversation ? partnerName(conversation) : undefined;
  return {
    element: box,
    kind: 'plain',
    label: partner ? `LinkedIn message to ${partner}` : 'LinkedIn message',
    caretAt: 'end',
  };
}

function describeEditor(el: HTMLElement): EditorTarget | null {
  const box = queryEvery(el.getRootNode() as QueryRoot, MESSAGE_BOX).find((b) => b === el || b.contains(el));
  if (box) return editorFor(box);
  // Posts and comments: LinkedIn keeps their text plain too.
  return { element: el, kind: 'plain', label: cleanText(el.getAttribute('aria-label')) || 'LinkedIn text box' };
}

function editorNear(el: Element): EditorTarget | null {
  const form = el.closest(FORM.join(',')) ?? (conversationOf(el) as Element | null);
  const box = form ? queryFirst<HTMLElement>(form, MESSAGE_BOX) : null;
  return box && isShown(box) ? editorFor(box) : null;
}

function partnerName(conversation: Element): string | undefined {
  return firstText(conversation, PARTNER_NAME);
}

function partnerOf(conversation: Element) {
  const headline = firstText(conversation, PARTNER_HEADLINE);
  return {
    name: partnerName(conversation),
    headline,
    messages: queryFirstAll(conversation, MESSAGES).length,
  };
}

function profileSlug(url: URL): string | undefined {
  return /^\/in\/([^/]+)/.exec(url.pathname)?.[1];
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  const fa = splitName(a)?.fullName.toLowerCase();
  return fa !== undefined && fa === splitName(b)?.fullName.toLowerCase();
}

/** The profile's top card and experience, read without relying on any one class name. */
function readProfile(doc: Document) {
  const name = firstText(doc, PROFILE_NAME) ?? cleanText(doc.title.replace(/^\(\d+\)\s*/, '').split('|')[0]);
  const headline = firstText(doc, HEADLINE);
  const currentButton = queryFirst(doc, CURRENT_COMPANY);
  // "Current company: Northwind Logistics. Click to skip to experience card", in the rep's language.
  const fromButton = currentButton
    ? cleanText(/:\s*(.+?)\.(?:\s|$)/.exec(currentButton.getAttribute('aria-label') ?? '')?.[1]) || textOf(currentButton)
    : undefined;
  const experience = doc.getElementById('experience')?.closest('section') ?? null;
  const firstJob = experience ? queryFirst(experience, ['li .pvs-entity', 'li']) : null;
  // The job's title and company lines; without the utility classes, its first two visible lines
  // (LinkedIn pairs each with a screen-reader copy and hides the visible one from it).
  const jobLines = firstJob
    ? queryFirstAll(firstJob, ['.t-bold span[aria-hidden="true"], .t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]', 'span[aria-hidden="true"]'])
        .map((e) => textOf(e))
        .filter((t): t is string => !!t)
    : [];
  const jobTitle = jobLines[0];
  const jobCompany = jobLines[1] ? cleanText(jobLines[1].split('·')[0]) : undefined;
  return {
    name: name || undefined,
    headline,
    company: fromButton || jobCompany || companyFromHeadline(headline),
    title: jobTitle || roleFromHeadline(headline) || headline,
    location: firstText(doc, LOCATION),
  };
}

function readContext({ doc, url, editor }: ReadInput): ContextFields {
  const boxConversation = editor ? conversationOf(editor.element) : null;
  const openConversation =
    boxConversation ??
    roots(doc)
      .flatMap((r) => queryEvery(r, CONVERSATION))
      .find((c) => isShown(c) && queryFirst(c, MESSAGE_BOX) !== null) ??
    null;
  const partner = openConversation ? partnerOf(openConversation) : undefined;

  if (profileSlug(url)) {
    const profile = readProfile(doc);
    // The overlay may be a conversation with someone else than the profile's member.
    const talkingToProfile = partner && (!partner.name || sameName(partner.name, profile.name));
    if (partner && !talkingToProfile && boxConversation) {
      return fromConversation(partner, 'profile');
    }
    return {
      supported: true,
      pageKind: 'profile',
      person: makePerson({ name: profile.name, title: profile.title }),
      company: profile.company,
      location: profile.location,
      inConversation: talkingToProfile ? partner.messages > 0 : undefined,
      threadLength: talkingToProfile ? partner.messages : undefined,
    };
  }
  if (url.pathname.startsWith('/messaging') || partner) {
    if (!partner) return { supported: true, pageKind: 'messaging', inConversation: false };
    return fromConversation(partner, 'messaging');
  }
  return { supported: false, pageKind: 'other' };
}

function fromConversation(partner: ReturnType<typeof partnerOf>, pageKind: 'profile' | 'messaging'): ContextFields {
  return {
    supported: true,
    pageKind,
    person: makePerson({ name: partner.name, title: roleFromHeadline(partner.headline) ?? partner.headline }),
    company: companyFromHeadline(partner.headline),
    inConversation: partner.messages > 0,
    threadLength: partner.messages,
  };
}

function findEditors(doc: Document, _url: URL, focus: Element | null): EditorTarget[] {
  const boxes = messageBoxes(doc);
  const near = focus ? conversationOf(focus) : null;
  const inNear = (box: Element) => Number(near?.contains(box) ?? false);
  return boxes.sort((a, b) => inNear(b) - inNear(a)).map(editorFor);
}

function buttonSlots(doc: Document): ButtonSlot[] {
  const slots: ButtonSlot[] = [];
  for (const box of messageBoxes(doc)) {
    const form = box.closest(FORM.join(','));
    if (!form) continue;
    const left = queryFirst(form, ['.msg-form__left-actions', '.msg-form__footer']);
    slots.push(left ? { anchor: left, where: 'append', scope: form } : { anchor: box, where: 'after', scope: form });
  }
  return slots;
}

function watchTargets(doc: Document): WatchTarget[] {
  // The overlay's bubbles opening and closing and messages arriving (structure only: the Send
  // button's state flips on every key). The messaging page changes URL per thread.
  return roots(doc)
    .slice(1)
    .map((root) => ({ node: root, subtree: true, attributes: false }));
}

export const linkedin: SiteAdapter = {
  site: 'linkedin',
  serves,
  readContext,
  findEditors,
  describeEditor,
  editorNear,
  buttonSlots,
  watchTargets,
};
