/** Puts content on the clipboard: HTML and plain text where the browser allows both. */
export async function writeClipboard(content: { html?: string; text: string }): Promise<void> {
  if (content.html && typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([content.html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return;
  }
  await navigator.clipboard.writeText(content.text);
}
