import type { StoredItem } from '../db';
import { todayIso } from '../schema/content';
import { browse, isExpiredRecord, titleOrder } from './browse';
import { buildPostingStores } from './bulk-build';
import { DocTable, docRecordOf, stageMask, typeMask } from './doc-table';
import { TermCollector, type DocumentTerms } from './document-terms';
import type { QueryWord } from './expansion';
import { ExpansionCache } from './expansion-cache';
import { encodePosting } from './fields';
import { GramIndex } from './gram-index';
import { itemStamp } from './item-stamp';
import { PostingStore } from './posting-store';
import { parseQuery } from './query';
import { rankMatches } from './ranked-search';
import { Scorer } from './scorer';
import { decodeSnapshot, encodeSnapshot } from './snapshot';
import type { IndexedSearchEngine, IndexStats, SearchEngineOptions, SearchHit, SearchOptions, UsageSignal } from './types';
import { UsageTable } from './usage-table';
import { Vocabulary } from './vocabulary';

/** A reloaded library differing in more than this share of items is cheaper to rebuild. */
const REBUILD_SHARE = 0.3;

/**
 * An inverted index over normalised words with per-field postings (see fields.ts), a sorted
 * vocabulary for completions and a bigram + Fuse.js step for typos (see expansion.ts).
 * Upserts append new slots and retire old ones; compaction squeezes the dead out now and then.
 * Nothing in the results depends on slot numbers or term ids, so an index edited item by item
 * answers exactly like one built from scratch.
 */
export class InvertedIndexEngine implements IndexedSearchEngine {
  private vocab = new Vocabulary();
  private grams = new GramIndex();
  private head = new PostingStore();
  private body = new PostingStore();
  private docs = new DocTable();
  private items = new Map<string, StoredItem>();
  /** Items whose postings `setItems` has deferred, in slot order. */
  private pending: StoredItem[] | undefined;
  /** Whether the pending items' records still lack their stamps. */
  private unstamped = false;
  private readonly usage = new UsageTable();
  private readonly collector = new TermCollector();
  private readonly scorer = new Scorer();
  private readonly expansions = new ExpansionCache();
  /** Live slots in title order, for the empty query; recomputed after a change. */
  private byTitle: number[] | undefined;
  private readonly today: () => string;
  revision = 0;

  constructor(options: SearchEngineOptions = {}) {
    this.today = options.today ?? (() => todayIso());
  }

  get size(): number {
    return this.docs.liveCount;
  }

  get(id: string): StoredItem | undefined {
    return this.items.get(id);
  }

  /**
   * Replaces the library. If most items are already indexed with the same content (after
   * `load`, or a re-sync), only the difference is applied. A full build indexes the metadata
   * at once and defers the postings to `prepare()` or the first non-empty search, so an
   * empty query (the panel's first paint) never waits for the whole library to be indexed.
   */
  setItems(items: readonly StoredItem[]) {
    const latest = new Map<string, StoredItem>();
    for (const item of items) latest.set(item.id, item);

    if (this.docs.liveCount > 0) {
      this.stampPending();
      const stamps = new Map<string, string>();
      for (const [id, item] of latest) stamps.set(id, itemStamp(item));
      let changed = 0;
      for (const [id, stamp] of stamps) {
        const slot = this.docs.slotOf.get(id);
        if (slot === undefined || this.docs.records[slot]!.stamp !== stamp) changed++;
      }
      for (const id of this.docs.slotOf.keys()) if (!latest.has(id)) changed++;
      if (changed === 0) {
        // The same library again (a re-sync, or the reload after `load`): keep the index.
        for (const [id, item] of latest) this.items.set(id, item);
        return;
      }
      if (changed <= REBUILD_SHARE * Math.max(latest.size, this.docs.liveCount)) {
        this.buildPostings();
        const gone = [...this.docs.slotOf.keys()].filter((id) => !latest.has(id));
        this.applyChanges([...latest.values()], stamps, gone);
        return;
      }
    }
    this.resetIndex();
    this.revision++;
    this.items = latest;
    // Stamps wait with the postings: hashing every body would delay the first answer.
    for (const item of latest.values()) this.docs.add(docRecordOf(item, ''));
    this.pending = [...latest.values()];
    this.unstamped = true;
    this.usage.refresh(this.docs);
  }

  upsert(items: readonly StoredItem[]) {
    this.buildPostings();
    const stamps = new Map<string, string>();
    for (const item of items) stamps.set(item.id, itemStamp(item));
    this.applyChanges(items, stamps, []);
  }

