import { t } from '../../lib/i18n';
import { CONTENT_TYPES, JOURNEY_STAGES, type ContentType } from '../../lib/schema/content';
import { stageLabel, typeLabel } from '../../lib/labels';
import type { StageReason } from '../../lib/recommend';
import { stageSourceText } from '../../lib/recommend/reason-text';
import { usePanelStore } from './store';

interface Props {
  /** The page's stage while no toggle is pressed: it ranks the results first, it hides nothing. */
  boosted: StageReason | null;
}

/**
 * One toggle per journey stage, and a content-type filter. A pressed toggle filters; the page's
 * stage only ranks, and says so under the toggles, its toggle marked but not pressed.
 */
export function Filters({ boosted }: Props) {
  const stages = usePanelStore((s) => s.stages);
  const types = usePanelStore((s) => s.types);
  const toggleStage = usePanelStore((s) => s.toggleStage);
  const setTypes = usePanelStore((s) => s.setTypes);
  return (
    <div className="filters">
      <div className="stage-toggles" role="group" aria-label={t('stagesLabel')} aria-describedby="stage-mode">
        {JOURNEY_STAGES.map((stage) => (
          <button
            key={stage}
            type="button"
            className={`stage-toggle${boosted?.stage === stage ? ' stage-boosted' : ''}`}
            aria-pressed={stages.includes(stage)}
            onClick={() => toggleStage(stage)}
          >
            {stageLabel(stage)}
          </button>
        ))}
      </div>
      <p id="stage-mode" className="stage-mode">
        {boosted ? t('stageFirst', [stageLabel(boosted.stage), stageSourceText(boosted)]) : stages.length > 0 ? t('stageFilterOn') : ''}
      </p>
      <label className="type-filter">
        <span>{t('typeLabel')}</span>
        <select value={types[0] ?? ''} onChange={(e) => setTypes(e.target.value ? [e.target.value as ContentType] : [])}>
          <option value="">{t('typeAll')}</option>
          {CONTENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
