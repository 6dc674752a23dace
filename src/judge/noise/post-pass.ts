/**
 * The end-of-run pass: endpoint-level noise (decided by the tally) is masked
 * out of every result of that endpoint: the assessment records the mask of
 * each result it changes (judged again with the same pure functions `judge`
 * uses, `judge/results/judged-again.ts`); then the report section.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { NoiseEntry, NoiseSection, NoiseThresholds } from '../../contract/report.js';
import type { Redactor } from '../../core/redact/redact.js';
import { parsePointer } from '../../util/json-pointer.js';
import { maskObservation } from '../results/judged-again.js';
import { coversSegments, type NoiseMask } from './mask.js';

/** The masks of the entries decided as noise, by endpoint. */
export function endpointMasks(entries: readonly NoiseEntry[]): Map<string, NoiseMask> {
  const masks = new Map<string, { values: string[]; orders: string[]; headers: string[] }>();
  for (const entry of entries) {
    if (entry.decision !== 'noise') continue;
    let mask = masks.get(entry.endpoint);
    if (mask === undefined) {
      mask = { values: [], orders: [], headers: [] };
      masks.set(entry.endpoint, mask);
    }
    const list = { value: mask.values, order: mask.orders, header: mask.headers }[entry.kind];
    list.push(entry.path);
  }
  return masks;
}

/**
 * The mask for one result: its endpoint's, plus every change under the
 * result's order-only arrays that the endpoint's order noise names (there the
 * candidate holds the baseline's elements, so its changes are order alone).
 */
function maskFor(mask: NoiseMask, orderOnly: readonly string[] | undefined): NoiseMask {
  if (orderOnly === undefined || mask.orders.length === 0) return mask;
  const reordered = orderOnly.filter((path) =>
    mask.orders.some((order) => {
      const pattern = parsePointer(order);
      const segments = parsePointer(path);
      return pattern.length === segments.length && coversSegments(pattern, segments);
    }),
  );
  return reordered.length === 0 ? mask : { ...mask, values: [...mask.values, ...reordered] };
}

/**
 * By case id, the mask of its endpoint's noise, for each result the mask
 * changes (the results themselves are never changed: the assessment lays the
 * mask over them).
 */
export function endpointNoiseMasks(input: {
  readonly results: readonly Observation[];
  readonly entries: readonly NoiseEntry[];
  readonly orderOnly: ReadonlyMap<string, readonly string[]>;
  readonly redact: Redactor;
}): Map<string, readonly MaskStep[]> {
  const masks = endpointMasks(input.entries);
  const out = new Map<string, readonly MaskStep[]>();
  if (masks.size === 0) return out;
  for (const result of input.results) {
    const mask = masks.get(result.endpoint);
    if (mask === undefined) continue;
    const own = maskFor(mask, input.orderOnly.get(result.caseId));
    if (maskObservation(result, own, input.redact) === result) continue;
    const { values, orders, headers } = own;
    out.set(result.caseId, [{ by: 'noise', values, orders, headers }]);
  }
  return out;
}

/** The report's `noise` section, with sample values redacted. */
export function noiseSection(input: {
  readonly source: string;
  readonly thresholds: NoiseThresholds;
  readonly entries: readonly NoiseEntry[];
  readonly flakyBaselines: readonly string[];
  readonly redact: Redactor;
}): NoiseSection {
  const { redact } = input;
  return {
    source: input.source,
    thresholds: input.thresholds,
    entries: input.entries.map((entry) => ({
      ...entry,
      samples: entry.samples.map((s) =>
        entry.kind === 'header'
          ? {
              baseline: redactHeader(redact, entry.path, s.baseline),
              replica: redactHeader(redact, entry.path, s.replica),
            }
          : { baseline: redact.value(s.baseline), replica: redact.value(s.replica) },
      ),
    })),
    flakyBaselines: [...input.flakyBaselines].sort(),
  };
}

function redactHeader(redact: Redactor, name: string, value: unknown): unknown {
  return typeof value === 'string' ? redact.header(name, value) : value;
}
