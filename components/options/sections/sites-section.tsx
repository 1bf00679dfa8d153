import { useCallback, useEffect, useState } from 'react';
import { t } from '../../../lib/i18n';
import { onRegionAccessChanged, regionTurnedOn, sitesWithRegions, turnOffRegion, turnOnRegion } from '../../../lib/sites/region-access';
import type { SiteRegion } from '../../../lib/sites/registry';

/** A switch per region of each site: on means Quiver may read the site's pages there. */
export function SitesSection() {
  const sites = sitesWithRegions();
  const [on, setOn] = useState<ReadonlyMap<SiteRegion, boolean>>(new Map());
  const [denied, setDenied] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const regions = sites.flatMap((s) => s.regions);
    void Promise.all(regions.map((r) => regionTurnedOn(r))).then((states) => setOn(new Map(regions.map((r, i) => [r, states[i]!]))));
    // The registry does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    refresh();
    return onRegionAccessChanged(refresh);
  }, [refresh]);

  const toggle = (region: SiteRegion, turnOn: boolean) => {
    setDenied(null);
    // Asked in the click itself: the browser only asks the rep from a user gesture.
    const asked = turnOn ? turnOnRegion(region) : turnOffRegion(region);
    void asked.then((done) => {
      if (turnOn && !done) setDenied(t('optRegionDenied', region.label));
      refresh();
    });
  };

  return (
    <section aria-labelledby="opt-sites">
      <h2 id="opt-sites">{t('optSitesSection')}</h2>
      <p className="muted">{t('optSitesHelp')}</p>
      {sites.map(({ entry, regions }) => (
        <fieldset key={entry.site} className="site-regions">
          <legend>{entry.label}</legend>
          {regions.map((region) => (
            <label key={region.label} className="checkbox">
              <input type="checkbox" role="switch" checked={on.get(region) ?? false} onChange={(e) => toggle(region, e.target.checked)} />
              {region.label}
            </label>
          ))}
        </fieldset>
      ))}
      {denied && (
        <p className="notice notice-warning" role="alert">
          {denied}
        </p>
      )}
    </section>
  );
}
