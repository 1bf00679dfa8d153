/*
 * Gmail adapter.
 * Serves: https://mail.google.com/mail/u/<n>/ — message lists (#inbox, #label/…, #search/…),
 * conversations (#inbox/<thread id>), pop-up composes, pop-out composes (?view=cm, …?compose=…)
 * and inline replies; several composes may be open at once.
 * Pinned by: tests/fixtures/gmail-inbox-compose.html, tests/fixtures/gmail-thread-reply.html.
 * And their variants (tests/fixtures/variants/sites/gmail.ts: renamed, wrapped, translated, rearranged).
 *
 * The context is the compose the rep is in (focused, else last focused, else the newest open):
 * its recipients, subject and whether it replies. Gmail's class names are obfuscated and
 * change, so every lookup starts from attributes Gmail needs itself (g_editable, name=
 * "subjectbox", data-hovercard-id, email=…) and falls back to structure. Where a label must be
 * read (the body's aria-label, Send's tooltip, the account button) it is known in English,
 * Russian, German, French and Spanish, and Send is found by its place below the body besides.
 */
import type { EditorTarget } from '../editors/target';
import type { Person } from '../schema/page-context';
import type { ButtonSlot, ContextFields, ReadInput, SiteAdapter, WatchTarget } from './adapter';
import { companyFromEmail, makePerson, normalizeEmail, parseAddressList } from './derive';
import { cleanText, isShown, linesOf, queryEvery, queryFirst, safeQueryAll, textOf } from './dom';

/** Gmail's labels in English, Russian, German, French and Spanish. */
const anyLabel = (tag: string, attr: string, words: string[]) => words.map((w) => `${tag}[${attr}="${w}"]`).join(',');
const BODY_WORDS = ['Message Body', 'Текст письма', 'Nachrichtentext', 'Corps du message', 'Cuerpo del mensaje'];
const SUBJECT_WORDS = ['Subject', 'Тема', 'Betreff', 'Objet', 'Asunto'];
const BODY = [
  'div[g_editable="true"][role="textbox"]',
  'div.Am.Al.editable[contenteditable="true"]',
  anyLabel('div[role="textbox"][contenteditable="true"]', 'aria-label', BODY_WORDS),
  '[contenteditable="true"][role="textbox"][aria-multiline="true"]',
];
const SUBJECT = ['input[name="subjectbox"]', anyLabel('input', 'aria-label', SUBJECT_WORDS), anyLabel('input', 'placeholder', SUBJECT_WORDS)];
/** How Gmail names the signed-in rep in a list of people ("me", "я", "ich", "moi", "yo"). */
const ME = new Set(['me', 'я', 'ich', 'moi', 'yo']);
/** Send, by its tooltip in English, Russian, German, French and Spanish, then Gmail's class names; else by place (sendButton). */
const SEND_WORDS = ['Send', 'Отправить', 'Senden', 'Envoyer', 'Enviar'];
const SEND = [
  SEND_WORDS.map((w) => `[role="button"][data-tooltip^="${w}"]`).join(','),
  '.T-I.aoO[role="button"]',
  SEND_WORDS.map((w) => `[role="button"][aria-label^="${w}"]`).join(','),
];
const THREAD_HEADING = ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', 'h2.hP'];
const ACCOUNT = [
  'a[href^="https://accounts.google.com/SignOutOptions"]',
  anyLabel('', 'aria-label^', ['Google Account', 'Аккаунт Google', 'Google-Konto', 'Compte Google', 'Cuenta de Google']),
];
const SIGNATURE = ['.gmail_signature', '[data-smartmail="gmail_signature"]'];
const LIST_VIEWS = /^(?:inbox|starred|snoozed|sent|drafts|imp|scheduled|all|spam|trash|chats|category|label|search|advanced-search|section_query)$/;
const REPLY_SUBJECT = /^(?:re|aw|sv|vs|antw|odp|rif|ynt|ответ|отв)\s*(?:\[\d+\])?\s*:/i;

/** Only the mail app: Chat and other apps share the host. */
function serves(url: URL): boolean {
  return url.pathname.startsWith('/mail');
}

