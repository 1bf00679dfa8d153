import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { eventsRequestSchema, type EventsResponse, type RejectedEvent } from '../../lib/schema/api';
import { issuePath } from '../../lib/schema/content-file';
import { usageEventSchema, type UsageEvent } from '../../lib/schema/events';
import type { Database } from '../db/schema';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';
import { readJson } from '../http/read-json';
import { isSiteHealthEvent, siteHealthEventSchema, type SiteHealthEvent } from '../../lib/schema/site-health';
import { storeSiteHealthEvents } from '../store/site-health-events';
import { retentionCutoff, storeUsageEvents } from '../store/usage-events';

/**
 * POST /api/v1/events: a batch of usage events. Each event is judged on its own: the valid
 * ones are stored even when others are rejected, and each rejected one is named by its index
 * (and id, when it has one) with what was wrong.
 */
export interface PostEventsOptions {
  /**
   * Events whose `at` is older than this many days are refused: the server keeps no events
   * that old (pruning deletes them), so storing one would let a re-sent copy be counted again
   * once pruning removed the first.
   */
  keepEventsDays?: number;
  onStored?: (counts: { accepted: number; duplicates: number; rejected: number }) => void;
}

export function postEvents(db: Kysely<Database>, { keepEventsDays, onStored }: PostEventsOptions = {}) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const envelope = eventsRequestSchema.safeParse(await readJson(c));
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const message = issue && issue.path.length > 0 ? `${issuePath(issue.path)}: ${issue.message}` : 'the body must be {"events": [ ... ]}';
      throw new ApiProblem(400, 'bad_request', message);
    }

    const valid: UsageEvent[] = [];
    const rejected: RejectedEvent[] = [];
    const oldest = keepEventsDays === undefined ? undefined : retentionCutoff(keepEventsDays);
    const health: SiteHealthEvent[] = [];
    envelope.data.events.forEach((raw, index) => {
      // Site-health checks share the outbox and this route, and are stored apart.
      if (isSiteHealthEvent(raw)) {
        const check = siteHealthEventSchema.safeParse(raw);
        if (check.success) health.push(check.data);
        else rejected.push({ index, ...idOf(raw), message: rejectionMessage(check.error.issues) });
        return;
      }
      const parsed = usageEventSchema.safeParse(raw);
      if (parsed.success) {
        if (oldest !== undefined && Date.parse(parsed.data.at) < oldest) {
          rejected.push({ index, id: parsed.data.id, message: `at: older than the ${keepEventsDays} days this server keeps events` });
          return;
        }
        valid.push(parsed.data);
        return;
      }
      rejected.push({ index, ...idOf(raw), message: rejectionMessage(parsed.error.issues) });
    });

    const usage = await storeUsageEvents(db, c.get('principal'), valid);
    const checks = await storeSiteHealthEvents(db, c.get('principal'), health);
    const accepted = usage.accepted + checks.accepted;
    const duplicates = usage.duplicates + checks.duplicates;
    onStored?.({ accepted, duplicates, rejected: rejected.length });
    const body: EventsResponse = { accepted, duplicates, rejected };
    return c.json(body);
  };
}

function idOf(raw: unknown): { id?: string } {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? { id: id.slice(0, 200) } : {};
}

/** Problems listed per rejected event; the rest are counted. */
const ISSUES_LISTED = 5;

/**
 * `field: message` per problem, joined by `; `. Bounded (the response schema allows 5000
 * characters, and the extension refuses a longer answer, keeping the batch to send forever):
 * an event can have any number of unknown keys, each quoted in zod's message.
 */
function rejectionMessage(issues: readonly z.core.$ZodIssue[]): string {
  const listed = issues.slice(0, ISSUES_LISTED).map((i) => `${clip(fieldName(i.path), 100)}: ${clip(i.message, 300)}`);
  const more = issues.length - listed.length;
  return listed.join('; ') + (more > 0 ? `; and ${more} more problem${more > 1 ? 's' : ''}` : '');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `filters.stages[0]`, or `event` for a problem with the event as a whole. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'event' : issuePath(path);
}
