import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import type { StoredItem } from '../../lib/db';
import { itemEvent } from '../../lib/delivery/usage-event';
import { t } from '../../lib/i18n';
import { todayIso } from '../../lib/schema/content';
import { FillForm } from './fill-form';
import { Filters } from './filters';
import { isEditable, isTypingKey, moveFocus } from './keyboard';
import { PageContextView } from './page-context-view';
import { ResultItem } from './result-item';
import { usePanelStore } from './store';
import { useBoundTab } from './use-bound-tab';
import { useItemActions } from './use-item-actions';
import { useLibrary } from './use-library';
import { useResults } from './use-results';
import { usePageContext } from './use-page-context';
import { useSearchLogging } from './use-search-logging';
import { useSettings } from './use-settings';
import { reasonText } from './reason-text';
import { useSuggestions } from './use-suggestions';
import { SyncBanner } from './sync-banner';

function openExtensionPage(path: string) {
  void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)(path) });
}

/** The rep's main screen: page context, search, stage and type filters, results, preview. */
export function SidePanel() {
  const tabId = useBoundTab();
  const contextState = usePageContext(tabId);
  const context = contextState.status === 'ready' ? contextState.context : undefined;
  const settings = useSettings();
  const library = useLibrary();
  const { query, stages, types, openId, visible, notice, setQuery, clearFilters, setOpen, showMore } = usePanelStore();
  const today = todayIso();
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const sessionStart = useRef<number>(Date.now());
  const typedSinceAction = useRef(false);

  const { hits: found, items: foundItems, unfiltered: unfilteredCount } = useResults(library, query, stages, types, visible + 1);
  const hits = found ?? [];
  const results = hits
    .slice(0, visible)
    .map((h) => foundItems.get(h.id))
    .filter((i): i is StoredItem => i !== undefined);
  const { inferred, suggestions } = useSuggestions({ library, context, today });
  const workingStage = stages.length === 1 ? stages[0] : inferred?.stage;
  const { act, pending, cancelPending, record } = useItemActions({ tabId, context, settings, today, workingStage, sessionStart });
  useSearchLogging({ query, stages, types, resultCount: hits.length, ready: found !== undefined, record });
  const suggested = query.trim() ? [] : suggestions;
  const suggestedIds = suggested.map((s) => s.id).join(',');
  useEffect(() => {
    if (!suggestedIds) return;
    record({ kind: 'suggestion_shown', resultCount: suggestedIds.split(',').length, ...(workingStage ? { stage: workingStage } : {}) });
    // Once per set of suggestions shown, not per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [suggestedIds]);

  // Typing anywhere in the panel goes to the search box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingKey(e) && !isEditable(document.activeElement)) searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);

  const filtered = stages.length > 0 || types.length > 0;
  const toggle = (item: StoredItem) => {
    const opening = openId !== item.id;
    setOpen(opening ? item.id : null);
    if (opening) record(itemEvent(item, { kind: 'preview', context, workingStage, today }));
  };

  return (
    <div className="panel">
      <header className="panel-header">
        <span className="brand">Quiver</span>
        <nav>
          <button type="button" className="link" onClick={() => openExtensionPage('/dashboard.html')}>
            {t('menuDashboard')}
          </button>
          <button type="button" className="link" onClick={() => openExtensionPage('/options.html')}>
            {t('menuOptions')}
          </button>
        </nav>
      </header>
      <SyncBanner />
      <PageContextView state={contextState} />
      <div className="search">
        <input
          ref={searchBox}
          type="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          autoFocus
          onChange={(e) => {
            if (!typedSinceAction.current) {
              typedSinceAction.current = true;
              sessionStart.current = Date.now();
            }
            setQuery(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && list.current && moveFocus(list.current, 'ArrowDown')) e.preventDefault();
            if (e.key === 'Escape' && query) setQuery('');
          }}
        />
      </div>
      <Filters />
      {pending && (
        <FillForm
          key={`${pending.item.id}-${pending.action}`}
          title={pending.item.title}
          missing={pending.missing}
          action={pending.action}
          onCancel={cancelPending}
          onSubmit={(values) => {
            typedSinceAction.current = false;
            void act(pending.item, pending.action, values);
          }}
        />
      )}
      <div className={`notice-line${notice ? ` notice-${notice.kind}` : ''}`} role="status" aria-live="polite">
        {notice?.text}
      </div>
      {library.itemCount === undefined || (library.itemCount > 0 && found === undefined) ? (
        <p className="muted">{t('libraryLoading')}</p>
      ) : library.itemCount === 0 ? (
        <p className="empty">{t('libraryEmpty')}</p>
      ) : results.length === 0 ? (
        <div className="empty">
          <p>{query.trim() ? t('noResults', query.trim()) : t('noResultsFiltered')}</p>
          {unfilteredCount > 0 && <p>{t('noResultsOtherStages', unfilteredCount)}</p>}
          {filtered && (
            <button type="button" onClick={clearFilters}>
              {t('clearFilters')}
            </button>
          )}
          {query && (
            <button type="button" onClick={() => setQuery('')}>
              {t('clearSearch')}
            </button>
          )}
        </div>
      ) : null}
      {suggested.length > 0 && (
        <>
          <h2 className="section-title" id="suggested-title">
            {t('suggestedLabel')}
          </h2>
          <ul
            className="suggested"
            aria-label={t('suggestedLabel')}
            onKeyDown={(e) => {
              if ((e.target as HTMLElement).classList.contains('result-title') && moveFocus(e.currentTarget, e.key)) e.preventDefault();
            }}
          >
            {suggested.map((s) => {
              const item = s.item;
              return (
                <ResultItem
                  key={`suggested-${item.id}`}
                  item={item}
                  today={today}
                  reasons={s.reasons.map(reasonText).filter(Boolean)}
                  open={openId === `suggested:${item.id}`}
                  onToggle={() => {
                    const opening = openId !== `suggested:${item.id}`;
                    setOpen(opening ? `suggested:${item.id}` : null);
                    if (opening) record(itemEvent(item, { kind: 'preview', context, workingStage, today }));
                  }}
                  onAction={(action) => {
                    typedSinceAction.current = false;
                    record(itemEvent(item, { kind: 'suggestion_used', context, workingStage, today }));
                    void act(item, action);
                  }}
                />
              );
            })}
          </ul>
          <h2 className="section-title">{t('resultsLabel')}</h2>
        </>
      )}
      <ul
        ref={list}
        className="results"
        aria-label={t('resultsLabel')}
        hidden={results.length === 0}
        onKeyDown={(e) => {
          if (!(e.target as HTMLElement).classList.contains('result-title')) return;
          if (moveFocus(e.currentTarget, e.key)) e.preventDefault();
          else if (e.key === 'ArrowUp') {
            e.preventDefault();
            searchBox.current?.focus();
          } else if (e.key === 'Escape') {
            setOpen(null);
            searchBox.current?.focus();
          }
        }}
      >
        {results.map((item) => (
          <ResultItem
            key={item.id}
            item={item}
            today={today}
            open={openId === item.id}
            onToggle={() => toggle(item)}
            onAction={(action) => {
              typedSinceAction.current = false;
              void act(item, action);
            }}
          />
        ))}
      </ul>
      {hits.length > visible && (
        <button type="button" className="show-more" onClick={showMore}>
          {t('showMore')}
        </button>
      )}
    </div>
  );
}
