/**
 * An observation judged again under what the end of the run masked in it
 * (the assessment's `masked`, `assessment.ts`): learned endpoint noise
 * (`judge/noise/post-pass.ts`), and the places a later answer proved
 * per-instance (`engine/run/echo-origins.ts`: echoed, sequenced, derived).
 * The observation is never changed and no second one is kept: the assessment
 * holds each masking and its reason (`MaskStep`), and a reader judges the
 * observation again under them, with the same pure functions `judge` uses.
 * Pure.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Comparison } from '../../contract/model/comparison.js';
import type { DivergentObservation, Observation } from '../../contract/observation.js';
import { awaitingListsOf } from '../../core/compare/awaiting-lists.js';
import { judgeComparison } from '../../core/compare/judge.js';
import { differencesOf } from '../../core/compare/text-bodies.js';
import { faultsOf } from '../../core/compare/xml-rpc-faults.js';
import { createRedactor, type Redactor } from '../../core/redact/redact.js';
import { TREE_BODY_KINDS } from '../../core/wire/tree-body.js';
import { maskComparison, type NoiseMask } from '../noise/mask.js';
import { redactFinding } from './build.js';

function comparisonOf(result: DivergentObservation): Comparison | undefined {
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
    ...(result.baseline.bodyKind === result.candidate.bodyKind &&
    result.baseline.bodyKind !== undefined &&
    TREE_BODY_KINDS.has(result.baseline.bodyKind)
      ? { documents: true as const }
      : {}),
    ...faultsOf(
      result.baseline.bodyKind === 'xml' ? result.bodies.baseline : undefined,
      result.candidate.bodyKind === 'xml' ? result.bodies.candidate : undefined,
    ),
  };
}

/**
 * The result with `mask` applied: unchanged when nothing is masked; otherwise
 * re-judged (values in the result are already redacted; texts are redacted again).
 */
export function maskObservation(
  result: Observation,
  mask: NoiseMask,
  redact: Redactor,
): Observation {
  if (result.verdict !== 'divergent') return result;
  const comparison = comparisonOf(result);
  if (comparison === undefined) return result;
  const masked = maskComparison(comparison, mask);
  if (
    masked.body.length === comparison.body.length &&
    masked.body.every((change, k) => change === comparison.body[k]) &&
    masked.headers.length === comparison.headers.length
  ) {
    return result;
  }
  // Header values in a result are redacted already: secret ones classify as `[redacted]`.
  const judgement = judgeComparison(
    {
      caseId: result.caseId,
      endpoint: result.endpoint,
      ...awaitingListsOf(result.reordered),
      // The values its refusal's reason was keyed without (rule 38).
      ...(result.request.echoed === undefined ? {} : { sentValues: result.request.echoed }),
    },
    masked,
  );
  const {
    fingerprint: _f,
    findings: _g,
    explanation: _e,
    summary: _s,
    repro,
    bodies,
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

const HEADER = 'header ';

/**
 * The mask of a result's places: pointers, and headers as `header NAME`.
 * Values found per-instance (`generated`) whose two sides also differ in
 * type keep the type change, their values set aside (`retyped`).
 */
export function maskOfPlaces(places: readonly string[], generated = false): NoiseMask {
  const values = places.filter((place) => !place.startsWith(HEADER));
  return {
    values,
    orders: [],
    headers: places.filter((place) => place.startsWith(HEADER)).map((p) => p.slice(HEADER.length)),
    ...(generated ? { retyped: values } : {}),
  };
}

/**
 * `result` judged again under one masking: unchanged when the masking drops
 * nothing; places another answer proved per-instance are listed under the
 * field of their reason (`echoed`, `sequenced`, `derived`); values found again
 * join `generated` with their evidence and leave `unsettled`.
 */
export function judgedUnderStep(
  result: Observation,
  step: MaskStep,
  redact: Redactor,
): Observation {
  if (step.by === 'noise') return maskObservation(result, step, redact);
  const judged = maskObservation(
    result,
    maskOfPlaces(step.places, step.by === 'generated'),
    redact,
  );
  if (judged === result) return result;
  if (step.by === 'generated') {
    const unsettled = (judged.unsettled ?? []).filter((p) => !step.places.includes(p));
    const { unsettled: _u, ...rest } = judged;
    return {
      ...rest,
      generated: [...(judged.generated ?? []), ...step.evidence],
      ...(unsettled.length === 0 ? {} : { unsettled }),
    };
  }
  const shown = step.places.map((p) => (p === '' ? '/' : p));
  return { ...judged, [step.by]: [...new Set([...(judged[step.by] ?? []), ...shown])] };
}

/** The maskings of a run, by case id, and what each observation reads as under them. */
export interface Masking {
  /** By case id: the maskings laid over its observation, in order. */
  readonly steps: ReadonlyMap<string, readonly MaskStep[]>;
  /** `observation` judged again under its maskings (itself when it has none). */
  of(observation: Observation): Observation;
}

/**
 * The maskings `steps`, with the run's redactor `redact` (the texts of a
 * result judged again go through it; by default one that knows no secret:
 * the values an observation holds are redacted already). Each observation is
 * judged again once.
 */
export function maskingOf(
  steps: ReadonlyMap<string, readonly MaskStep[]>,
  redact: Redactor = createRedactor({ headerNames: [], secrets: new Map() }),
): Masking {
  const judged = new WeakMap<Observation, Observation>();
  return {
    steps,
    of(observation) {
      const own = steps.get(observation.caseId);
      if (own === undefined || own.length === 0) return observation;
      let result = judged.get(observation);
      if (result === undefined) {
        result = own.reduce((current, step) => judgedUnderStep(current, step, redact), observation);
        judged.set(observation, result);
      }
      return result;
    },
  };
}

/** No masking: every observation reads as observed. */
export const NO_MASKING: Masking = maskingOf(new Map());

/** `masking` with `step` laid over the observation of `caseId` after its others. */
export function withMaskStep(
  masking: ReadonlyMap<string, readonly MaskStep[]>,
  caseId: string,
  step: MaskStep,
): Map<string, readonly MaskStep[]> {
  const out = new Map(masking);
  out.set(caseId, [...(masking.get(caseId) ?? []), step]);
  return out;
}
