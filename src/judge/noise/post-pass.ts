/**
 * The end-of-run pass: endpoint-level noise (decided by the tally) is masked
 * out of every result of that endpoint, and the results it changes are
 * re-judged with the same pure functions `judge` uses; then the report section.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { CaseResult, DivergentResult } from '../../contract/observation.js';
import type { NoiseEntry, NoiseSection, NoiseThresholds } from '../../contract/report.js';
import { judgeComparison } from '../../core/compare/judge.js';
import { differencesOf } from '../../core/compare/text-bodies.js';
import type { Redactor } from '../../core/redact/redact.js';
import { parsePointer } from '../../util/json-pointer.js';
import { redactFinding } from '../results/build.js';
import { coversSegments, maskComparison, type NoiseMask } from './mask.js';

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

function comparisonOf(result: DivergentResult): Comparison | undefined {
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (b === undefined || c === undefined) return undefined;
  return {
    status: { equal: b === c, baseline: b, candidate: c },
    headers: result.headerChanges,
    body: result.changes,
    ...(result.baseline.bodyKind === 'xml' && result.candidate.bodyKind === 'xml'
      ? { xml: true as const }
      : {}),
  };
}

/**
 * The result with `mask` applied: unchanged when nothing is masked; otherwise
 * re-judged (values in the result are already redacted; texts are redacted again).
 */
export function maskResult(result: CaseResult, mask: NoiseMask, redact: Redactor): CaseResult {
  if (result.verdict !== 'divergent') return result;
  const comparison = comparisonOf(result);
  if (comparison === undefined) return result;
  const masked = maskComparison(comparison, mask);
  if (
    masked.body.length === comparison.body.length &&
    masked.headers.length === comparison.headers.length
  ) {
    return result;
  }
  // Header values in a result are redacted already: secret ones classify as `[redacted]`.
  const judgement = judgeComparison({ caseId: result.caseId, endpoint: result.endpoint }, masked);
  const {
    fingerprint: _f,
    findings: _g,
    explanation: _e,
    summary: _s,
    repro,
    bodies,
    regression: _r,
    pattern: _p,
    changes: _c,
    changesOmitted,
    headerChanges: _h,
    ...common
  } = result;
  if (judgement.verdict === 'error') return result;
  // The findings the endpoint's noise hides: their rows are covered, not resolved.
  const findings =
    judgement.verdict === 'divergent'
      ? differencesOf(judgement.findings, result.findings).map((f) => redactFinding(f, redact))
      : [];
  const shown = new Set(findings.map((f) => f.fingerprint));
  const hidden = result.findings.map((f) => f.fingerprint).filter((f) => !shown.has(f));
  const covered =
    hidden.length === 0 ? common.covered : [...new Set([...(common.covered ?? []), ...hidden])];
  const withCovered = covered === undefined ? common : { ...common, covered };
  if (judgement.verdict === 'equal') return { ...withCovered, verdict: 'equal', kinds: [] };
  const { divergence } = judgement;
  return {
    ...withCovered,
    verdict: 'divergent',
    kinds: divergence.kinds,
    fingerprint: divergence.fingerprint,
    findings,
    ...(divergence.pattern === undefined ? {} : { pattern: divergence.pattern }),
    explanation: redact.text(divergence.explanation),
    summary: redact.text(divergence.summary),
    changes: masked.body,
    // Changes past the report's first 500 were never seen here: still counted, unmasked.
    ...(changesOmitted === undefined ? {} : { changesOmitted }),
    headerChanges: masked.headers,
    repro,
    bodies,
  };
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

/** Every result with its endpoint's noise masked. */
export function applyEndpointNoise(input: {
  readonly results: readonly CaseResult[];
  readonly entries: readonly NoiseEntry[];
  readonly orderOnly: ReadonlyMap<string, readonly string[]>;
  readonly redact: Redactor;
}): CaseResult[] {
  const masks = endpointMasks(input.entries);
  if (masks.size === 0) return [...input.results];
  return input.results.map((result) => {
    const mask = masks.get(result.endpoint);
    if (mask === undefined) return result;
    return maskResult(result, maskFor(mask, input.orderOnly.get(result.caseId)), input.redact);
  });
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
