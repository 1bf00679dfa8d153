import { useEffect, useState } from 'react';
import { loadSettings, onSettingsChanged, type Settings } from '../../lib/settings';

/** The extension's settings, kept current when the options page saves. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let cancelled = false;
    void loadSettings().then((s) => !cancelled && setSettings(s));
    const off = onSettingsChanged(setSettings);
    return () => {
      cancelled = true;
      off();
    };
  }, []);
  return settings;
}