/** The compose an element belongs to: Gmail's `.M9`, else the smallest box holding one body and a subject. */
function composeRootOf(el: Element | null | undefined): Element | null {
  if (!el) return null;
  const known = el.closest('.M9');
  if (known && queryFirst(known, BODY)) return known;
  for (let n: Element | null = el; n && n !== el.ownerDocument.body; n = n.parentElement) {
    if (!queryFirst(n, SUBJECT)) continue;
    const bodies = queryEvery(n, BODY);
    if (bodies.length === 1) return n;
    if (bodies.length > 1) return null;
  }
  return null;
}

/**
 * The open composes. A read of the page asks for them three times (editors, button slots,
 * watch targets) and each search is a pass over the whole page — thousands of nodes in
 * a long thread — so the answer is kept until the running task ends: nothing in one read
 * opens or closes a compose.
 */
let composesNow: { doc: Document; roots: Element[] } | null = null;
function composes(doc: Document): Element[] {
  if (composesNow?.doc !== doc) {
    composesNow = { doc, roots: findComposes(doc) };
    queueMicrotask(() => (composesNow = null));
  }
  return [...composesNow.roots];
}

function findComposes(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const body of queryEvery(doc, BODY)) {
    const root = composeRootOf(body);
    if (root && !roots.includes(root) && isShown(body)) roots.push(root);
  }
  return roots;
}

function bodyOf(root: Element): HTMLElement | null {
  return queryEvery(root, BODY).find((b) => isShown(b)) ?? queryFirst(root, BODY);
}

function subjectOf(root: Element): HTMLInputElement | null {
  return queryFirst<HTMLInputElement>(root, SUBJECT);
}

function editorFor(root: Element, body: HTMLElement): EditorTarget {
  const subject = subjectOf(root);
  return {
    element: body,
    kind: 'rich',
    label: cleanText(body.getAttribute('aria-label')) || 'Message Body',
    // A reply's subject is hidden and already "Re: …"; only a visible one is filled.
    subject: subject && isShown(subject) ? subject : null,
    // Gmail puts the signature (and a reply's quote) below the caret's starting point.
    caretAt: 'start',
  };
}

function describeEditor(el: HTMLElement): EditorTarget | null {
  const root = composeRootOf(el);
  if (!root) return null;
  const body = queryEvery(root, BODY).find((b) => b === el || b.contains(el));
  return body ? editorFor(root, body) : null;
}

function editorNear(el: Element): EditorTarget | null {
  const root = composeRootOf(el);
  const body = root && bodyOf(root);
  return root && body ? editorFor(root, body) : null;
}

function findEditors(doc: Document, _url: URL, focus: Element | null): EditorTarget[] {
  const roots = composes(doc);
  const current = composeRootOf(focus);
  // The newest pop-up is the last Gmail adds; the focused compose beats both.
  const ordered = [...roots].reverse().sort((a, b) => Number(b === current) - Number(a === current));
  return ordered.flatMap((root) => {
    const body = bodyOf(root);
    return body ? [editorFor(root, body)] : [];
  });
}

/** Every address the signed-in rep goes by on this page: never a recipient. */
function ownAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  const add = (s: string | null | undefined) => {
    for (const m of (s ?? '').matchAll(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi)) {
      const e = normalizeEmail(m[0]);
      if (e) own.add(e);
    }
  };
  add(doc.title);
  for (const a of queryEvery(doc, ACCOUNT)) add(a.getAttribute('aria-label'));
  for (const from of safeQueryAll<HTMLInputElement>(doc, 'input[name="from"]')) add(from.value);
  // One selector per query: Chromium answers `.a` and `[b]` apiece far faster than `.a, [b]`
  // over a long thread (thousands of nodes). Line by line: the signature's text run together
  // ("Maria Lopezmaria.lopez@…") would make a wrong address and miss the real one.
  for (const sig of queryEvery(doc, SIGNATURE)) {
    add(linesOf(sig, 40).join('\n'));
    for (const link of safeQueryAll(sig, 'a[href^="mailto:"]')) add(link.getAttribute('href')?.replace(/^mailto:/i, ''));
  }
  return own;
}

