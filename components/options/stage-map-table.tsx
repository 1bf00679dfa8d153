import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, getMeta } from '../../lib/db';
import { t } from '../../lib/i18n';
import { stageLabel } from '../../lib/labels';
import { DEFAULT_STAGE_ENTRIES, mergeStageMaps, stageKey } from '../../lib/recommend';
import { JOURNEY_STAGES } from '../../lib/schema/content';
import { fieldLabel } from '../../lib/recommend/reason-text';

/** The CRM stage → journey stage rules in force: the defaults, with the org's overrides marked. */
export function StageMapTable() {
  const org = useLiveQuery(() => getMeta(getDb(), 'orgSettings'), []);
  const overrides = org?.stageMap ?? {};
  const merged = mergeStageMaps({}, overrides);
  const defaultKeys = new Set(DEFAULT_STAGE_ENTRIES.map((e) => stageKey(e.crmStage)));
  const extra = Object.keys(overrides).filter((k) => !defaultKeys.has(stageKey(k)) && merged.has(stageKey(k)));
  return (
    <section aria-labelledby="opt-stage-map">
      <h2 id="opt-stage-map">{t('optStageMapSection')}</h2>
      <p className="muted">{t('optStageMapHelp')}</p>
      <table className="stage-map">
        <thead>
          <tr>
            <th scope="col">{t('optStageMapCrm')}</th>
            <th scope="col">{t('optStageMapField')}</th>
            <th scope="col">{t('optStageMapStage')}</th>
            <th scope="col">{t('optStageMapJourney')}</th>
          </tr>
        </thead>
        <tbody>
          {DEFAULT_STAGE_ENTRIES.map((e) => {
            const override = merged.get(stageKey(e.crmStage));
            return (
              <tr key={`${e.crm}-${e.field}-${e.crmStage}`}>
                <td>{e.crm}</td>
                <td>{fieldLabel(e.field)}</td>
                <td>{e.crmStage}</td>
                <td>
                  {stageLabel(override ?? e.stage)}
                  {override && override !== e.stage && <span className="badge badge-org"> {t('optStageMapOrg')}</span>}
                </td>
              </tr>
            );
          })}
          {extra.map((k) => (
            <tr key={`org-${k}`}>
              <td colSpan={2}>{t('optStageMapOrg')}</td>
              <td>{k}</td>
              <td>{stageLabel(merged.get(stageKey(k)) ?? JOURNEY_STAGES[0])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
