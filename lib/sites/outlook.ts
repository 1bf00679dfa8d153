/*
 * Outlook on the web adapter.
 * Serves: https://outlook.office.com/mail/…, https://outlook.office365.com/mail/…,
 * https://outlook.live.com/mail/0/…, https://outlook.cloud.microsoft/mail/… — folders
 * (/mail/inbox), conversations (/mail/inbox/id/<id>) with a new message, an inline reply, reply
 * all or forward open in the reading pane (the URL does not change when they open), and
 * popped-out composes (/mail/deeplink/compose…).
 * Pinned by: tests/fixtures/outlook-new-compose.html, tests/fixtures/outlook-thread-reply.html,
 * tests/fixtures/outlook-popout-compose.html.
 * And their variants (tests/fixtures/variants/sites/outlook.ts: renamed, wrapped, translated, rearranged).
 *
 * The context is the compose the rep is in (focused, else last focused, else the visible one):
 * Outlook keeps inactive drafts in the DOM, hidden and often before the active one, and marks
 * read-only message bodies with the same aria-label as the editor. Outlook's class names are
 * hashed and change with every build, so each part is found by what Outlook's own code relies
 * on — contenteditable, ARIA roles and states, its `data-*` hooks, element ids of its editor and
 * quoted-reply markup, the URL — with an aria-label in five languages as one layer among several.
 */
import type { EditorTarget } from '../editors/target';
import type { Person } from '../schema/page-context';
import type { ButtonSlot, ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import { companyFromEmail, findEmail, isEmail, makePerson, normalizeEmail } from './derive';
import { cleanText, closestAny, isShown, linesOf, queryEvery, queryFirst, safeQueryAll, textOf } from './dom';

/** Outlook's labels in English, Russian, German, French and Spanish. */
const anyLabel = (attr: string, words: string[], tag = '') => words.map((w) => `${tag}[${attr}="${w}"]`).join(',');
const BODY_LABEL = anyLabel('aria-label', ['Message body', 'Текст сообщения', 'Nachrichtentext', 'Corps du message', 'Cuerpo del mensaje']);
const SUBJECT_LABEL = anyLabel('aria-label', ['Subject', 'Тема', 'Betreff', 'Objet', 'Asunto'], 'input');
const TO_LABEL = anyLabel('aria-label', ['To', 'Кому', 'An', 'À', 'Para']);
const SEND_LABEL = anyLabel('aria-label', ['Send', 'Отправить', 'Senden', 'Envoyer', 'Enviar'], 'button');

/**
 * What makes an editable element the message body rather than a recipient well: RoosterJS marks
 * it a multi-line textbox, Outlook wraps it in `editorParent_<n>` and turns on text prediction
 * for it; the label is the last resort.
 */
const BODY_MARKS = ['[aria-multiline="true"]', '[id^="editorParent_"] > *', '[textprediction]', BODY_LABEL];
const EDITABLE = '[contenteditable="true"], [contenteditable=""]';
/** One plain attribute selector for whole-page searches: Chromium answers it far faster than a list. */
const ANY_EDITABLE = '[contenteditable]';
const COMPOSE_ROOTS = ['[id^="docking_InitVisiblePart"]', '[data-app-section="Form_Content"]', '[data-app-section="ComposeForm"]'];
const SUBJECT = ['input[id^="MSG_"][id$="_SUBJECT"]', SUBJECT_LABEL, 'input[maxlength="255"]'];
const SEND = ['[data-testid="ComposeSendButton"] button', 'button[id$="__primaryActionButton"]', SEND_LABEL, 'button.ms-Button--primary'];
/** The quoted original of a reply or forward, in the body: classic and current Outlook markup. */
const QUOTE = ['#divRplyFwdMsg', '[id$="divRplyFwdMsg"]', '#mail-editor-reference-message-container', '#appendonsend'];
const SIGNATURE = ['#Signature', '[id$="_Signature"]', '#signature'];
const READING_PANE = ['[data-app-section="ConversationContainer"]', '#ReadingPaneContainerId', '[data-app-section="MailReadCompose"]', '[role="main"]'];
/** People shown as Outlook's live persona cards: senders, and recipients of messages read. */
const PERSONA = ['[data-lpc-hover-target-id]', '.lpc-hoverTarget'];
const READ_RECIPIENTS = '[data-testid="RecipientWell"], [aria-readonly="true"]';
const HEADING = ['[role="heading"][id$="_SUBJECT"]', '[role="heading"][aria-level="2"]', '[role="heading"]'];
/** Where the signed-in account shows its address: the account manager, header button, folder pane. */
const ACCOUNT = ['[id^="mectrl_currentAccount"]', '#mectrl_main_trigger', '#O365_MainLink_Me', '#meInitialsButton'];
/** The folder pane's top level: one node per mailbox the rep has (people added to Favorites sit below). */
const MAILBOXES = ['[role="tree"] [role="treeitem"][aria-level="1"][title*="@"]'];
const REPLY_SUBJECT = /^(?:re|aw|antw|sv|vs|odp|rif|ответ|отв)\s*(?:\[\d+\])?\s*:/i;
const FORWARD_SUBJECT = /^(?:fw|fwd|wg|tr|rv|enc|doorst|vb|пересл)\.?\s*(?:\[\d+\])?\s*:/i;

/** Mail only: Calendar, People and the rest share the hosts. */
function serves(url: URL): boolean {
  return /^\/mail(?:\/|$)/.test(url.pathname);
}

/** The URL's path after /mail, without outlook.live.com's account index (/mail/0/…). */
function route(url: URL): string[] {
  const parts = url.pathname.split('/').filter(Boolean).slice(1);
  if (/^\d+$/.test(parts[0] ?? '')) parts.shift();
  return parts.map((p) => p.toLowerCase());
}

const isPopOut = (url: URL) => {
  const [first, second = ''] = route(url);
  return first === 'compose' || (first === 'deeplink' && second.startsWith('compose'));
};

function editableRoot(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  return (v === '' || v === 'true') && !el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]');
}

