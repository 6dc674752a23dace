/**
 * A divergence explained: its findings (one per root cause), its
 * explanation, its pattern and its fingerprint, for the judge
 * (`judge.ts`), which reaches this module through the run's lazy boundary
 * (`explaining.ts`): an exchange whose sides agree never needs it.
 */

import type { Comparison, Divergence } from '../../contract/model/comparison.js';
import type { Finding } from '../../contract/root-cause.js';
import type { DivergenceKind } from '../../contract/vocabulary.js';
import { splitByAwaitingLists } from './awaiting-lists.js';
import { explain } from './explain.js';
import { findingsOf } from './findings.js';
import { fingerprint } from './fingerprint.js';
import type { DivergenceInput } from './input.js';
import { type Recognition, recognisePatterns } from './patterns/registry.js';
import { patternOf } from './patterns/title.js';

/** A divergent exchange judged: both sides answered and differ after normalisation. */
export interface DivergentJudgement {
  readonly verdict: 'divergent';
  readonly comparison: Comparison;
  readonly divergence: Divergence;
  /** The root causes of the divergence, one finding each (never empty). */
  readonly findings: readonly Finding[];
}

/** What the judge knows of the case besides its exchange. */
export interface JudgedCase {
  readonly caseId: string;
  /** The endpoint template (`endpointOf`). */
  readonly endpoint: string;
  /** Response headers whose values must never be shown (see `findingsOf`). */
  readonly isSecretHeader?: (name: string) => boolean;
  /** The request's path as sent (a text body that echoes it is keyed without it: `text-bodies.ts`). */
  readonly requestPath?: string;
  /** The names of the request's query parameters (a list's elements are keyed by them: `findings.ts`). */
  readonly queryNames?: readonly string[];
  /** Lists (pointers) awaiting evidence for their order: one finding each (`awaiting-lists.ts`). */
  readonly awaitingLists?: readonly string[];
  /** The values the request sent: a refusal's reason is keyed without them (`sent-values.ts`). */
  readonly sentValues?: readonly string[];
}

/** The divergence of a side that failed in transport, its fingerprint given. */
export function transportDivergence(
  input: DivergenceInput & { readonly kind: 'transport' },
  fingerprinted: { readonly fingerprint: string },
): Divergence {
  return divergenceOf(input, fingerprinted);
}

/** `recognition`: the comparison's patterns, as `divergent` recognised them once. */
function divergenceOf(
  input: DivergenceInput,
  fingerprinted: { readonly fingerprint: string },
  recognition?: Recognition,
): Divergence {
  const { explanation, summary } = explain(input, recognition);
  const compared = input.kind === 'comparison';
  const pattern = compared
    ? patternOf(input.comparison, recognition ?? recognisePatterns(input.comparison.body))
    : undefined;
  return {
    kinds: compared ? input.kinds : ['transport'],
    fingerprint: fingerprinted.fingerprint,
    explanation,
    summary,
    changes: compared ? input.comparison.body : [],
    headerChanges: compared ? input.comparison.headers : [],
    ...(pattern === undefined ? {} : { pattern }),
  };
}

/** The judgement of a comparison whose `kinds` are not empty. */
export function divergent(
  subject: JudgedCase,
  comparison: Comparison,
  kinds: readonly DivergenceKind[],
): DivergentJudgement {
  // Findings, the explanation and the divergence's pattern all read the same recognition,
  // of the changes outside the lists awaiting evidence for their order (each one finding).
  const { outside } = splitByAwaitingLists(comparison.body, subject.awaitingLists ?? []);
  const recognition = recognisePatterns(outside);
  const findings = findingsOf({ ...subject, comparison, recognition });
  const { caseId } = subject;
  const input = { kind: 'comparison', caseId, comparison, kinds } as const;
  return {
    verdict: 'divergent',
    comparison,
    divergence: divergenceOf(
      input,
      { fingerprint: fingerprint({ kind: 'comparison', caseId, findings }) },
      recognition,
    ),
    findings,
  };
}
