import { z } from 'zod';
import type { JourneyStage } from '../schema/content';
import { shareLinkSchema, type ShareLink } from '../schema/links';
import type { Site } from '../schema/page-context';
import { storedValue } from '../stored-value';
import type { ApiClient } from '../sync/api-client';

/*
 * The rep's share links as the extension keeps them: the server's list (refreshed on every
 * sync and when the panel's Shared links view opens), and the rep's own label for each link,
 * which never leaves the browser: the server never learns whom a link was for.
 */

const cacheSchema = z.object({
  /** The server the links came from: another server's links are not shown. */
  serverUrl: z.string().max(2048),
  links: z.array(shareLinkSchema).max(1000),
  fetchedAt: z.number(),
});
export type ShareLinkCache = z.infer<typeof cacheSchema>;

export const shareLinksStore = storedValue<ShareLinkCache | null>('local:shareLinks', (stored) => {
  const parsed = cacheSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
});

const labelsSchema = z.record(z.string().max(64), z.string().max(200));
/** slug → the rep's label ("Northwind Logistics"): browser only. */
export const shareLabelsStore = storedValue<Record<string, string>>('local:shareLabels', (stored) => {
  const parsed = labelsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
});

/** Links of `before` that had no counted view and have one now: the first opens to announce. */
export function firstOpens(before: readonly ShareLink[], after: readonly ShareLink[]): ShareLink[] {
  const earlier = new Map(before.map((l) => [l.slug, l.views]));
  return after.filter((l) => l.views > 0 && earlier.get(l.slug) === 0);
}

/** Fetches the rep's links into the cache; answers the links opened for the first time since the last fetch. */
export async function refreshShareLinks(client: ApiClient): Promise<ShareLink[]> {
  const links = await client.links();
  const previous = await shareLinksStore.get();
  await shareLinksStore.set({ serverUrl: client.serverUrl, links, fetchedAt: Date.now() });
  return previous?.serverUrl === client.serverUrl ? firstOpens(previous.links, links) : [];
}

/** A new link for the item, labelled for whom it is (in the browser only), and added to the cache. */
export async function createShareLink(
  client: ApiClient,
  request: { itemId: string; stage?: JourneyStage | undefined; site?: Site | null | undefined; label?: string | undefined },
): Promise<ShareLink> {
  const link = await client.createLink({
    itemId: request.itemId,
    ...(request.stage ? { stage: request.stage } : {}),
    ...(request.site ? { site: request.site } : {}),
  });
  const label = request.label?.trim();
  if (label) await shareLabelsStore.set({ ...(await shareLabelsStore.get()), [link.slug]: label.slice(0, 200) });
  const cache = await shareLinksStore.get();
  const others = cache?.serverUrl === client.serverUrl ? cache.links.filter((l) => l.slug !== link.slug) : [];
  await shareLinksStore.set({ serverUrl: client.serverUrl, links: [link, ...others].slice(0, 1000), fetchedAt: cache?.fetchedAt ?? Date.now() });
  return link;
}

export async function revokeShareLink(client: ApiClient, slug: string): Promise<void> {
  await client.revokeLink(slug);
  await refreshShareLinks(client);
}
