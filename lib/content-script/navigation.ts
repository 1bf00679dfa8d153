/*
 * Notices single-page-app navigation without polling. A content script cannot see the page's
 * history.pushState calls, so it listens to what the browser does tell it:
 * - the Navigation API's `navigate` event (Chrome 102+), fired for pushState/replaceState too;
 * - popstate (back/forward) and hashchange (Gmail's views);
 * - the <title> changing, which every supported app does on navigation — the fallback where
 *   the Navigation API is missing (Firefox before 147), observed on one tiny node.
 * (WXT's `wxt:locationchange` uses the Navigation API too, but falls back to polling location
 * every second; this keeps the same coverage with no timer.)
 */
export function onNavigation(win: Window, signal: AbortSignal, changed: () => void): void {
  let last = win.location.href;
  const check = () => {
    if (win.location.href === last) return;
    last = win.location.href;
    changed();
  };
  // `navigate` fires before the URL commits; check once the page's own code has run.
  const soon = () => win.setTimeout(check, 0);
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener?.('navigate', soon, { signal });
  win.addEventListener('popstate', soon, { signal });
  win.addEventListener('hashchange', soon, { signal });

  const doc = win.document;
  const titleObserver = new MutationObserver(check);
  const watchTitle = () => {
    titleObserver.disconnect();
    if (doc.head) titleObserver.observe(doc.head, { childList: true });
    const title = doc.querySelector('head > title');
    if (title) titleObserver.observe(title, { childList: true, characterData: true, subtree: true });
  };
  watchTitle();
  // The <title> element itself may be replaced; re-attach when <head>'s children change.
  const headObserver = new MutationObserver(watchTitle);
  if (doc.head) headObserver.observe(doc.head, { childList: true });
  signal.addEventListener('abort', () => {
    titleObserver.disconnect();
    headObserver.disconnect();
  });
}
