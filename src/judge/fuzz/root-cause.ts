/**
 * What a fuzz finding is, for de-duplication and shrinking: the root causes of
 * a result. The fuzzer asks only `rootCausesOf`; everything it keys, groups
 * or shrinks on comes from here.
 *
 * The root causes are the result's findings (`core/compare/findings.ts`: a status
 * transition per endpoint, a recognised pattern at a field, a body-kind
 * change, a residual structural change per endpoint, a header), keyed by
 * their fingerprint — exactly the string of their tracker row — with one
 * change: a cause that names an endpoint names the seed's (`/records/:id`),
 * never the mutated path's (`/records/+1`), so one rule is one root cause.
 * A side that failed in transport while the other answered is a run error
 * for `parity run` (never a tracker row) but a finding for the fuzzer (a
 * server that drops the connection on some input): it is a root cause of its
 * own, per endpoint. Pure.
 */

import type { Observation, SideSummary } from '../../contract/observation.js';
import type { RootCause as Cause, Finding } from '../../contract/root-cause.js';
import type { CauseType, PatternName } from '../../contract/vocabulary.js';
import { explainingCode } from '../../core/compare/explaining.js';
import { causeFingerprint } from '../../core/compare/root-cause.js';
import { hasFindings } from '../results/types.js';

/** How the summary groups root causes (closed vocabulary). */
export const FUZZ_GROUPS = [
  'crash',
  'input-acceptance',
  'status-mapping',
  'server-error',
  'error-envelope',
  'response-body',
  'headers',
] as const;

export type FuzzGroup = (typeof FUZZ_GROUPS)[number];

export const GROUP_TITLES: Record<FuzzGroup, string> = {
  crash: 'crashes: a side stops answering after one input',
  'input-acceptance': 'input acceptance: one side accepts what the other rejects',
  'status-mapping': 'status mapping: both reject (or both accept) with different status codes',
  'server-error': 'server errors: a 5xx or no answer on one side',
  'error-envelope': 'error envelope: the same error status, a different error body',
  'response-body': 'response body: the same status, a different body',
  headers: 'headers: a response header differs',
};

/** What one side did: its status, or its transport error code. */
export type SideOutcomeLabel = number | string;

/**
 * What a fuzz cause is about: a root cause's family (`causePrefix`: a
 * pattern's name, or `status`, `header`, `body-kind`, `structure`), a
 * one-sided transport failure, or a side that stops answering.
 */
export type FuzzFamily =
  | PatternName
  | Exclude<CauseType, 'pattern'>
  | 'transport'
  | 'stops-answering';

/**
 * A root cause as fuzzing dedups and shrinks by: the run's own record of it
 * (`finding`, the contract's `Finding`) keyed on the seed's endpoint, with
 * the two answers and the summary group; or a transport failure or a side
 * that stops answering, which `parity run` never records as a finding.
 */
export interface FuzzCause {
  /** Identity: equal keys are the same root cause (a finding's fingerprint, or `transport-…`). */
  readonly key: string;
  /**
   * The finding as `parity run` makes it for this very request (its tracker
   * row's fingerprint): absent for a transport failure and a side that stops answering.
   */
  readonly finding?: Finding;
  /** Names the case file. */
  readonly type: FuzzFamily;
  readonly group: FuzzGroup;
  /** The seed's endpoint (`POST /v1/validate`). */
  readonly endpoint: string;
  readonly baseline: SideOutcomeLabel;
  readonly candidate: SideOutcomeLabel;
  /** One line: the finding's summary, or the transport failure. */
  readonly title: string;
}

const label = (side: SideSummary): SideOutcomeLabel =>
  side.status ?? side.error?.code ?? 'no answer';

const accepts = (status: number) => status < 400;

/** A cause keyed on `endpoint` instead of the path the input was sent to. */
function onEndpoint(cause: Cause, endpoint: string): Cause {
  return cause.type === 'status' || cause.type === 'structure' ? { ...cause, endpoint } : cause;
}

function groupOf(cause: Cause, baseline: number, candidate: number): FuzzGroup {
  if (baseline >= 500 || candidate >= 500) return 'server-error';
  switch (cause.type) {
    case 'status':
      return accepts(baseline) !== accepts(candidate) ? 'input-acceptance' : 'status-mapping';
    case 'header':
      return 'headers';
    case 'pattern':
    case 'body-kind':
    case 'structure':
      return baseline >= 400 ? 'error-envelope' : 'response-body';
    default: {
      const never: never = cause;
      throw new Error(`unknown cause ${String(never)}`);
    }
  }
}

/** The one-sided transport failure of an error result, as a root cause (none when both failed). */
function transportCause(result: Observation, endpoint: string): FuzzCause[] {
  const baseline = label(result.baseline);
  const candidate = label(result.candidate);
  const failed = [result.baseline.error, result.candidate.error].filter((e) => e !== undefined);
  if (failed.length !== 1) return [];
  const key = `transport-${JSON.stringify([endpoint, baseline, candidate])}`;
  const title = `${typeof baseline === 'string' ? 'the baseline' : 'the candidate'} failed in transport`;
  return [
    {
      key,
      type: 'transport',
      group: 'server-error',
      endpoint,
      baseline,
      candidate,
      title,
    },
  ];
}

/** The root causes of one result, keyed on `endpoint` (the seed's); none when it is equal. */
export function rootCausesOf(result: Observation, endpoint: string): FuzzCause[] {
  if (result.verdict === 'error') return transportCause(result, endpoint);
  if (!hasFindings(result)) return [];
  const baseline = result.baseline.status ?? 0;
  const candidate = result.candidate.status ?? 0;
  return result.findings.map((finding) => {
    const cause = onEndpoint(finding.cause, endpoint);
    return {
      key: causeFingerprint(cause),
      finding,
      type: cause.type === 'pattern' ? cause.pattern : cause.type,
      group: groupOf(cause, baseline, candidate),
      endpoint,
      baseline,
      candidate,
      title: explainingCode().causeSummary(cause),
    };
  });
}
