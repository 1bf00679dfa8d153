import { t } from '../../lib/i18n';
import { CONTENT_TYPES, JOURNEY_STAGES, type ContentType } from '../../lib/schema/content';
import { stageLabel, typeLabel } from '../../lib/labels';
import { usePanelStore } from './store';

/** One toggle per journey stage, and a content-type filter. */
export function Filters() {
  const stages = usePanelStore((s) => s.stages);
  const types = usePanelStore((s) => s.types);
  const toggleStage = usePanelStore((s) => s.toggleStage);
  const setTypes = usePanelStore((s) => s.setTypes);
  return (
    <div className="filters">
      <div className="stage-toggles" role="group" aria-label={t('stagesLabel')}>
        {JOURNEY_STAGES.map((stage) => (
          <button
            key={stage}
            type="button"
            className="stage-toggle"
            aria-pressed={stages.includes(stage)}
            onClick={() => toggleStage(stage)}
          >
            {stageLabel(stage)}
          </button>
        ))}
      </div>
      <label className="type-filter">
        <span>{t('typeLabel')}</span>
        <select
          value={types[0] ?? ''}
          onChange={(e) => setTypes(e.target.value ? [e.target.value as ContentType] : [])}
        >
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