  remove(ids: readonly string[]) {
    this.buildPostings();
    this.applyChanges([], new Map(), ids);
  }

  setUsage(usage: ReadonlyMap<string, UsageSignal>) {
    this.usage.set(usage, this.docs);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 50;
    const stageBits = stageMask(options.stages ?? []);
    const typeBits = typeMask(options.types ?? []);
    const boostBits = stageMask(options.boostStages ?? []);
    const docs = this.docs;
    const today = this.today();
    const keep = (slot: number) =>
      docs.alive[slot] === 1 && (stageBits === 0 || (docs.stages[slot]! & stageBits) !== 0) && (typeBits === 0 || ((1 << docs.types[slot]!) & typeBits) !== 0);
    const boosted = (slot: number) => (docs.stages[slot]! & boostBits) !== 0;
    const expired = (slot: number) => isExpiredRecord(docs, slot, today);

    const parsed = parseQuery(query);
    if (parsed.words.length === 0 && parsed.facetWords.length === 0) {
      this.byTitle ??= titleOrder(docs);
      const { uses, lastUsedAt } = this.usage;
      const group = (slot: number) => (expired(slot) ? 2 : boostBits !== 0 && !boosted(slot) ? 1 : 0);
      const slots = browse({ docs, uses, lastUsedAt, byTitle: this.byTitle, keep, today, group, groups: 3 }, limit);
      return slots.map((slot, rank) => ({ id: docs.records[slot]!.id, score: slots.length - rank }));
    }

    this.buildPostings();
    const inHead = (term: number) => this.inHead(term);
    const expand = (word: QueryWord) => this.expansions.get(word, this.vocab, this.grams, inHead);
    const expansions = [...parsed.words.map(expand), ...parsed.facetWords.map(expand)];
    this.scorer.accumulate(expansions, this.vocab, this.head, this.body, docs.liveCount, docs.slotCount, parsed.words.length);
    const named = (slot: number) => ((1 << docs.types[slot]!) & parsed.facetTypes) !== 0 || (docs.stages[slot]! & parsed.facetStages) !== 0;
    // Items of a named type or stage match the facet words whatever their text says.
    if (parsed.facetWords.length > 0) {
      for (let slot = 0; slot < docs.slotCount; slot++) if (docs.alive[slot] === 1 && named(slot)) this.scorer.include(slot);
    }
    return rankMatches(parsed, this.scorer.result(), docs, this.usage, keep, limit, { named, boosted, expired });
  }

  stats(): IndexStats {
    this.buildPostings();
    let terms = 0;
    for (let t = 0; t < this.vocab.count; t++) if (this.vocab.isLive(t)) terms++;
    const postings = this.head.basePostings + this.head.overflowCount + this.body.basePostings + this.body.overflowCount;
    return { items: this.docs.liveCount, terms, postings };
  }

  serialize(): Uint8Array<ArrayBuffer> {
    this.buildPostings();
    this.compact();
    const { df, sorted } = this.vocab.exportTables();
    this.byTitle ??= titleOrder(this.docs);
    return encodeSnapshot({
      terms: this.vocab.terms,
      df,
      sortedTerms: sorted,
      headOffsets: this.head.offsets,
      headData: this.head.data,
      bodyOffsets: this.body.offsets,
      bodyData: this.body.data,
      records: this.docs.records,
      titleOrder: Int32Array.from(this.byTitle),
    });
  }

  load(bytes: Uint8Array): boolean {
    const parts = decodeSnapshot(bytes);
    if (!parts) return false;
    this.resetIndex();
    this.revision++;
    this.vocab = new Vocabulary(parts.terms, parts.df, parts.sortedTerms);
    this.head = new PostingStore(parts.headOffsets, parts.headData);
    this.body = new PostingStore(parts.bodyOffsets, parts.bodyData);
    for (const record of parts.records) this.docs.add(record);
    this.byTitle = Array.from(parts.titleOrder);
    this.usage.refresh(this.docs);
    return true;
  }

  prepare() {
    this.buildPostings();
    // Typo matching needs the bigram index; building it here (idle time in the worker) keeps
    // the cost off the first typed query after a reload.
    this.grams.catchUp(this.vocab);
  }

  /** Stamps the items whose indexing `setItems` deferred (their slots are 0..n-1). */
  private stampPending() {
    const items = this.pending;
    if (!items || !this.unstamped) return;
    this.unstamped = false;
    items.forEach((item, slot) => {
      this.docs.records[slot]!.stamp = itemStamp(item);
    });
  }

