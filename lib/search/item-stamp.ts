import type { StoredItem } from '../db';

// Two independent 32-bit lanes (FNV-1a and a multiplicative rolling hash): with one lane, a
// collision in a library of 50,000 items would be plausible, and would silently keep a stale
// document. Kept in module state so the loop stays monomorphic and allocation-free.
let laneA = 0;
let laneB = 0;

function absorb(text: string) {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995);
  }
  // A separator, so that moving text from one field to the next changes the stamp.
  laneA = Math.imul(a ^ 0x1f, 0x01000193);
  laneB = Math.imul(b + 0x1f, 0x5bd1e995);
}

/**
 * A fingerprint of everything the index reads from an item. Reloading a persisted index and
 * handing it the current library then re-indexes only the items whose stamp changed. A
 * content hash, not `version`, because the bundled demo library has no versions and because
 * a library from another server may reuse ids and versions.
 */
export function itemStamp(item: StoredItem): string {
  laneA = 0x811c9dc5 | 0;
  laneB = 0x2545f491;
  absorb(item.title);
  absorb(item.type);
  absorb(item.stages.join(','));
  absorb(item.tags.join(','));
  absorb((item.industries ?? []).join(','));
  absorb((item.personas ?? []).join(','));
  absorb(item.shortcut ?? '');
  absorb(item.summary);
  absorb(item.subject ?? '');
  absorb(item.updated_at ?? '');
  absorb(item.review_by ?? '');
  absorb(item.expires ?? '');
  absorb(item.body);
  return `${(laneA >>> 0).toString(36)}.${(laneB >>> 0).toString(36)}`;
}
