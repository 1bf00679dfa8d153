import type { StoredItem } from '../db';
import type { EventInput } from '../events/track';
import { inferStage } from '../recommend';
import { isStale, type JourneyStage } from '../schema/content';
import type { EventKind } from '../schema/events';
import type { PageContext } from '../schema/page-context';

/*
 * The usage event of something the rep did with an item, built the same way whichever path
 * did it (side panel, palette, shortcut), so one insert is counted under one stage.
 */

/**
 * The journey stage a use is counted under: the stage the rep is working in — the panel's
 * one stage filter, else the stage the page suggests — when the item is meant for it, else
 * the item's first stage. An item used outside its stages is counted where it belongs.
 */
export function stageOfUse(item: Pick<StoredItem, 'stages'>, workingStage: JourneyStage | null | undefined): JourneyStage {
  return workingStage && item.stages.includes(workingStage) ? workingStage : item.stages[0]!;
}

/** The stage the page suggests (a CRM stage through the stage map, an email thread's length…). */
export function pageStage(context: PageContext | undefined, stageMap: ReadonlyMap<string, JourneyStage>): JourneyStage | undefined {
  return inferStage(context, stageMap)?.stage;
}

/** Where the rep was, as events carry it: a supported site and its page kind, else nothing. */
export function eventPlace(context: PageContext | undefined): Pick<EventInput, 'site' | 'pageKind'> {
  return context?.supported && context.site ? { site: context.site, pageKind: context.pageKind } : {};
}

export interface ItemEventOptions {
  kind: EventKind;
  context: PageContext | undefined;
  workingStage: JourneyStage | null | undefined;
  today: string;
  /** From the first keystroke (or the palette opening) to this use. */
  timeToContentMs?: number;
}

export function itemEvent(item: StoredItem, { kind, context, workingStage, today, timeToContentMs }: ItemEventOptions): EventInput {
  return {
    kind,
    contentId: item.id,
    contentType: item.type,
    stage: stageOfUse(item, workingStage),
    ...eventPlace(context),
    ...(timeToContentMs !== undefined ? { timeToContentMs } : {}),
    ...(isStale(item, today) ? { stale: true } : {}),
  };
}
