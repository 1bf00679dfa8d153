import type { RefObject } from 'react';
import type { StoredItem } from '../../../lib/db';
import { t, tp } from '../../../lib/i18n';
import { moveFocus } from '../../../lib/keyboard';
import { ResultItem, type ItemAction } from '../result-item';
import { usePanelStore } from '../store';

interface Props {
  list: RefObject<HTMLUListElement | null>;
  /** The search box, where ArrowUp from the first result and Escape go back to. */
  searchBox: RefObject<HTMLInputElement | null>;
  results: StoredItem[];
  /** How many results are listed, announced to screen readers; undefined until the first answer. */
  count: number | undefined;
  /** More hits than shown: offer to show more. */
  more: boolean;
  today: string;
  onPreview(item: StoredItem): void;
  onAction(item: StoredItem, action: ItemAction): void;
}

/** The search results, moved through with the arrow keys, a page at a time. */
export function ResultsList({ list, searchBox, results, count, more, today, onPreview, onAction }: Props) {
  const openId = usePanelStore((s) => s.openId);
  const setOpen = usePanelStore((s) => s.setOpen);
  const showMore = usePanelStore((s) => s.showMore);
  return (
    <>
      <p className="result-count" aria-live="polite" aria-atomic="true">
        {count === undefined ? '' : more ? tp('resultCountMore', count) : tp('resultCount', count)}
      </p>
      {/* Arrow keys move between the result buttons; the list only hears the keys they get. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
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
            onToggle={() => {
              const opening = openId !== item.id;
              setOpen(opening ? item.id : null);
              if (opening) onPreview(item);
            }}
            onAction={(action) => onAction(item, action)}
          />
        ))}
      </ul>
      {more && (
        <button type="button" className="show-more" onClick={showMore}>
          {t('showMore')}
        </button>
      )}
    </>
  );
}
