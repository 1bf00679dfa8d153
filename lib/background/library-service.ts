import { getDb, getMeta, type QuiverDb, type StoredItem } from '../db';
import { renderForPage } from '../delivery/render-for-page';
import { t } from '../i18n';
import { variableLabel } from '../labels';
import { isExpired, isStale, todayIso } from '../schema/content';
import type { PaletteItem, RenderReply, SearchRequest, ShortcutConfig } from '../schema/messages';
import type { PageContext } from '../schema/page-context';
import { createSearchEngine, type IndexedSearchEngine } from '../search';
import { loadSearchSnapshot } from '../search/persist';
import { isShareable } from '../schema/links';
import { isServerConfigured, type Settings } from '../settings';

/**
 * The library as the background serves it to content scripts (palette, shortcuts). The engine
 * is built lazily — the worker may have been stopped and restarted since — and refreshed when
 * the library's revision moves.
 */
export class LibraryService {
  private engine: IndexedSearchEngine | undefined;
  private revision: number | undefined;
  private loading: Promise<IndexedSearchEngine> | undefined;

  constructor(private readonly db: QuiverDb = getDb()) {}

  async getEngine(): Promise<IndexedSearchEngine> {
    const revision = (await getMeta(this.db, 'libraryRevision')) ?? 0;
    if (this.engine && this.revision === revision) return this.engine;
    this.loading ??= (async () => {
      let engine = this.engine;
      if (!engine) {
        const fresh = createSearchEngine();
        // A woken worker starts from the index the panel persisted: setItems then re-indexes
        // only what changed since, instead of the whole library.
        const snapshot = await loadSearchSnapshot(this.db).catch(() => undefined);
        if (snapshot) fresh.load(snapshot);
        engine = fresh;
      }
      engine.setItems(await this.db.items.toArray());
      const usage = await this.db.usage.toArray();
      engine.setUsage(new Map(usage.map((u) => [u.id, { uses: u.uses, lastUsedAt: u.lastUsedAt }])));
      this.engine = engine;
      this.revision = revision;
      return engine;
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /**
   * The index the sync built while it stored the library (lib/background/sync-index.ts): it is
   * the library at `revision`, so nothing is read back from Dexie to catch up.
   */
  async adopt(engine: IndexedSearchEngine, revision: number): Promise<void> {
    const usage = await this.db.usage.toArray();
    engine.setUsage(new Map(usage.map((u) => [u.id, { uses: u.uses, lastUsedAt: u.lastUsedAt }])));
    this.engine = engine;
    this.revision = revision;
  }

  /** The engine may be ahead of the cache (a page indexed but not stored): the next search rebuilds it. */
  invalidate(): void {
    this.engine = undefined;
    this.revision = undefined;
  }

  async search(request: SearchRequest, today = todayIso(), settings?: Settings): Promise<PaletteItem[]> {
    const engine = await this.getEngine();
    const org = settings && isServerConfigured(settings) ? ((await getMeta(this.db, 'orgSettings')) ?? {}) : undefined;
    return engine
      .search(request.query, { stages: request.stages, types: request.types, limit: request.limit })
      .map((hit) => engine.get(hit.id))
      .filter((item): item is StoredItem => item !== undefined)
      .map((item) => ({
        id: item.id,
        title: item.title,
        type: item.type,
        stages: item.stages,
        summary: item.summary,
        ...(item.shortcut ? { shortcut: item.shortcut } : {}),
        stale: isStale(item, today),
        expired: isExpired(item, today),
        owner: item.owner,
        ...(org && isShareable(item, org) ? { shareable: true } : {}),
      }));
  }

  async findByShortcut(shortcut: string): Promise<StoredItem | undefined> {
    return this.db.items.where('shortcut').equals(shortcut.toLowerCase()).first();
  }

  /** Renders an item for a page (lib/delivery): expired items are refused with the reason and the owner. */
  async render(
    target: { id?: string; shortcut?: string },
    context: PageContext,
    settings: Settings,
    typed: Record<string, string> = {},
    today = todayIso(),
  ): Promise<RenderReply> {
    const item = target.id ? await this.db.items.get(target.id) : target.shortcut ? await this.findByShortcut(target.shortcut) : undefined;
    if (!item) return { ok: false, reason: 'not-found', message: t('renderNotFound') };
    const rendered = renderForPage(item, { context, profile: settings.profile, typed, today });
    if (!rendered.ok) return rendered;
    return {
      ok: true,
      id: item.id,
      title: item.title,
      payload: rendered.payload,
      missing: rendered.missing.map((name) => ({ name, label: variableLabel(name) })),
      stale: rendered.stale,
    };
  }

  async shortcuts(settings: Settings): Promise<ShortcutConfig> {
    const items = await this.db.items.where('shortcut').above('').toArray();
    return {
      prefix: settings.shortcutPrefix,
      key: settings.shortcutKey,
      // Expired ones too: expanding one tells the rep why it cannot go out, rather than doing nothing.
      shortcuts: items.filter((i) => i.shortcut).map((i) => i.shortcut!),
    };
  }
}
