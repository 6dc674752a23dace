/**
 * The run's noise step: applies configured endpoint noise to each case before
 * it is sent and, plugged into the judge stage (`judge/stage.ts`, a
 * `NoisePlug`), learns per-case noise from the replica response and judges
 * with it masked; at the end, decides endpoint-level noise (`finish.ts`).
 * Pure apart from its own tally.
 */

import type { Case } from '../../contract/model/case.js';
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import type { NoiseEntry } from '../../contract/report.js';
import type { Rules } from '../../contract/rules/types.js';
import { VOLATILE_HEADERS } from '../../contract/rules/volatile-headers.js';
import { findingsOnlyIn } from '../../core/compare/covered.js';
import type { JudgedCase } from '../../core/compare/divergent.js';
import { endpointOf, requestEndpoint } from '../../core/compare/endpoint.js';
import { type Judgement, judge, judgeComparison, judgedCase } from '../../core/compare/judge.js';
import { normaliseJson } from '../../core/normalise/body.js';
import type { EndpointNoise, NoiseSettings } from '../../io/config/noise-settings.js';
import { type Judged, judgeExchange, type NoiseAnnotation, type NoisePlug } from '../stage.js';
import { learnCase, withSorts } from './learn.js';
import { maskComparison, maskOf, rawSkeleton } from './mask.js';
import { settledByReplica } from './replica-evidence.js';
import { shuffledArrays } from './shuffle.js';
import { createNoiseTally } from './stats.js';
import type { NoiseFinding } from './types.js';

export interface NoiseStep extends NoisePlug {
  /** The case with its endpoint's configured noise applied to its rules. */
  prepare(testCase: Case): Case;
  /** `exchange` through the judge stage with this step plugged in. */
  judge(exchange: Exchange): Judged;
  /** Endpoint-level entries (empty unless noise learning is on). */
  entries(): NoiseEntry[];
  /** Ids of the cases whose two baseline responses differed in structure. */
  flakyBaselines(): string[];
  /** Per case id, arrays whose candidate differs from the baseline by order only. */
  orderOnly(): ReadonlyMap<string, readonly string[]>;
}

/** Extend rules with one endpoint's configured noise. */
export function withEndpointNoise(rules: Rules, noise: EndpointNoise): Rules {
  const volatile =
    noise.volatileHeaders === false
      ? []
      : [...new Set([...(rules.volatileHeaders ?? VOLATILE_HEADERS), ...noise.volatileHeaders])];
  return {
    ...rules,
    ignore: [...rules.ignore, ...noise.ignore],
    sortArrays: [...rules.sortArrays, ...noise.sortArrays],
    volatileHeaders: volatile,
  };
}

/** `header:etag` for headers, the pointer pattern otherwise (as results list them). */
export function findingLabel(finding: NoiseFinding): string {
  return finding.kind === 'header' ? `header:${finding.pattern}` : finding.pattern;
}

interface StepState {
  readonly tally: ReturnType<typeof createNoiseTally>;
  readonly flaky: string[];
  /** Per case id: arrays whose candidate holds the baseline's elements in another order. */
  readonly orderOnly: Map<string, readonly string[]>;
}

export function createNoiseStep(settings: NoiseSettings): NoiseStep {
  const state: StepState = { tally: createNoiseTally(), flaky: [], orderOnly: new Map() };
  const step: NoiseStep = {
    prepare(testCase) {
      if (settings.endpoints.size === 0) return testCase;
      // An RPC operation's own noise, else its path's (noise written before endpoints named operations).
      const { request } = testCase;
      const noise =
        settings.endpoints.get(requestEndpoint(request)) ??
        settings.endpoints.get(endpointOf(request.method, request.path));
      return noise === undefined
        ? testCase
        : { ...testCase, rules: withEndpointNoise(testCase.rules, noise) };
    },
    judge: (raw) => judgeExchange(raw, step),
    judgeWithReplica: (exchange, replica) =>
      settings.enabled ? learnAndJudge(exchange, replica, state) : undefined,
    entries: () => state.tally.entries(settings.thresholds),
    flakyBaselines: () => [...state.flaky],
    orderOnly: () => state.orderOnly,
  };
  return step;
}

function learnAndJudge(answered: Exchange, replica: SideOutcome, state: StepState): Judged {
  // Id-like values the replica answered again as the baseline did are real: no longer unsettled.
  const exchange = settledByReplica(answered, replica);
  const { rules, id } = exchange.case;
  const learned = learnCase(rules, exchange.baseline, replica);
  const sorts = learned.findings
    .filter((f) => f.kind === 'order')
    .map((f) => ({ path: f.pattern, by: f.by }));
  const sorted = { ...exchange, case: { ...exchange.case, rules: withSorts(rules, sorts) } };
  const judged = judge(sorted);
  const { comparison } = judged;
  const endpoint = requestEndpoint(exchange.case.request);
  if (learned.flaky !== undefined) state.flaky.push(id);
  const orders = learned.findings.filter((f) => f.kind === 'order').map(findingLabel);
  const annotation: NoiseAnnotation = {
    ...(learned.findings.length > 0 ? { noise: learned.findings.map(findingLabel) } : {}),
    ...(orders.length > 0 ? { orderNoise: orders } : {}),
    ...(learned.flaky === undefined ? {} : { flakyBaseline: learned.flaky }),
  };
  if (comparison === undefined) {
    state.tally.record({ endpoint, findings: learned.findings });
    return { exchange: sorted, judgement: judged, annotation };
  }
  const raw = rawSkeleton(comparison, learned.containers);
  if (comparison.body.length > 0) {
    const reordered = orderOnlyArrays(sorted, learned.containers);
    for (const path of reordered) raw.add(`order ${path}`);
    if (reordered.length > 0) state.orderOnly.set(id, reordered);
  }
  state.tally.record({ endpoint, findings: learned.findings, raw });
  const masked = maskComparison(comparison, maskOf(learned.findings));
  const judgement = judgeMasked(judgedCase(sorted.case, sorted.reordered), judged, masked);
  // What learned noise hides (judged again with none, no order sorted, nothing masked): covered rows.
  const covered = learned.findings.length === 0 ? [] : findingsOnlyIn(judge(exchange), judgement);
  return {
    exchange: sorted,
    judgement,
    annotation,
    ...(covered.length === 0 ? {} : { covered }),
  };
}

/**
 * Arrays (skeleton paths) whose candidate elements are the baseline's in another
 * order: if the endpoint's order turns out to be noise, their changes are only order.
 */
function orderOnlyArrays(exchange: Exchange, containers: ReadonlySet<string>): string[] {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return [];
  const a = baseline.response.body;
  const b = candidate.response.body;
  if (a.kind !== 'json' || b.kind !== 'json') return [];
  const { rules } = exchange.case;
  return shuffledArrays(normaliseJson(a.value, rules), normaliseJson(b.value, rules), containers);
}

function judgeMasked(
  subject: JudgedCase,
  judged: Judgement,
  masked: NonNullable<Judgement['comparison']>,
): Judgement {
  const comparison = judged.comparison;
  if (comparison === undefined) return judged;
  const unchanged =
    masked.body.length === comparison.body.length &&
    masked.headers.length === comparison.headers.length;
  return unchanged ? judged : judgeComparison(subject, masked);
}