interface Recipient {
  name?: string;
  email: string;
}

/**
 * The compose's recipients, To first. Reads the chips when the recipient row is open, the
 * hidden inputs Gmail posts, and the one-line summary shown while the caret is in the body.
 */
function recipientsOf(root: Element, own: Set<string>): Recipient[] {
  const body = bodyOf(root);
  const found: Recipient[] = [];
  const push = (email: string | null | undefined, name?: string | null) => {
    const e = normalizeEmail(email);
    if (!e || own.has(e)) return;
    const n = cleanText(name);
    const usable = n && !ME.has(n.toLowerCase()) && !normalizeEmail(n) ? n : undefined;
    const existing = found.find((r) => r.email === e);
    if (existing) existing.name ??= usable;
    else found.push(usable ? { email: e, name: usable } : { email: e });
  };
  for (const field of ['to', 'cc', 'bcc']) {
    for (const chip of safeQueryAll(root, `[name="${field}"] [data-hovercard-id]`)) {
      push(chip.getAttribute('data-hovercard-id'), chip.getAttribute('data-name') ?? textOf(chip));
    }
    for (const input of safeQueryAll<HTMLInputElement>(root, `input[type="hidden"][name="${field}"]`)) {
      for (const a of parseAddressList(input.value)) push(a.email, a.name);
    }
    if (field === 'to') {
      // Chips outside a named field (older layouts) and the collapsed summary.
      for (const chip of safeQueryAll(root, '[role="listbox"] [data-hovercard-id], .vR [email]')) {
        push(chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email'), chip.getAttribute('data-name') ?? chip.getAttribute('name'));
      }
      for (const span of safeQueryAll(root, '[email]')) {
        if (body?.contains(span)) continue;
        push(span.getAttribute('email'), span.getAttribute('name') ?? textOf(span));
      }
    }
  }
  return found;
}

function threadHeading(doc: Document): Element | null {
  return queryEvery(doc, THREAD_HEADING).find((h) => isShown(h)) ?? null;
}

/** Messages in the open conversation: Gmail marks each, expanded or collapsed, as a list item. */
function threadLength(doc: Document): number | undefined {
  const heading = threadHeading(doc);
  const list = heading?.closest('[role="list"]') ?? heading?.closest('[role="main"]');
  if (!list) return undefined;
  // Messages, not the lists inside them: each item not inside the last one counted (document
  // order), which over a long thread costs far less than asking every item for its ancestors.
  let items = 0;
  let last: Element | null = null;
  for (const li of safeQueryAll(list, '[role="listitem"]')) {
    if (last?.contains(li)) continue;
    items += 1;
    last = li;
  }
  if (items > 0) return items;
  const messages = safeQueryAll(list, '.adn, .kv').length;
  return messages > 0 ? messages : undefined;
}

function isThreadUrl(url: URL): boolean {
  const path = url.hash.replace(/^#/, '').split('?')[0]!.split('/');
  const last = path[path.length - 1] ?? '';
  return path.length >= 2 && /^[A-Za-z0-9_-]{16,}$/.test(last);
}

function listView(url: URL): boolean {
  const first = url.hash.replace(/^#/, '').split(/[/?]/)[0] ?? '';
  return first === '' || LIST_VIEWS.test(first);
}

/** The other people in an open conversation, most recent sender first. */
function threadPeople(doc: Document, own: Set<string>): Recipient[] {
  const heading = threadHeading(doc);
  const scope = heading?.closest('[role="list"]') ?? heading?.closest('[role="main"]');
  if (!scope) return [];
  const people: Recipient[] = [];
  const senders = safeQueryAll(scope, '.gD[email], h3 [email][name]').reverse();
  for (const el of [...senders, ...safeQueryAll(scope, '[email]')]) {
    if (el.closest('.M9')) continue;
    const email = normalizeEmail(el.getAttribute('email'));
    if (!email || own.has(email) || people.some((p) => p.email === email)) continue;
    const name = cleanText(el.getAttribute('name') ?? textOf(el));
    people.push(name && !ME.has(name.toLowerCase()) ? { email, name } : { email });
  }
  return people;
}

function readContext({ doc, url, focus, editor }: ReadInput): ContextFields {
  const own = ownAddresses(doc);
  const root = composeRootOf(editor?.element) ?? composeRootOf(focus) ?? composes(doc).pop() ?? null;
  const inThread = isThreadUrl(url) || threadHeading(doc) !== null;
  const popOut = url.searchParams.get('view') === 'cm';

  let people: Recipient[];
  let subject: string | undefined;
  let isReply: boolean | undefined;
  if (root) {
    people = recipientsOf(root, own);
    const subjectField = subjectOf(root);
    subject = cleanText(subjectField?.value) || undefined;
    isReply =
      safeQueryAll(root, 'input[name="rm"], input[name="rt"]').some((i) => (i as HTMLInputElement).value !== '') ||
      root.closest('[role="main"]') !== null ||
      REPLY_SUBJECT.test(subject ?? '');
    if (!subject && isReply) subject = textOf(threadHeading(doc));
  } else {
    people = inThread ? threadPeople(doc, own) : [];
    subject = inThread ? textOf(threadHeading(doc)) : undefined;
  }

  const recipients = people.map((p) => makePerson(p)).filter((p): p is Person => p !== undefined);
  const person = recipients[0];
  const pageKind = inThread ? 'thread' : root || popOut ? 'compose' : listView(url) ? 'inbox' : 'other';
  return {
    supported: pageKind !== 'other',
    pageKind,
    person,
    recipients: recipients.length > 0 ? recipients : undefined,
    company: companyFromEmail(person?.email),
    subject,
    isReply: root ? isReply : undefined,
    threadLength: inThread && (isReply || !root) ? threadLength(doc) : undefined,
  };
}

/**
 * A compose's Send: by its tooltip or label in the rep's language, or Gmail's classes; else, in
 * a language not listed after a build renamed the classes, by place: the first button with a
 * label of its own below the body (the formatting, attach and discard buttons are icons).
 */
function sendButton(root: Element): Element | null {
  const known = queryFirst(root, SEND);
  if (known) return known;
  const body = bodyOf(root);
  return (
    safeQueryAll(root, '[role="button"]').find((b) => body !== null && (body.compareDocumentPosition(b) & 4) !== 0 && !body.contains(b) && !!textOf(b)) ?? null
  );
}

function buttonSlots(doc: Document): ButtonSlot[] {
  const slots: ButtonSlot[] = [];
  for (const root of composes(doc)) {
    const send = sendButton(root);
    if (!send) continue;
    // Gmail's toolbar is a table row: the button gets its own cell after Send's.
    const cell = send.closest('td');
    slots.push({ anchor: cell && root.contains(cell) ? cell : send, where: 'after', scope: root });
  }
  return slots;
}

/** The part of <body> a pop-up compose sits in: Gmail's `.dw`, else the compose's top-level ancestor. */
function popUpContainer(root: Element): Element {
  const known = root.closest('.dw');
  if (known) return known;
  let n = root;
  while (n.parentElement && n.parentElement !== root.ownerDocument.body) n = n.parentElement;
  return n;
}

function watchTargets(doc: Document): WatchTarget[] {
  // The pop-up composes' container (a compose opening, closing, or its chips changing) and
  // each inline reply. Typing in a body is filtered out by the watcher.
  const nodes = new Set<Node>(composes(doc).map((root) => (root.closest('[role="main"]') ? root : popUpContainer(root))));
  return [...nodes].map((node) => ({ node, subtree: true }));
}

export const gmail: SiteAdapter = {
  site: 'gmail',
  serves,
  readContext,
  findEditors,
  describeEditor,
  editorNear,
  buttonSlots,
  watchTargets,
};

/** Exposed for tests: what the adapter treats as the signed-in rep. */
export const gmailInternals = { ownAddresses, composeRootOf };
