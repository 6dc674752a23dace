/**
 * What noise learning produces: per case, the findings of one A/A comparison;
 * per run, the report section that lists them by endpoint.
 */
import type { FlakyBaseline } from '../../contract/observation.js';
import type { NoiseKind } from '../../contract/report.js';

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
