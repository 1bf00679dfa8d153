import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '../../../lib/schema/events';

/**
 * Valid usage events, as the panel records them (a preview, a search, an insert…), a second
 * apart: what sits in a rep's outbox waiting to be uploaded.
 */
export function usageEvents(count: number, start = Date.parse('2026-11-20T09:00:00Z')): UsageEvent[] {
  const kinds = ['preview', 'search', 'insert', 'copy'] as const;
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return {
      id: randomUUID(),
      kind,
      at: new Date(start + i * 1000).toISOString(),
      ...(kind === 'search' ? { query: `fleet idle ${i}`, resultCount: 3 } : { contentId: 'cold-intro-empty-miles', contentType: 'email_template' as const }),
      stage: 'interest' as const,
      site: 'gmail' as const,
      pageKind: 'thread' as const,
    };
  });
}
