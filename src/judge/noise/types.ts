/**
 * What noise learning produces: per case, the findings of one A/A comparison;
 * per run, the report section that lists them by endpoint.
 */
import type { NoiseThresholds } from '../../io/config/noise-settings.js';
import type { FlakyBaseline } from '../results/types.js';

/** `value`: a leaf (or subtree) varies; `order`: an array is shuffled; `header`: a header value varies. */
export type NoiseKind = 'value' | 'order' | 'header';

/** One place where two baseline responses to the same request differed. */
export interface NoiseFinding {
  readonly kind: NoiseKind;
  /** A pointer pattern with array indices and map keys as `*` (`value`, `order`), or a header name. */
  readonly pattern: string;
  /** `order`: the key the array's elements are sorted by before comparing. */
  readonly by?: string | undefined;
  /** The two values seen (before redaction). */
  readonly sample: { readonly baseline: unknown; readonly replica: unknown };
}

/** What one A/A comparison taught. */
export interface CaseNoise {
  readonly findings: readonly NoiseFinding[];
  readonly flaky: FlakyBaseline | undefined;
  /** Skeleton paths of map-like objects in the baseline bodies (see `mapContainers`). */
  readonly containers: ReadonlySet<string>;
}

/** One learned noise path of one endpoint, as report.json lists it. */
export interface NoiseEntry {
  readonly endpoint: string;
  readonly kind: NoiseKind;
  /** Pointer pattern, or header name for `header`. */
  readonly path: string;
  readonly by?: string;
  /** Cases of the endpoint whose two baseline responses differed here. */
  readonly noisyCases: number;
  /** Cases of the endpoint whose candidate differed from the baseline here (before masking). */
  readonly divergentCases: number;
  /** Cases of the endpoint that were compared with a second baseline response. */
  readonly cases: number;
  /**
   * `noise`: masked for every case of the endpoint; `divergence`: candidate
   * differences clearly exceed the noise (Diffy's rule), so they are reported
   * except in the cases whose own baseline varied.
   */
  readonly decision: 'noise' | 'divergence';
  /** Up to three pairs of differing baseline values, redacted. */
  /** A value one response lacks is `undefined` (written without its key). */
  readonly samples: readonly { readonly baseline?: unknown; readonly replica?: unknown }[];
}

/** The `noise` section of report.json. */
export interface NoiseSection {
  /** Where the second baseline response came from: `replica NAME` or `baseline NAME`. */
  readonly source: string;
  readonly thresholds: NoiseThresholds;
  /** Sorted by endpoint, then path. */
  readonly entries: readonly NoiseEntry[];
  /** Case ids whose baseline answered differently in structure. */
  readonly flakyBaselines: readonly string[];
}
