import { t, tp } from '../../../lib/i18n';
import { usePanelStore } from '../store';

interface Props {
  /** Items in the cache; undefined while counting. */
  itemCount: number | undefined;
  /** False until the first results are in. */
  answered: boolean;
  shown: number;
  /** When every hit is filtered out: how many the query finds without the filters. */
  unfiltered: number;
}

/** Why there is nothing to list: still loading, an empty library, or nothing matches (and what to try). */
export function LibraryState({ itemCount, answered, shown, unfiltered }: Props) {
  const { query, stages, types, setQuery, clearFilters } = usePanelStore();
  if (itemCount === undefined || (itemCount > 0 && !answered)) return <p className="muted">{t('libraryLoading')}</p>;
  if (itemCount === 0) return <p className="empty">{t('libraryEmpty')}</p>;
  if (shown > 0) return null;
  const filtered = stages.length > 0 || types.length > 0;
  return (
    <div className="empty">
      <p>{query.trim() ? t('noResults', query.trim()) : t('noResultsFiltered')}</p>
      {unfiltered > 0 && <p>{tp('noResultsOtherStages', unfiltered)}</p>}
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
  );
}