  private buildPostings() {
    const items = this.pending;
    if (!items) return;
    this.stampPending();
    this.pending = undefined;
    ({ head: this.head, body: this.body } = buildPostingStores(items, this.vocab, this.collector));
  }

  private applyChanges(items: readonly StoredItem[], stamps: ReadonlyMap<string, string>, removed: readonly string[]) {
    const unknown: number[] = [];
    let edits = 0;
    for (const id of removed) {
      const slot = this.docs.slotOf.get(id);
      if (slot === undefined) continue;
      this.retire(slot, unknown);
      edits++;
    }
    const latest = new Map<string, StoredItem>();
    for (const item of items) latest.set(item.id, item);
    for (const [id, item] of latest) {
      const stamp = stamps.get(id)!;
      const slot = this.docs.slotOf.get(id);
      if (slot !== undefined) {
        if (this.docs.records[slot]!.stamp === stamp) {
          this.items.set(id, item);
          continue;
        }
        this.retire(slot, unknown);
      }
      this.insert(item, stamp);
      edits++;
    }
    if (edits > 0) this.revision++;
    this.afterEdit(unknown);
  }

  private insert(item: StoredItem, stamp: string) {
    const slot = this.docs.add(docRecordOf(item, stamp));
    const terms = this.collector.collect(item, this.vocab, true);
    for (let i = 0; i < terms.headTerms.length; i++) {
      this.head.add(terms.headTerms[i]!, encodePosting(slot, terms.headCodes[i]!));
    }
    for (let i = 0; i < terms.bodyTerms.length; i++) {
      this.body.add(terms.bodyTerms[i]!, encodePosting(slot, terms.bodyCodes[i]!));
    }
    this.countDocument(terms, 1);
    this.items.set(item.id, item);
    this.usage.place(slot, item.id);
    this.byTitle = undefined;
  }

  /**
   * Kills a slot and takes its words out of the document frequencies. The words come from
   * re-reading the indexed item; after `load` the item may be unknown, and then the slot is
   * collected in `unknown` for one scan of the postings (see `afterEdit`).
   */
  private retire(slot: number, unknown: number[]) {
    const id = this.docs.records[slot]!.id;
    const item = this.items.get(id);
    if (item) this.countDocument(this.collector.collect(item, this.vocab, false), -1);
    else unknown.push(slot);
    this.docs.kill(slot);
    this.items.delete(id);
    this.usage.clear(slot);
    this.byTitle = undefined;
  }

  private afterEdit(unknown: readonly number[]) {
    if (unknown.length > 0) {
      const marked = new Uint8Array(this.docs.slotCount);
      for (const slot of unknown) marked[slot] = 1;
      const uncount = (term: number) => this.vocab.addDocFrequency(term, -1);
      this.head.forEachPostingOf(marked, uncount);
      this.body.forEachPostingOf(marked, uncount);
    }
    const dead = this.docs.slotCount - this.docs.liveCount;
    const overflow = this.head.overflowCount + this.body.overflowCount;
    const base = this.head.basePostings + this.body.basePostings;
    if ((dead > 64 && dead > this.docs.liveCount / 4) || (overflow > 4096 && overflow > base / 4)) this.compact();
  }

  private countDocument(terms: DocumentTerms, delta: number) {
    for (const t of terms.headTerms) this.vocab.addDocFrequency(t, delta);
    for (const t of terms.bodyTerms) this.vocab.addDocFrequency(t, delta);
  }

  /** Drops dead slots and folds the overflow lists into the base arrays. */
  private compact() {
    const dead = this.docs.slotCount - this.docs.liveCount;
    if (dead === 0 && this.head.overflowCount === 0 && this.body.overflowCount === 0) return;
    const remap = this.docs.compactionMap();
    this.head = this.head.compact(this.vocab.count, remap);
    this.body = this.body.compact(this.vocab.count, remap);
    this.docs = this.docs.compacted();
    this.byTitle = undefined;
    this.usage.refresh(this.docs);
  }

  private inHead(term: number): boolean {
    return this.head.baseEnd(term) > this.head.baseStart(term) || this.head.overflow.has(term);
  }

  private resetIndex() {
    this.vocab = new Vocabulary();
    this.grams = new GramIndex();
    this.head = new PostingStore();
    this.body = new PostingStore();
    this.docs = new DocTable();
    this.items = new Map();
    this.pending = undefined;
    this.unstamped = false;
    this.byTitle = undefined;
    this.expansions.clear();
  }
}
