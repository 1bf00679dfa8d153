import { useEffect, type RefObject } from 'react';
import { t } from '../../../lib/i18n';
import { isEditable, isTypingKey, moveFocus } from '../../../lib/keyboard';
import { usePanelStore } from '../store';

interface Props {
  box: RefObject<HTMLInputElement | null>;
  /** The results list, which ArrowDown moves into. */
  results: RefObject<HTMLUListElement | null>;
  /** The rep typed the first character since the last action: time to content starts. */
  onFirstKeystroke(): void;
}

/** The search box; typing anywhere in the panel goes into it. */
export function SearchBox({ box, results, onFirstKeystroke }: Props) {
  const query = usePanelStore((s) => s.query);
  const setQuery = usePanelStore((s) => s.setQuery);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingKey(e) && !isEditable(document.activeElement)) box.current?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [box]);

  return (
    <div className="search">
      <input
        ref={box}
        type="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        // The panel is opened to search: typing goes straight into the box.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus
        onChange={(e) => {
          onFirstKeystroke();
          setQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && results.current && moveFocus(results.current, 'ArrowDown')) e.preventDefault();
          if (e.key === 'Escape' && query) setQuery('');
        }}
      />
    </div>
  );
}