function isBody(el: Element): boolean {
  return editableRoot(el) && BODY_MARKS.some((m) => el.matches(m));
}

/** Every message body editor under `root`, hidden drafts' too, in document order. */
function bodiesIn(root: Document | Element): HTMLElement[] {
  return safeQueryAll(root, ANY_EDITABLE).filter(isBody);
}

function hasComposeParts(n: Element): boolean {
  return queryFirst(n, SUBJECT) !== null || safeQueryAll(n, ANY_EDITABLE).some((e) => editableRoot(e) && !isBody(e)) || queryFirst(n, SEND) !== null;
}

/**
 * The compose a body belongs to: Outlook's docking part or pop-out form when it holds only this
 * body, else the smallest box around the body that also holds the compose's fields.
 */
function rootForBody(body: Element): Element | null {
  const known = closestAny(body, COMPOSE_ROOTS);
  if (known && bodiesIn(known).length === 1) return known;
  for (let n = body.parentElement; n && n !== body.ownerDocument.body; n = n.parentElement) {
    if (bodiesIn(n).length > 1) return null;
    if (hasComposeParts(n)) return n;
  }
  return null;
}

interface Compose {
  root: Element;
  body: HTMLElement;
  shown: boolean;
}

/**
 * Every compose on the page, inactive hidden drafts included. A read asks for them many times
 * (editors, context, button slots, watch targets, "is this card inside a compose?"), so the
 * answer is kept until the running task ends: nothing in one read opens or closes a compose.
 */
let composesNow: { doc: Document; all: Compose[] } | null = null;
function allComposes(doc: Document): Compose[] {
  if (composesNow?.doc !== doc) {
    const all: Compose[] = [];
    for (const body of bodiesIn(doc)) {
      const root = rootForBody(body);
      if (root && !all.some((c) => c.root === root)) all.push({ root, body, shown: isShown(body) });
    }
    composesNow = { doc, all };
    queueMicrotask(() => (composesNow = null));
  }
  return composesNow.all;
}

/** The composes the rep can see, in document order. */
const composes = (doc: Document): Element[] =>
  allComposes(doc)
    .filter((c) => c.shown)
    .map((c) => c.root);

