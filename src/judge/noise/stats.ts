/**
 * Endpoint-level noise, by Diffy's rule: per endpoint and path, count the cases
 * whose two baseline responses differed there (noise) and the cases whose
 * candidate differed from the baseline there (raw). Keeps skeletons only,
 * never bodies, each distinct one once with the number of cases that showed
 * it, so memory grows with the number of distinct skeletons, not of cases (a
 * shadow session tallies every request of its traffic). Pure.
 */

import type { NoiseEntry, NoiseKind, NoiseThresholds } from '../../contract/report.js';
import { parsePointer } from '../../util/json-pointer.js';
import { compareText } from '../../util/text.js';
import { coversSegments } from './mask.js';
import type { NoiseFinding } from './types.js';

const MAX_SAMPLES = 3;

/**
 * A path's candidate differences are a real divergence only when they clearly
 * exceed the baseline's own: `raw > noise`, `(raw − noise) / (raw + noise) >
 * relative` and `(raw − noise) / cases > absolute`.
 */
export function isRealDivergence(
  raw: number,
  noise: number,
  cases: number,
  thresholds: NoiseThresholds,
): boolean {
  if (raw <= noise || cases === 0) return false;
  const excess = raw - noise;
  return excess / (raw + noise) > thresholds.relative && excess / cases > thresholds.absolute;
}

interface PathTally {
  readonly kind: NoiseKind;
  readonly pattern: string;
  readonly by: string | undefined;
  noisy: number;
  readonly samples: { baseline: unknown; replica: unknown }[];
}

interface EndpointTally {
  cases: number;
  readonly paths: Map<string, PathTally>;
  /**
   * The cases' raw difference skeletons (`value /a/*`, `order /items`,
   * `header etag`), each distinct one once (keyed by its sorted entries) with
   * how many cases showed it.
   */
  readonly raw: Map<string, { readonly keys: ReadonlySet<string>; cases: number }>;
}

/** What one case contributes to the tally. */
export interface CaseTally {
  readonly endpoint: string;
  readonly findings: readonly NoiseFinding[];
  /** Absent in calibration (there is no candidate). */
  readonly raw?: ReadonlySet<string>;
}

/** A run's noise statistics; `record` per case, `entries` at the end. */
export interface NoiseTally {
  record(tally: CaseTally): void;
  /** One entry per endpoint and noisy path, decided by {@link isRealDivergence}; sorted. */
  entries(thresholds: NoiseThresholds): NoiseEntry[];
  /** The distinct raw skeletons it holds (its memory: never one per case). */
  skeletons(): number;
}

export function createNoiseTally(): NoiseTally {
  const endpoints = new Map<string, EndpointTally>();
  return {
    record({ endpoint, findings, raw }) {
      let tally = endpoints.get(endpoint);
      if (tally === undefined) {
        tally = { cases: 0, paths: new Map(), raw: new Map() };
        endpoints.set(endpoint, tally);
      }
      tally.cases++;
      if (raw !== undefined) {
        const key = [...raw].sort().join('\n');
        const seen = tally.raw.get(key);
        if (seen === undefined) tally.raw.set(key, { keys: raw, cases: 1 });
        else seen.cases++;
      }
      for (const finding of findings) addFinding(tally, finding);
    },
    entries(thresholds) {
      const out: NoiseEntry[] = [];
      for (const [endpoint, tally] of endpoints) {
        for (const path of tally.paths.values())
          out.push(entryOf(endpoint, tally, path, thresholds));
      }
      return out.sort(
        (a, b) =>
          compareText(a.endpoint, b.endpoint) ||
          compareText(a.path, b.path) ||
          compareText(a.kind, b.kind),
      );
    },
    skeletons() {
      let count = 0;
      for (const tally of endpoints.values()) count += tally.raw.size;
      return count;
    },
  };
}

function addFinding(tally: EndpointTally, finding: NoiseFinding): void {
  const key = `${finding.kind} ${finding.pattern}`;
  let path = tally.paths.get(key);
  if (path === undefined) {
    path = { kind: finding.kind, pattern: finding.pattern, by: finding.by, noisy: 0, samples: [] };
    tally.paths.set(key, path);
  }
  path.noisy++;
  if (path.samples.length < MAX_SAMPLES) path.samples.push({ ...finding.sample });
}

function rawCount(tally: EndpointTally, path: PathTally): number {
  const pattern = path.kind === 'header' ? [] : parsePointer(path.pattern);
  let count = 0;
  for (const { keys, cases } of tally.raw.values()) {
    for (const key of keys) {
      const space = key.indexOf(' ');
      const kind = key.slice(0, space);
      const target = key.slice(space + 1);
      const hit =
        path.kind === 'header'
          ? kind === 'header' && target === path.pattern
          : kind !== 'header' && coversSegments(pattern, parsePointer(target));
      if (hit) {
        count += cases;
        break;
      }
    }
  }
  return count;
}

function entryOf(
  endpoint: string,
  tally: EndpointTally,
  path: PathTally,
  thresholds: NoiseThresholds,
): NoiseEntry {
  const divergentCases = rawCount(tally, path);
  const real = isRealDivergence(divergentCases, path.noisy, tally.cases, thresholds);
  return {
    endpoint,
    kind: path.kind,
    path: path.pattern,
    ...(path.by === undefined ? {} : { by: path.by }),
    noisyCases: path.noisy,
    divergentCases,
    cases: tally.cases,
    decision: real ? 'divergence' : 'noise',
    samples: path.samples,
  };
}
