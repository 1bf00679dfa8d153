/** Moves focus between the result titles of a list: arrows, Home and End. */
export function moveFocus(list: HTMLElement, key: string): boolean {
  const titles = [...list.querySelectorAll<HTMLButtonElement>('.result-title')];
  if (titles.length === 0) return false;
  const at = titles.indexOf(document.activeElement as HTMLButtonElement);
  let next: number;
  if (key === 'ArrowDown') next = at < 0 ? 0 : Math.min(at + 1, titles.length - 1);
  else if (key === 'ArrowUp') next = at <= 0 ? -1 : at - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = titles.length - 1;
  else return false;
  if (next < 0) return false;
  titles[next]?.focus();
  titles[next]?.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** A key press that types a character, not a shortcut or a navigation key. */
export function isTypingKey(e: KeyboardEvent): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== ' ';
}

export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}
