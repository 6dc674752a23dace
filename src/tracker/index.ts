/** The decisions tracker: parse → merge → render (pure) and the file writer (edge). */
export { checkTracker, type StaleFinding, type StaleReason } from './check.js';
export { mergeTracker, type TrackerMerge } from './merge.js';
export { parseTracker, trackerRows } from './parse.js';
export { newTrackerText, renderTracker } from './render.js';
export * from './types.js';
export {
  readOpenRows,
  readTrackerRows,
  type TrackerLockOptions,
  type TrackerUpdate,
  updateTrackerFile,
} from './write.js';
