/**
 * What a fuzz finding is, for de-duplication and shrinking: the root causes of
 * a divergent result. The fuzzer asks only `rootCausesOf`; everything it keys,
 * groups or shrinks on comes from here.
 *
 * A root cause is a status transition per endpoint, a one-sided transport
 * failure per endpoint, a recognised pattern at a field (the pattern's own
 * root-cause key: no case, no endpoint, no values), or the residual change no
 * pattern explains (per status, not per endpoint: a framework's error format
 * is one cause wherever it shows). The endpoint is the seed's (`/records/:id`),
 * never the mutated path's (`/records/+1`): one rule, one root cause. Keys
 * never hold a case id or a value. Pure.
 */
import { skeletonOf } from '../compare/fingerprint.js';
import type { CaseResult, DivergentResult, SideSummary } from '../results/types.js';

/** How the summary groups root causes (closed vocabulary). */
export const FUZZ_GROUPS = [
  'input-acceptance',
  'status-mapping',
  'server-error',
  'error-envelope',
  'response-body',
  'headers',
] as const;

export type FuzzGroup = (typeof FUZZ_GROUPS)[number];

export const GROUP_TITLES: Record<FuzzGroup, string> = {
  'input-acceptance': 'input acceptance: one side accepts what the other rejects',
  'status-mapping': 'status mapping: both reject (or both accept) with different status codes',
  'server-error': 'server errors: a 5xx or no answer on one side',
  'error-envelope': 'error envelope: the same error status, a different error body',
  'response-body': 'response body: the same status, a different body',
  headers: 'headers: the same status and body, a different header',
};

/** What one side did: its status, or its transport error code. */
export type SideOutcomeLabel = number | string;

export interface RootCause {
  /** Identity: equal keys are the same root cause. */
  readonly key: string;
  readonly group: FuzzGroup;
  /** The seed's endpoint (`POST /v1/validate`). */
  readonly endpoint: string;
  readonly baseline: SideOutcomeLabel;
  readonly candidate: SideOutcomeLabel;
  /** The recognised pattern's title, or the divergence's summary for a residual change. */
  readonly title: string;
}

const label = (side: SideSummary): SideOutcomeLabel =>
  side.status ?? side.error?.code ?? 'no answer';

const accepts = (status: number) => status < 400;

/** The group of a status transition. */
function statusGroup(baseline: number, candidate: number): FuzzGroup {
  if (baseline >= 500 || candidate >= 500) return 'server-error';
  return accepts(baseline) !== accepts(candidate) ? 'input-acceptance' : 'status-mapping';
}

/** The group of a divergence with one status on both sides. */
function sameStatusGroup(result: DivergentResult, status: number): FuzzGroup {
  if (status >= 500) return 'server-error';
  if (result.changes.length === 0 && result.headerChanges.length > 0) return 'headers';
  return status >= 400 ? 'error-envelope' : 'response-body';
}

/** The root causes of one result, keyed on `endpoint` (the seed's); none unless it diverged. */
export function rootCausesOf(result: CaseResult, endpoint: string): RootCause[] {
  if (result.verdict !== 'divergent') return [];
  const baseline = label(result.baseline);
  const candidate = label(result.candidate);
  const common = { endpoint, baseline, candidate };
  const b = result.baseline.status;
  const c = result.candidate.status;
  if (b === undefined || c === undefined) {
    const key = `transport|${endpoint}|${baseline}|${candidate}`;
    return [{ ...common, key, group: 'server-error', title: result.summary }];
  }
  if (b !== c) {
    // The bodies of two different statuses differ as a matter of course: one cause.
    return [
      {
        ...common,
        key: `status|${endpoint}|${b}|${c}`,
        group: statusGroup(b, c),
        title: result.summary,
      },
    ];
  }
  const group = sameStatusGroup(result, b);
  const causes: RootCause[] = (result.pattern?.matches ?? []).map((match) => ({
    ...common,
    key: `pattern|${match.key}`,
    group,
    title: match.title,
  }));
  if (result.pattern?.complete !== true) {
    const headers = result.headerChanges.map((h) => h.name).sort();
    // Not per endpoint: a router's 404 or a framework's error format is one cause everywhere.
    const residual = JSON.stringify([b, result.kinds, headers, skeletonOf(result.changes)]);
    causes.push({ ...common, key: `residual|${residual}`, group, title: result.summary });
  }
  return causes;
}