/** The compose an element belongs to (its body, a recipient well, the Send button…), or null. */
function composeRootOf(el: Element | null | undefined): Element | null {
  return el ? (allComposes(el.ownerDocument).find((c) => c.root.contains(el))?.root ?? null) : null;
}

const bodyOf = (root: Element): HTMLElement | null => allComposes(root.ownerDocument).find((c) => c.root === root)?.body ?? bodiesIn(root)[0] ?? null;

/** The subject field: Outlook's per-draft id, the label, its 255-character limit, or the compose's one plain text input. */
function subjectOf(root: Element): HTMLInputElement | null {
  const found = queryFirst<HTMLInputElement>(root, SUBJECT);
  if (found) return found;
  const body = bodyOf(root);
  const inputs = safeQueryAll<HTMLInputElement>(root, 'input:not([type]), input[type="text"]').filter(
    (i) => !i.closest('[role="combobox"], [role="search"]') && i.getAttribute('role') !== 'combobox' && !(body && body.compareDocumentPosition(i) & 4),
  );
  return inputs.length === 1 ? inputs[0]! : null;
}

/**
 * RoosterJS keeps its own undo history and takes Ctrl+Z itself. It records a step when an IME
 * composition ends (roosterjs-content-model-core, UndoPlugin), so a composition end before and
 * after the insert makes the insert one step of Outlook's own undo.
 */
function checkpoint(body: HTMLElement): void {
  const view = body.ownerDocument.defaultView;
  const Ctor = view?.CompositionEvent ?? CompositionEvent;
  body.dispatchEvent(new Ctor('compositionend', { bubbles: true, data: '' }));
}

function editorFor(root: Element, body: HTMLElement): EditorTarget {
  const subject = subjectOf(root);
  return {
    element: body,
    kind: 'rich',
    label: cleanText(body.getAttribute('aria-label')) || 'Message body',
    // An inline reply has no visible subject; only one the rep can see is filled.
    subject: subject && isShown(subject) && !subject.readOnly ? subject : null,
    // The signature and a reply's quoted original sit below the blank first line.
    caretAt: 'start',
    checkpoint: () => checkpoint(body),
  };
}

/**
 * The body editor for an element of a compose. Outlook's recipient wells are editable too: the rep
 * in the To field still means this compose's body.
 */
function describeEditor(el: HTMLElement): EditorTarget | null {
  const root = composeRootOf(el);
  const body = root && bodyOf(root);
  return root && body ? editorFor(root, body) : null;
}

/** The editor of the compose an element sits in, unless that compose is a hidden draft. */
function editorNear(el: Element): EditorTarget | null {
  const root = composeRootOf(el);
  const body = root && bodyOf(root);
  return root && body && isShown(body) ? editorFor(root, body) : null;
}

function findEditors(doc: Document, _url: URL, focus: Element | null): EditorTarget[] {
  const current = composeRootOf(focus);
  // The focused compose first, then the newest visible one (Outlook appends).
  const ordered = composes(doc)
    .reverse()
    .sort((a, b) => Number(b === current) - Number(a === current));
  return ordered.flatMap((root) => {
    const body = bodyOf(root);
    return body ? [editorFor(root, body)] : [];
  });
}

interface Recipient {
  name?: string;
  email?: string;
}

/** The same person: by address when both have one, else by name. */
const same = (p: Recipient, q: Recipient) => (p.email && q.email ? p.email === q.email : !!p.name && p.name.toLowerCase() === q.name?.toLowerCase());

