/*
 * The palette's CSS, inside its shadow root (WXT resets inherited styles with `all: initial`
 * on the host first, so nothing of the host page's CSS reaches in). Colours follow the
 * system's light or dark preference; focus is always visible.
 */
export const PALETTE_CSS = `
.palette {
  --bg: #ffffff; --fg: #1d2433; --muted: #5b6578; --line: #d4d9e1; --hover: #eef2f8;
  --active: #dce7fb; --accent: #2f6fde; --stale-bg: #fff1d6; --stale-fg: #7a4b00;
  --expired-bg: #fde2e1; --expired-fg: #8f1d16;
  position: fixed; z-index: 2147483647; box-sizing: border-box;
  display: flex; flex-direction: column; width: 440px; max-width: calc(100vw - 16px); max-height: 380px;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 14px 36px rgba(15, 23, 42, 0.28); overflow: hidden; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .palette {
    --bg: #1d2230; --fg: #e8ebf2; --muted: #a3acbd; --line: #39414f; --hover: #283043;
    --active: #2c3d62; --accent: #8ab4ff; --stale-bg: #4a3712; --stale-fg: #ffd891;
    --expired-bg: #4d1f1c; --expired-fg: #ffb4ad;
  }
}
.palette[hidden] { display: none; }
*, *::before, *::after { box-sizing: border-box; }
input, button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.search { padding: 8px; border-bottom: 1px solid var(--line); }
.search input, .fill input {
  width: 100%; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg);
}
.search input:focus, .fill input:focus { outline: 2px solid var(--accent); outline-offset: -1px; }
[role="listbox"] { list-style: none; margin: 0; padding: 4px; overflow-y: auto; flex: 1 1 auto; }
[role="option"] { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
[role="option"]:hover { background: var(--hover); }
[role="option"][aria-selected="true"] { background: var(--active); }
[role="option"][aria-disabled="true"] { cursor: not-allowed; }
[role="option"][aria-disabled="true"] .title { color: var(--muted); text-decoration: line-through; }
.title { font-weight: 600; }
.meta, .reason, .summary { display: block; font-size: 12px; color: var(--muted); }
.summary { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.reason { color: var(--expired-fg); }
.badge { display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; vertical-align: 1px; }
.badge.stale { background: var(--stale-bg); color: var(--stale-fg); }
.badge.expired { background: var(--expired-bg); color: var(--expired-fg); }
.fill { padding: 10px 12px; overflow-y: auto; }
.fill[hidden], .search[hidden], [role="listbox"][hidden] { display: none; }
.fill h2 { margin: 0 0 2px; font-size: 14px; }
.fill .item { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
.fill label { display: block; margin: 0 0 8px; }
.fill label span { display: block; font-size: 12px; margin-bottom: 2px; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
.actions button { padding: 5px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); cursor: pointer; }
.actions button[type="submit"] { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.status { margin: 0; padding: 6px 12px; font-size: 12px; border-top: 1px solid var(--line); }
.status:empty { display: none; }
.hint { margin: 0; padding: 4px 12px 6px; font-size: 11px; color: var(--muted); }
.share { margin: 6px 12px 0; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); cursor: pointer; }
.share[hidden] { display: none; }
`;
