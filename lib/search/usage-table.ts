import type { DocTable } from './doc-table';
import type { UsageSignal } from './types';

/** The rep's usage per slot, as arrays, so ranking compares numbers instead of looking up ids. */
export class UsageTable {
  uses: Float64Array = new Float64Array(64);
  lastUsedAt: Float64Array = new Float64Array(64);
  private usage: ReadonlyMap<string, UsageSignal> = new Map();

  set(usage: ReadonlyMap<string, UsageSignal>, docs: DocTable) {
    this.usage = usage;
    this.refresh(docs);
  }

  /** Refills every slot: after a rebuild, a load or a compaction renumbered them. */
  refresh(docs: DocTable) {
    const size = Math.max(64, docs.slotCount);
    this.uses = new Float64Array(size);
    this.lastUsedAt = new Float64Array(size);
    for (const [id, signal] of this.usage) {
      const slot = docs.slotOf.get(id);
      if (slot === undefined) continue;
      this.uses[slot] = signal.uses;
      this.lastUsedAt[slot] = signal.lastUsedAt;
    }
  }

  /** Fills one new slot. */
  place(slot: number, id: string) {
    if (slot >= this.uses.length) {
      const size = Math.max(slot + 1, this.uses.length * 2);
      const uses = new Float64Array(size);
      uses.set(this.uses);
      const lastUsedAt = new Float64Array(size);
      lastUsedAt.set(this.lastUsedAt);
      this.uses = uses;
      this.lastUsedAt = lastUsedAt;
    }
    const signal = this.usage.get(id);
    this.uses[slot] = signal?.uses ?? 0;
    this.lastUsedAt[slot] = signal?.lastUsedAt ?? 0;
  }

  clear(slot: number) {
    this.uses[slot] = 0;
    this.lastUsedAt[slot] = 0;
  }
}
