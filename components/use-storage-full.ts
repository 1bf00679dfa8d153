import { useEffect, useState } from 'react';
import { onStorageFullChanged, readStorageFull, type StorageFull } from '../lib/storage-full';

/** Whether the browser's storage is full (lib/storage-full.ts), kept current. */
export function useStorageFull(): StorageFull | null {
  const [full, setFull] = useState<StorageFull | null>(null);
  useEffect(() => {
    let cancelled = false;
    void readStorageFull().then((state) => !cancelled && setFull(state));
    const off = onStorageFullChanged(setFull);
    return () => {
      cancelled = true;
      off();
    };
  }, []);
  return full;
}
