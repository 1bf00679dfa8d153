import { create } from 'zustand';
import type { ContentType, JourneyStage } from '../../lib/schema/content';

/** What the rep has typed and chosen in the side panel. */
export interface PanelState {
  query: string;
  stages: JourneyStage[];
  types: ContentType[];
  /** The item whose preview is open. */
  openId: string | null;
  /** How many results to show; grows with "Show more". */
  visible: number;
  /** A one-line message for the rep (copied, inserted, why not). */
  notice: { kind: 'info' | 'warning' | 'error'; text: string } | null;
  setQuery(query: string): void;
  toggleStage(stage: JourneyStage): void;
  setStages(stages: JourneyStage[]): void;
  setTypes(types: ContentType[]): void;
  clearFilters(): void;
  setOpen(id: string | null): void;
  showMore(): void;
  notify(kind: 'info' | 'warning' | 'error', text: string): void;
}

export const PAGE_SIZE = 50;

export const usePanelStore = create<PanelState>((set) => ({
  query: '',
  stages: [],
  types: [],
  openId: null,
  visible: PAGE_SIZE,
  notice: null,
  setQuery: (query) => set({ query, visible: PAGE_SIZE }),
  toggleStage: (stage) =>
    set((s) => ({
      stages: s.stages.includes(stage) ? s.stages.filter((x) => x !== stage) : [...s.stages, stage],
      visible: PAGE_SIZE,
    })),
  setStages: (stages) => set({ stages, visible: PAGE_SIZE }),
  setTypes: (types) => set({ types, visible: PAGE_SIZE }),
  clearFilters: () => set({ stages: [], types: [], visible: PAGE_SIZE }),
  setOpen: (openId) => set({ openId }),
  showMore: () => set((s) => ({ visible: s.visible + PAGE_SIZE })),
  notify: (kind, text) => set({ notice: { kind, text } }),
}));
