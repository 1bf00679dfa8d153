/*
 * A long Gmail thread rendering, as a burst of DOM mutations in one task: the conversation's
 * messages replaced by `messages` message nodes (copies of the saved page's first message,
 * each from another sender). With `navigate`, the app first moves to another conversation (a
 * hash change, as Gmail does) — the moment the content script watches the whole page settle;
 * without it, the open conversation re-renders in place (a label changed, messages expanded).
 * Runs in the page (passed to page.evaluate): it closes over nothing, and its name is how the
 * profiler tells the page's own work from the content script's.
 */
export async function quiverBurst({ messages, navigate, round }: { messages: number; navigate: boolean; round: number }): Promise<void> {
  const list = document.querySelector('[role="main"] [role="list"]')!;
  const template = list.querySelector('[role="listitem"]')!.cloneNode(true) as Element;
  if (navigate) {
    location.hash = `#inbox/FMfcgzQZTzXbDcWk${String(round).padStart(4, '0')}QlSjbVhGWwLnCqH`;
    // Gmail renders the conversation a moment after the URL changes.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  const reply = list.querySelector('.ip');
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < messages; i++) {
    const message = template.cloneNode(true) as Element;
    const email = `sender${round}-${i}@northwind-logistics.com`;
    for (const person of message.querySelectorAll('.gD')) {
      person.setAttribute('email', email);
      person.setAttribute('name', `Sender ${i}`);
      person.setAttribute('data-hovercard-id', email);
      person.textContent = `Sender ${i}`;
    }
    message.querySelector('.a3s')!.textContent = `Message ${i} of round ${round}: the numbers from the depot pilot.`;
    fragment.append(message);
  }
  for (const old of list.querySelectorAll(':scope > [role="listitem"]')) old.remove();
  list.insertBefore(fragment, reply);
}
