import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo } from 'react';
import { getDb, getMeta, type StoredItem } from '../../lib/db';
import { isShareable } from '../../lib/schema/links';
import { isServerConfigured, type Settings } from '../../lib/settings';

/** Whether an item gets a Share link button: a server is set, and the org and the item allow it. */
export type CanShare = (item: StoredItem) => boolean;

const never: CanShare = () => false;
export const ShareAvailability = createContext<CanShare>(never);

export function useCanShare(): CanShare {
  return useContext(ShareAvailability);
}

/** The predicate for the panel: absent without a server (Copy link stays). */
export function useShareAvailability(settings: Settings | undefined): CanShare {
  const orgSettings = useLiveQuery(() => getMeta(getDb(), 'orgSettings'), []);
  const configured = settings !== undefined && isServerConfigured(settings);
  return useMemo(() => (configured ? (item: StoredItem) => isShareable(item, orgSettings) : never), [configured, orgSettings]);
}
