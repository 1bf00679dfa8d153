/*
 * An editor on a host page, as the insertion engine needs it. Site adapters describe the
 * editors they know (label, whether the site keeps formatting, the subject field that belongs
 * to it); anything else editable gets a generic description.
 */

export interface EditorTarget {
  /** A contenteditable editing host (possibly an iframe's body), a textarea or a text input. */
  element: HTMLElement;
  /** `rich` takes sanitised HTML; `plain` takes text even when the element is contenteditable. */
  kind: 'rich' | 'plain';
  /** What the rep would call it: "Message Body", "LinkedIn message", "Email body". */
  label: string;
  /** The subject field belonging to this editor (an email composer), filled when empty. */
  subject?: HTMLInputElement | null;
  /** Where the caret goes when the rep never put it anywhere: Gmail keeps the signature below. */
  caretAt?: 'start' | 'end';
  /**
   * For editors that keep their own undo history instead of the browser's (RoosterJS in
   * Outlook): records an undo step of the editor's content as it is now. Called before and
   * after an insert, so one Ctrl+Z takes exactly the insert back out.
   */
  checkpoint?(): void;
}

const EDITABLE_VALUES = new Set(['', 'true', 'plaintext-only']);

function editableAttr(el: Element): 'on' | 'off' | null {
  const v = el.getAttribute('contenteditable');
  if (v === null) return null;
  return EDITABLE_VALUES.has(v.toLowerCase()) ? 'on' : 'off';
}

export function isTextField(el: Element | null | undefined): el is HTMLTextAreaElement | HTMLInputElement {
  if (!el) return false;
  if (el.localName === 'textarea') return true;
  if (el.localName !== 'input') return false;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  return type === 'text' || type === 'email' || type === '';
}

/**
 * The editing host an element belongs to: the outermost contenteditable element around it,
 * the body of a design-mode document, or the text field itself. Null for everything else.
 * Attribute-based, because `isContentEditable` needs layout that saved pages lack.
 */
export function editableRootOf(node: Node | null | undefined): HTMLElement | null {
  if (!node) return null;
  const el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return null;
  if (isTextField(el)) return el as HTMLElement;
  if (el.ownerDocument.designMode === 'on') return el.ownerDocument.body;
  let host: Element | null = null;
  for (let n: Element | null = el; n; n = n.parentElement) {
    const state = editableAttr(n);
    if (state === 'off') break;
    if (state === 'on') host = n;
  }
  return host as HTMLElement | null;
}

/**
 * Fields no one wants a template in: search boxes, comboboxes, read-only or disabled fields.
 * The rep may well have clicked them last, so they must not become "the editor".
 */
export function isExcludedField(el: HTMLElement): boolean {
  const role = el.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox' || role === 'spinbutton') return true;
  if (el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true') return true;
  if (el.localName === 'input') {
    // A one-line input is only an editor when an adapter says so (a subject is filled separately).
    return true;
  }
  if (isTextField(el) && ((el as HTMLTextAreaElement).readOnly || (el as HTMLTextAreaElement).disabled)) return true;
  try {
    if (el.closest('[role="search"], form[role="search"]')) return true;
  } catch {
    return false;
  }
  return false;
}

/** A label for an editor the adapters do not know, from what assistive technology would read. */
export function genericLabel(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim().slice(0, 200);
  // A visible <label> is what the rep reads; a placeholder disappears once they type.
  const label = (el as HTMLTextAreaElement).labels?.[0]?.textContent?.trim();
  if (label) return label.slice(0, 200);
  const hint = el.getAttribute('title') ?? el.getAttribute('placeholder');
  if (hint?.trim()) return hint.trim().slice(0, 200);
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => el.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ')
      .trim();
    if (text) return text.slice(0, 200);
  }
  return el.localName === 'textarea' ? 'Text box' : 'Editor';
}

/** The description of any editable element when no adapter has a better one. */
export function genericEditor(el: HTMLElement | null): EditorTarget | null {
  if (!el || !el.isConnected || isExcludedField(el)) return null;
  return { element: el, kind: isTextField(el) ? 'plain' : 'rich', label: genericLabel(el) };
}
