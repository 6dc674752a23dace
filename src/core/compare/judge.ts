/**
 * Exchange → verdict, comparison, divergence and findings: the compare stage
 * in one call.
 */

import type { Case } from '../../contract/model/case.js';
import type { Comparison, Divergence } from '../../contract/model/comparison.js';
import type { Exchange } from '../../contract/model/exchange.js';
import type { Finding } from '../../contract/root-cause.js';
import { ALWAYS_REDACTED } from '../redact/redact.js';
import { classify } from './classify.js';
import { compare } from './comparison.js';
import { endpointOf } from './endpoint.js';
import { explain } from './explain.js';
import { findingsOf } from './findings.js';
import { fingerprint } from './fingerprint.js';
import type { DivergenceInput } from './input.js';
import { type Recognition, recognisePatterns } from './patterns/registry.js';
import { patternOf } from './patterns/title.js';

/** The outcome of judging one exchange: a union by verdict. */
export type Judgement =
  | { readonly verdict: 'equal'; readonly comparison: Comparison }
  | {
      readonly verdict: 'divergent';
      readonly comparison: Comparison;
      readonly divergence: Divergence;
      /** The root causes of the divergence, one finding each (never empty). */
      readonly findings: readonly Finding[];
    }
  /** A side failed in transport: nothing could be compared. A run error, never a decision. */
  | { readonly verdict: 'error'; readonly comparison: undefined; readonly divergence: Divergence };

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

/**
 * Judge one exchange: a side failing in transport is an `error` (with a
 * transport divergence, so it can be explained); otherwise `equal` when
 * nothing differs after normalisation, else `divergent` with kinds,
 * findings, fingerprint and explanation.
 */
export function judge(exchange: Exchange): Judgement {
  const caseId = exchange.case.id;
  const comparison = compare(exchange);
  if (comparison === undefined) {
    const input = { kind: 'transport', caseId, ...exchange } as const;
    return {
      verdict: 'error',
      comparison: undefined,
      divergence: divergenceOf(input, { fingerprint: fingerprint(input) }),
    };
  }
  // What the judge needs of the case is built only for a divergence (most cases are equal).
  const kinds = classify(comparison);
  if (kinds.length === 0) return { verdict: 'equal', comparison };
  return divergent(judgedCase(exchange.case), comparison, kinds);
}

/** The headers every case redacts: one set for the cases that name no other (most). */
const ALWAYS: ReadonlySet<string> = new Set(ALWAYS_REDACTED);
const alwaysSecret = (name: string): boolean => ALWAYS.has(name);

/** What `judgeComparison` needs of a case. */
export function judgedCase(c: Case): JudgedCase {
  const { redactHeaders } = c.rules;
  const secret =
    redactHeaders.length === 0 ? undefined : new Set([...ALWAYS_REDACTED, ...redactHeaders]);
  return {
    caseId: c.id,
    endpoint: endpointOf(c.request.method, c.request.path),
    requestPath: c.request.path,
    queryNames: c.request.query.map(([name]) => name),
    isSecretHeader: secret === undefined ? alwaysSecret : (name) => secret.has(name),
  };
}

/** The judgement of one comparison (both sides answered), e.g. after learned noise was masked. */
export function judgeComparison(subject: JudgedCase, comparison: Comparison): Judgement {
  const kinds = classify(comparison);
  if (kinds.length === 0) return { verdict: 'equal', comparison };
  return divergent(subject, comparison, kinds);
}

function divergent(
  subject: JudgedCase,
  comparison: Comparison,
  kinds: ReturnType<typeof classify>,
): Judgement {
  // Findings, the explanation and the divergence's pattern all read the same recognition.
  const recognition = recognisePatterns(comparison.body);
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
