/**
 * The diff engine's interface and its path changes, shared by `delta.ts`
 * (which makes the engine) and `flatten.ts` (which re-enters it).
 */
import type { Change } from '../../contract/observation.js';

/** One configured diff engine; `diffInto` may be re-entered from `flattenDelta`. */
export interface DiffEngine {
  readonly arrayKeys: readonly string[];
  /** Diff `baseline` and `candidate`, which sit at `prefix`, appending changes to `out`. */
  diffInto(
    baseline: unknown,
    candidate: unknown,
    prefix: readonly string[],
    out: PathChange[],
  ): void;
}

/** A change and its unescaped path segments (formatted to a pointer at the end). */
export interface PathChange {
  readonly segments: readonly string[];
  readonly op: Change['op'];
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}
