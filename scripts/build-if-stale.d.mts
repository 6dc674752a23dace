/** Types for `build-if-stale.mjs`, so its test reads it without `allowJs`. */

/** What the build reads: folders (walked) and files, relative to the project root. */
export const BUILD_INPUTS: readonly string[];

/** What the build writes last: its time is the build's. */
export const BUILD_OUTPUT: string;

/** The inputs changed since the last build, or the build is missing. */
export function buildIsStale(root: string): boolean;
