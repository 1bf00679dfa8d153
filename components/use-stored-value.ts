import { useEffect, useState } from 'react';
import type { StoredValue } from '../lib/stored-value';

/** A stored value (lib/stored-value.ts), kept current as any page or the worker writes it; undefined until read. */
export function useStoredValue<T>(value: StoredValue<T>): T | undefined {
  const [current, setCurrent] = useState<T>();
  useEffect(() => {
    let changed = false;
    let live = true;
    const unwatch = value.watch((next) => {
      changed = true;
      if (live) setCurrent(next);
    });
    // A change seen meanwhile is newer than what the first read found.
    void value.get().then(
      (first) => live && !changed && setCurrent(first),
      () => {},
    );
    return () => {
      live = false;
      unwatch();
    };
  }, [value]);
  return current;
}
