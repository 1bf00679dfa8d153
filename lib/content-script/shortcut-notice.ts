import type { ViewportRect } from '../palette/host-contract';

/*
 * A short notice beside the rep's text when a shortcut cannot expand (the item expired or is
 * gone): the typed text stays, and the notice says why. In its own shadow root, so the host's
 * CSS cannot restyle it; role=alert so a screen reader speaks it; gone after a few seconds.
 */

const STYLE = `:host{all:initial!important}
div{position:fixed;z-index:2147483647;max-width:360px;padding:8px 12px;border-radius:8px;font:13px/1.4 system-ui,sans-serif;background:#fff4e5;color:#5c3b00;border:1px solid #e8b15a;box-shadow:0 4px 14px rgba(0,0,0,.18)}
@media (prefers-color-scheme:dark){div{background:#3a2a10;color:#ffe2b3;border-color:#8a6220}}`;

let shown: HTMLElement | null = null;

export function showNotice(doc: Document, near: ViewportRect, message: string, ms = 7000): void {
  shown?.remove();
  const host = doc.createElement('quiver-notice');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${STYLE}</style><div role="alert"></div>`;
  const box = root.lastElementChild as HTMLElement;
  box.textContent = message;
  const view = doc.defaultView;
  const width = view?.innerWidth ?? 800;
  const height = view?.innerHeight ?? 600;
  box.style.left = `${Math.max(8, Math.min(near.left, width - 370))}px`;
  box.style.top = `${Math.max(8, Math.min(near.bottom + 6, height - 80))}px`;
  doc.documentElement.append(host);
  shown = host;
  view?.setTimeout(() => host.remove(), ms);
}
