import { useEffect, useRef, useState } from 'react';
import type { StoredItem } from '../../lib/db';
import { itemEvent } from '../../lib/delivery/usage-event';
import { todayIso } from '../../lib/schema/content';
import { isServerConfigured, settingsStore } from '../../lib/settings';
import { useStoredValue } from '../use-stored-value';
import { FillForm } from './fill-form';
import { Filters } from './filters';
import { PageContextView } from './page-context-view';
import { LibraryState } from './sections/library-state';
import { PanelHeader } from './sections/panel-header';
import { ResultsList } from './sections/results-list';
import { SearchBox } from './sections/search-box';
import { SharedLinksView } from './sections/shared-links-view';
import { ShareAvailability, useShareAvailability } from './share-availability';
import { SuggestedList } from './sections/suggested-list';
import { usePanelStore } from './store';
import { SyncBanner } from './sync-banner';
import { useBoundTab } from './use-bound-tab';
import { useItemActions } from './use-item-actions';
import { useLibrary } from './use-library';
import { usePageContext } from './use-page-context';
import { useResults } from './use-results';
import { useSearchLogging } from './use-search-logging';
import { useSuggestions } from './use-suggestions';

/** The rep's main screen: page context, search, stage and type filters, suggestions, results, preview. */
export function SidePanel() {
  const tabId = useBoundTab();
  const contextState = usePageContext(tabId);
  const context = contextState.status === 'ready' ? contextState.context : undefined;
  const settings = useStoredValue(settingsStore);
  const library = useLibrary();
  const { query, stages, types, visible, notice } = usePanelStore();
  const today = todayIso();
  const searchBox = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Time to content runs from the first keystroke after an action, else from the panel opening.
  const sessionStart = useRef<number>(Date.now());
  const typedSinceAction = useRef(false);
  const canShare = useShareAvailability(settings);
  const withServer = settings !== undefined && isServerConfigured(settings);
  const [showLinks, setShowLinks] = useState(false);

  const { inferred, suggestions } = useSuggestions({ library, context, today });
  // The page's stage ranks the results while the rep has pressed no stage toggle.
  const boosted = stages.length === 0 && inferred ? inferred : null;
  const { hits: found, items: foundItems, unfiltered } = useResults(library, query, stages, types, visible + 1, boosted ? [boosted.stage] : []);
  const hits = found ?? [];
  const results = hits
    .slice(0, visible)
    .map((h) => foundItems.get(h.id))
    .filter((i): i is StoredItem => i !== undefined);
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

  const preview = (item: StoredItem) => record(itemEvent(item, { kind: 'preview', context, workingStage, today }));
  const actOn = (item: StoredItem, action: Parameters<typeof act>[1]) => {
    typedSinceAction.current = false;
    void act(item, action);
  };

  const header = <PanelHeader sharedLinks={withServer ? { open: showLinks, toggle: () => setShowLinks((v) => !v) } : undefined} />;
  if (showLinks && withServer) {
    return (
      <div className="panel">
        {header}
        <div className={`notice-line${notice ? ` notice-${notice.kind}` : ''}`} role="status" aria-live="polite">
          {notice?.text}
        </div>
        <SharedLinksView settings={settings} onBack={() => setShowLinks(false)} />
      </div>
    );
  }

  return (
    <ShareAvailability.Provider value={canShare}>
      <div className="panel">
        {header}
        <SyncBanner />
        <PageContextView state={contextState} />
        <SearchBox
          box={searchBox}
          results={list}
          onFirstKeystroke={() => {
            if (typedSinceAction.current) return;
            typedSinceAction.current = true;
            sessionStart.current = Date.now();
          }}
        />
        <Filters boosted={boosted} />
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
        <LibraryState itemCount={library.itemCount} answered={found !== undefined} shown={results.length} unfiltered={unfiltered} />
        <SuggestedList
          suggestions={suggested}
          today={today}
          onPreview={(s) => preview(s.item)}
          onAction={(s, action) => {
            record(itemEvent(s.item, { kind: 'suggestion_used', context, workingStage, today }));
            actOn(s.item, action);
          }}
        />
        <ResultsList
          list={list}
          searchBox={searchBox}
          results={results}
          count={found === undefined ? undefined : hits.length > visible ? visible : hits.length}
          more={hits.length > visible}
          today={today}
          onPreview={preview}
          onAction={actOn}
        />
      </div>
    </ShareAvailability.Provider>
  );
}
