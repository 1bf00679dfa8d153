/**
 * Result order. Relevance first; equally relevant items go to the one the rep uses more and
 * used last, then to the one updated most recently; the id makes the order total, so the
 * same library gives the same list however it was built.
 */
export interface RankTables {
  score: Float64Array;
  uses: Float64Array;
  lastUsedAt: Float64Array;
  updatedAt: Float64Array;
  ids: readonly { id: string }[];
}

/** Negative when slot `a` ranks before slot `b`. */
export function compareSlots(t: RankTables, a: number, b: number): number {
  return (
    t.score[b]! - t.score[a]! ||
    t.uses[b]! - t.uses[a]! ||
    t.lastUsedAt[b]! - t.lastUsedAt[a]! ||
    t.updatedAt[b]! - t.updatedAt[a]! ||
    (t.ids[a]!.id < t.ids[b]!.id ? -1 : t.ids[a]!.id > t.ids[b]!.id ? 1 : 0)
  );
}

/**
 * The best `limit` slots of a stream, in rank order. A bounded heap keeps this O(n log limit):
 * sorting every match of a one-letter query at 50,000 items would cost more than finding them.
 */
export class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly limit: number,
    private readonly compare: (a: number, b: number) => number,
  ) {}

  offer(slot: number) {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(slot);
      this.up(heap.length - 1);
    } else if (this.limit > 0 && this.compare(slot, heap[0]!) < 0) {
      heap[0] = slot;
      this.down(0);
    }
  }

  sorted(): number[] {
    return this.heap.slice().sort(this.compare);
  }

  // The root is the worst kept slot, so a better newcomer replaces it.
  private up(i: number) {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!, heap[parent]!) <= 0) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private down(i: number) {
    const heap = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && this.compare(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && this.compare(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  }
}
