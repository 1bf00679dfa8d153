import type { ViewportRect } from '../palette/host-contract';

/*
 * Where something inside a frame sits in the top frame's viewport, for UI the top frame draws
 * over it (Salesforce's editor is two about:blank frames down). Frame borders are ignored: a
 * few pixels do not matter for placing a notice or the palette.
 */
export function viewportRect(target: Element | Range, view: Window | null): ViewportRect {
  const r = target.getBoundingClientRect();
  let { top, left, bottom, right } = r;
  try {
    for (let w = view; w && w.parent !== w && w.frameElement; w = w.parent) {
      const f = w.frameElement.getBoundingClientRect();
      top += f.top;
      bottom += f.top;
      left += f.left;
      right += f.left;
    }
  } catch {
    // A cross-origin ancestor: the position inside the reachable frames is the best there is.
  }
  return { top, left, bottom, right };
}
