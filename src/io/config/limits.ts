/**
 * The config's defaults and bounds that the command line shows and checks
 * (`--help`, option parsers), apart from the config's schema: the CLI's
 * option table reads them at start-up without building the schema. Pure.
 */

/** Where the decisions tracker lives unless the config or `--tracker` says otherwise. */
export const DEFAULT_TRACKER_PATH = 'docs/ARCHITECTURE_COMPARISON.md';

export const FAIL_POLICIES = ['new', 'open', 'any', 'none'] as const;
export type FailPolicy = (typeof FAIL_POLICIES)[number];

/** Cases (and requests per target) in flight at once: more only exhausts sockets and memory. */
export const MAX_CONCURRENCY = 1024;
/** The most run folders `keep` may ask for (a number, not a way to say "all": leave it out). */
export const MAX_KEPT_RUNS = 100_000;
/** The longest request budget a timer can hold (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMEOUT_MS = 2_147_483_647;
/** Retries after a connection-level failure. */
export const MAX_RETRIES = 10;
/** Cases a run may send again for a second look unless `secondLook` says otherwise. */
export const DEFAULT_SECOND_LOOKS = 100;
/** The largest answer (bytes, either side) a case is sent again for, unless `secondLookBytes` says otherwise. */
export const DEFAULT_SECOND_LOOK_BYTES = 1024 * 1024;
/** The most cases a run may send again for a second look. */
export const MAX_SECOND_LOOKS = 100_000;
