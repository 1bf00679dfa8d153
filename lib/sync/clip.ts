/**
 * Text from a server shortened for a status line: a key or message can be of any length (a
 * hostile or broken server), and the options page must still show one readable line.
 */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
