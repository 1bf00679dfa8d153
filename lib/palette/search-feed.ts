import type { PaletteItem } from '../schema/messages';

/*
 * Search as the rep types: one request per pause in typing (~80 ms), and only the answer to
 * the latest request is shown — an earlier, slower answer arriving late is dropped, so the
 * list never jumps back to what the rep typed before.
 */

export interface SearchFeedOptions {
  search(query: string): Promise<PaletteItem[]>;
  /** The answer for `query`; null when the background did not answer. */
  show(items: PaletteItem[] | null, query: string): void;
  delayMs?: number;
  timers?: { setTimeout(fn: () => void, ms: number): number; clearTimeout(id: number): void };
}

export class SearchFeed {
  private timer: number | undefined;
  private latest = 0;

  constructor(private readonly options: SearchFeedOptions) {}

  /** The rep typed: search once they pause. */
  typed(query: string): void {
    this.clear();
    const timers = this.options.timers ?? globalThis;
    this.timer = timers.setTimeout(() => {
      this.timer = undefined;
      void this.run(query);
    }, this.options.delayMs ?? 80) as unknown as number;
  }

  /** Search now (the palette opened). */
  now(query: string): Promise<void> {
    this.clear();
    return this.run(query);
  }

  /** Forget pending and running requests (the palette closed). */
  cancel(): void {
    this.clear();
    this.latest++;
  }

  private clear(): void {
    if (this.timer !== undefined) (this.options.timers ?? globalThis).clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(query: string): Promise<void> {
    const mine = ++this.latest;
    let items: PaletteItem[] | null;
    try {
      items = await this.options.search(query);
    } catch {
      items = null;
    }
    if (mine === this.latest) this.options.show(items, query);
  }
}