/** "Dana Whitfield <dana@x.com>", "dana@x.com" or "Dana Whitfield", as Outlook writes people. */
function parsePerson(text: string | null | undefined): Recipient {
  const t = cleanText(text).replace(/^[;,\s]+|[;,\s]+$/g, '');
  const email = findEmail(t);
  const name = cleanText(t.replace(/<[^<>]*>|\[[^\]]*@[^\]]*\]/g, '').replace(/^["']|["']$/g, ''));
  return { email, name: name && !isEmail(name) && !name.includes('@') ? name : undefined };
}

/** A persona chip or card: the name it shows, the address from its tooltip, label or text. */
function personOf(el: Element): Recipient {
  const shown = parsePerson(textOf(el));
  const email =
    shown.email ??
    [el.getAttribute('title'), el.getAttribute('aria-label'), el.getAttribute('data-lpc-hover-target-id')].map((s) => findEmail(s)).find(Boolean);
  return { email, name: shown.name ?? parsePerson(el.getAttribute('aria-label')).name };
}

/**
 * The header of the quoted original ("From: … / Sent: … / To: …", in the rep's language): each
 * line's people, in order. The first person is the author of the message being answered.
 */
function quotedPeople(body: Element | null): Recipient[] {
  const quote = body && queryFirst(body, QUOTE.slice(0, 3));
  if (!quote) return [];
  const people: Recipient[] = [];
  for (const line of linesOf(quote)) {
    const value = line.slice(line.indexOf(':') + 1);
    for (const part of value.split(';')) {
      const p = parsePerson(part);
      if (p.email) people.push(p);
    }
  }
  return people;
}

/** Every address the signed-in rep goes by on this page, and the names they go by: never a recipient. */
interface Self {
  emails: Set<string>;
  names: string[];
}

function whoAmI(doc: Document): Self {
  const emails = new Set<string>();
  const names: string[] = [];
  const add = (s: string | null | undefined) => {
    for (const m of (s ?? '').matchAll(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi)) {
      const e = normalizeEmail(m[0]);
      if (e) emails.add(e);
    }
  };
  add(doc.title);
  for (const el of queryEvery(doc, ACCOUNT)) {
    for (const s of [textOf(el), el.getAttribute('aria-label'), el.getAttribute('title')]) {
      add(s);
      if (s && !s.includes('@')) names.push(words(s));
    }
  }
  for (const el of queryEvery(doc, MAILBOXES)) add(el.getAttribute('title'));
  for (const { root, body } of allComposes(doc)) {
    // The From field: an address shown in the compose's header, outside the recipient wells.
    const wells = wellsOf(root);
    for (const el of safeQueryAll(root, 'button, [role="button"]')) {
      if (!wells.some((w) => w.contains(el)) && !body.contains(el) && isEmail(cleanText(el.textContent))) add(el.textContent);
    }
    for (const sig of queryEvery(body, SIGNATURE)) add(linesOf(sig).join('\n'));
  }
  return { emails, names };
}

const words = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

function isSelf(p: Recipient, self: Self): boolean {
  if (p.email) return self.emails.has(p.email);
  // Outlook shows the rep's own messages by name alone: the name the account manager shows.
  const name = p.name ? words(p.name) : '';
  return name.length > 4 && self.names.some((n) => n.includes(name));
}

/** The recipient wells of a compose, To first: its editable fields that are not the body. */
function wellsOf(root: Element): Element[] {
  const editable = safeQueryAll(root, ANY_EDITABLE).filter((e) => editableRoot(e) && !isBody(e));
  const wells =
    editable.length > 0
      ? editable
      : safeQueryAll(root, 'input[role="combobox"]')
          .map((i) => i.parentElement!)
          .filter(Boolean);
  const to = wells.find((w) => w.matches(TO_LABEL));
  return to ? [to, ...wells.filter((w) => w !== to)] : wells;
}

function chipsOf(well: Element): Element[] {
  for (const s of [...PERSONA, '[draggable="true"]', '[class*="wellItemText"]']) {
    const found = safeQueryAll(well, s);
    if (found.length > 0) return found;
  }
  return Array.from(well.children).filter((c) => c.getAttribute('contenteditable') === 'false');
}

/** Names with the addresses the page shows for them elsewhere: persona cards and quoted headers. */
function addressBook(doc: Document, body: Element | null): Map<string, string> {
  const book = new Map<string, string>();
  const note = (p: Recipient) => {
    if (p.name && p.email && !book.has(p.name.toLowerCase())) book.set(p.name.toLowerCase(), p.email);
  };
  quotedPeople(body).forEach(note);
  const pane = readingPane(doc);
  if (pane) for (const el of queryEvery(pane, PERSONA)) note(personOf(el));
  return book;
}

/** The compose's recipients, To first, then Cc and Bcc; a chip showing only a name gets its address from the page. */
function recipientsOf(root: Element, wells: Element[], doc: Document, self: Self): Recipient[] {
  const body = bodyOf(root);
  let book: Map<string, string> | undefined;
  const found: Recipient[] = [];
  for (const well of wells) {
    for (const chip of chipsOf(well)) {
      const p = personOf(chip);
      if (!p.email && p.name) p.email = (book ??= addressBook(doc, body)).get(p.name.toLowerCase());
      if ((!p.email && !p.name) || isSelf(p, self)) continue;
      if (!found.some((r) => same(r, p))) found.push(p);
    }
  }
  return found;
}

function readingPane(doc: Document): Element | null {
  for (const s of READING_PANE) {
    const pane = safeQueryAll(doc, s).find((el) => isShown(el));
    if (pane) return pane;
  }
  return null;
}

/** The senders of the conversation's messages, in document order (persona cards outside recipient lines and composes). */
function senders(pane: Element): Element[] {
  return queryEvery(pane, PERSONA).filter((el) => !el.closest(READ_RECIPIENTS) && !el.closest(EDITABLE) && !composeRootOf(el) && isShown(el));
}

function threadHeading(doc: Document): string | undefined {
  // The subject heads the reading pane, above the conversation's messages.
  const pane = readingPane(doc);
  const scope = closestAny(pane, READING_PANE.slice(1)) ?? pane;
  const heading = scope && queryEvery(scope, HEADING).find((h) => isShown(h) && !composeRootOf(h));
  return textOf(heading);
}

/** Messages in the conversation: each carries its sent/received time, expanded or collapsed. */
function threadLength(doc: Document): number | undefined {
  const pane = readingPane(doc);
  if (!pane) return undefined;
  const times = safeQueryAll(pane, '[data-testid="SentReceivedSavedTime"]').filter((t) => !composeRootOf(t) && isShown(t)).length;
  const n = times > 0 ? times : senders(pane).length;
  return n > 0 ? n : undefined;
}

/** The author of the message a reply answers: the last sender above the compose, else the quoted header's From. */
function answeredAuthor(doc: Document, root: Element, self: Self): Recipient | undefined {
  const pane = readingPane(doc);
  const above = pane ? senders(pane).filter((el) => el.compareDocumentPosition(root) & 4) : [];
  const last = above.length > 0 ? personOf(above[above.length - 1]!) : undefined;
  const quoted = quotedPeople(bodyOf(root))[0];
  const author = last?.email ? last : quoted && (!last?.name || last.name === quoted.name) ? quoted : last;
  return author && !isSelf(author, self) ? author : undefined;
}

/** The other people in an open conversation without a compose: latest sender first. */
function threadPeople(doc: Document, self: Self): Recipient[] {
  const pane = readingPane(doc);
  if (!pane) return [];
  const people: Recipient[] = [];
  const book = addressBook(doc, null);
  const cards = [...senders(pane).reverse(), ...queryEvery(pane, PERSONA).filter((el) => isShown(el) && !el.closest(EDITABLE))];
  for (const el of cards) {
    const p = personOf(el);
    if (!p.email && p.name) p.email = book.get(p.name.toLowerCase());
    if ((!p.email && !p.name) || isSelf(p, self) || people.some((q) => same(q, p))) continue;
    people.push(p);
  }
  return people;
}

/**
 * Whether a compose is an inline reply: inside Outlook's conversation container, or, without
 * that hook, grouped with the conversation's messages below the reading pane itself (a new
 * message opened beside a conversation shares only the reading pane with it).
 */
function withinConversation(root: Element): boolean {
  if (closestAny(root, ['[data-app-section="ConversationContainer"]', '[data-app-section="ItemContainer"]'])) return true;
  const pane = closestAny(root, ['#ReadingPaneContainerId', '[role="main"]']);
  for (let n = root.parentElement; pane && n && n !== pane; n = n.parentElement) {
    if (senders(n).length > 0) return true;
  }
  return false;
}

function urlKind(url: URL): 'compose' | 'thread' | 'inbox' | 'other' {
  const parts = route(url);
  if (isPopOut(url)) return 'compose';
  if (parts[0] === 'options' || parts[0] === 'deeplink') return parts.includes('read') ? 'thread' : 'other';
  return parts.includes('id') ? 'thread' : 'inbox';
}

function readContext({ doc, url, focus, editor }: ReadInput): ContextFields {
  const self = whoAmI(doc);
  const root = composeRootOf(editor?.element) ?? composeRootOf(focus) ?? composes(doc).pop() ?? null;
  const fromUrl = urlKind(url);

  let people: Recipient[];
  let subject: string | undefined;
  let isReply: boolean | undefined;
  let inThread = false;
  if (root) {
    const body = bodyOf(root);
    const wells = wellsOf(root);
    people = recipientsOf(root, wells, doc, self);
    subject = cleanText(subjectOf(root)?.value) || undefined;
    const quoted = !!body && queryFirst(body, QUOTE) !== null;
    const inConversation = withinConversation(root);
    isReply = quoted || inConversation || REPLY_SUBJECT.test(subject ?? '') || FORWARD_SUBJECT.test(subject ?? '');
    inThread = isReply && inConversation && !isPopOut(url);
    if (!subject && inThread) subject = threadHeading(doc);
    // A reply is for the person who wrote the message it answers, wherever the To field lists
    // them; when the recipient fields cannot be read at all, that person is all we know. (An
    // empty To is left empty: a forward goes to someone new.)
    if (isReply && !FORWARD_SUBJECT.test(subject ?? '')) {
      const author = answeredAuthor(doc, root, self);
      const i = author ? people.findIndex((p) => same(p, author)) : -1;
      if (i > 0) people.unshift(...people.splice(i, 1));
      else if (author && wells.length === 0) people.push(author);
    }
  } else {
    inThread = fromUrl === 'thread';
    people = inThread ? threadPeople(doc, self) : [];
    subject = inThread ? threadHeading(doc) : undefined;
  }

  const recipients = people.map((p) => makePerson(p)).filter((p): p is Person => p !== undefined);
  const person = recipients[0];
  const pageKind = inThread ? 'thread' : root ? 'compose' : fromUrl;
  return {
    supported: pageKind !== 'other',
    pageKind,
    person,
    recipients: recipients.length > 0 ? recipients : undefined,
    company: companyFromEmail(person?.email),
    subject,
    isReply: root ? isReply : undefined,
    threadLength: inThread ? threadLength(doc) : undefined,
  };
}

function buttonSlots(doc: Document): ButtonSlot[] {
  const slots: ButtonSlot[] = [];
  for (const root of composes(doc)) {
    const send = queryFirst(root, SEND);
    if (!send) continue;
    // Send is a split button (send, and a menu of send options): the Quiver button goes after both.
    const group = send.parentElement;
    const split = group && root.contains(group) && group !== root && safeQueryAll(group, 'button').length === 2;
    slots.push({ anchor: split ? group : send, where: 'after', scope: root });
  }
  return slots;
}

function watchTargets(doc: Document): WatchTarget[] {
  // Each compose (recipients added, subject typed) and the reading pane's structure (a compose
  // opening or closing, another conversation shown).
  const targets: WatchTarget[] = composes(doc).map((node) => ({ node, subtree: true }));
  const pane = closestAny(readingPane(doc), ['#ReadingPaneContainerId', '[role="main"]']) ?? readingPane(doc);
  if (pane) targets.push({ node: pane, subtree: true, attributes: false });
  return targets;
}

export const outlook: SiteAdapter = {
  site: 'outlook',
  serves,
  readContext,
  findEditors,
  describeEditor,
  editorNear,
  buttonSlots,
  watchTargets,
};

/** Exposed for tests: what the adapter treats as the signed-in rep, and where a compose begins. */
export const outlookInternals = { whoAmI, composeRootOf };
