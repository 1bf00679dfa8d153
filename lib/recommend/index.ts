export { inferStage, LONG_THREAD } from './infer-stage';
export type { Reason, StageReason } from './reasons';
export { pageSignals, personaOf, industriesIn } from './signals';
export { DEFAULT_STAGE_ENTRIES, defaultStageMap, lookupStage, mergeStageMaps, stageKey, type StageMap } from './stage-map';
export { suggest, type Suggestion } from './suggest';
