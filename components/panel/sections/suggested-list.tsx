import { t } from '../../../lib/i18n';
import { moveFocus } from '../../../lib/keyboard';
import { reasonText } from '../../../lib/recommend/reason-text';
import { ResultItem, type ItemAction } from '../result-item';
import { usePanelStore } from '../store';
import type { ShownSuggestion } from '../use-suggestions';

interface Props {
  suggestions: ShownSuggestion[];
  today: string;
  onPreview(suggestion: ShownSuggestion): void;
  onAction(suggestion: ShownSuggestion, action: ItemAction): void;
}

/** Content for this page and stage, each with why it is suggested. */
export function SuggestedList({ suggestions, today, onPreview, onAction }: Props) {
  const openId = usePanelStore((s) => s.openId);
  const setOpen = usePanelStore((s) => s.setOpen);
  if (suggestions.length === 0) return null;
  return (
    <>
      <h2 className="section-title" id="suggested-title">
        {t('suggestedLabel')}
      </h2>
      {/* Arrow keys move between the suggestion buttons; the list only hears the keys they get. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <ul
        className="suggested"
        aria-label={t('suggestedLabel')}
        onKeyDown={(e) => {
          if ((e.target as HTMLElement).classList.contains('result-title') && moveFocus(e.currentTarget, e.key)) e.preventDefault();
        }}
      >
        {suggestions.map((s) => {
          // Its own open state: the same item may also be in the results below.
          const key = `suggested:${s.item.id}`;
          return (
            <ResultItem
              key={key}
              item={s.item}
              today={today}
              reasons={s.reasons.map(reasonText).filter(Boolean)}
              open={openId === key}
              onToggle={() => {
                const opening = openId !== key;
                setOpen(opening ? key : null);
                if (opening) onPreview(s);
              }}
              onAction={(action) => onAction(s, action)}
            />
          );
        })}
      </ul>
      <h2 className="section-title">{t('resultsLabel')}</h2>
    </>
  );
}
