import { afterEach, expect, test, vi } from 'vitest';
import { SearchFeed } from '../../../lib/palette/search-feed';
import type { PaletteItem } from '../../../lib/schema/messages';

const item = (id: string): PaletteItem => ({
  id,
  title: id,
  type: 'snippet',
  stages: ['awareness'],
  summary: '',
  stale: false,
  expired: false,
  owner: 'o@x.example',
});

/** A search whose answers the test releases in any order. */
function controlledSearch() {
  const pending = new Map<string, (items: PaletteItem[]) => void>();
  const search = vi.fn((query: string) => new Promise<PaletteItem[]>((resolve) => pending.set(query, resolve)));
  return { search, answer: (query: string) => pending.get(query)!([item(`for:${query}`)]) };
}

afterEach(() => vi.useRealTimers());

test('one request per pause in typing, for what was typed last', async () => {
  vi.useFakeTimers();
  const search = vi.fn(async (q: string) => [item(q)]);
  const show = vi.fn();
  const feed = new SearchFeed({ search, show });
  feed.typed('d');
  await vi.advanceTimersByTimeAsync(30);
  feed.typed('de');
  await vi.advanceTimersByTimeAsync(30);
  feed.typed('dem');
  expect(search).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(80);
  expect(search.mock.calls).toEqual([['dem']]);
  expect(show).toHaveBeenCalledWith([item('dem')], 'dem');
});

test('a late answer to an earlier query is dropped', async () => {
  const { search, answer } = controlledSearch();
  const show = vi.fn();
  const feed = new SearchFeed({ search, show });
  const first = feed.now('pri');
  const second = feed.now('pricing');
  answer('pricing');
  await second;
  answer('pri');
  await first;
  expect(show.mock.calls).toEqual([[[item('for:pricing')], 'pricing']]);
});

test('after cancel (the palette closed) no answer is shown', async () => {
  const { search, answer } = controlledSearch();
  const show = vi.fn();
  const feed = new SearchFeed({ search, show });
  const running = feed.now('roi');
  feed.cancel();
  answer('roi');
  await running;
  expect(show).not.toHaveBeenCalled();
});

test('a background that does not answer shows as no answer, not as an empty library', async () => {
  const show = vi.fn();
  const feed = new SearchFeed({ search: () => Promise.reject(new Error('Could not establish connection')), show });
  await feed.now('roi');
  expect(show).toHaveBeenCalledWith(null, 'roi');
});
