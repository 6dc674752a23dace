/**
 * Exchange → verdict, comparison, divergence and findings: the compare stage
 * in one call.
 */

import type { Case } from '../../contract/model/case.js';
import type { Comparison, Divergence } from '../../contract/model/comparison.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { ALWAYS_REDACTED } from '../redact/redact.js';
import { awaitingListsOf } from './awaiting-lists.js';
import { classify } from './classify.js';
import { compare } from './comparison.js';
import type { DivergentJudgement, JudgedCase } from './divergent.js';
import { requestEndpoint } from './endpoint.js';
import { explainingCode } from './explaining.js';
import { fingerprint } from './fingerprint.js';
import { sentValues } from './sent-values.js';

/** The outcome of judging one exchange: a union by verdict. */
export type Judgement =
  | { readonly verdict: 'equal'; readonly comparison: Comparison }
  | DivergentJudgement
  /** A side failed in transport: nothing could be compared. A run error, never a decision. */
  | { readonly verdict: 'error'; readonly comparison: undefined; readonly divergence: Divergence };

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
      divergence: explainingCode().transportDivergence(input, { fingerprint: fingerprint(input) }),
    };
  }
  // What the judge needs of the case is built only for a divergence (most cases are equal).
  const kinds = classify(comparison);
  if (kinds.length === 0) return { verdict: 'equal', comparison };
  return explainingCode().divergent(
    judgedCase(exchange.case, exchange.reordered),
    comparison,
    kinds,
  );
}

/** The headers every case redacts: one set for the cases that name no other (most). */
const ALWAYS: ReadonlySet<string> = new Set(ALWAYS_REDACTED);
const alwaysSecret = (name: string): boolean => ALWAYS.has(name);

/**
 * What `judgeComparison` needs of a case; `reordered`: the exchange's lists
 * awaiting evidence for their order (`Exchange.reordered`), one finding each.
 */
export function judgedCase(c: Case, reordered?: readonly string[]): JudgedCase {
  const { redactHeaders } = c.rules;
  const secret =
    redactHeaders.length === 0 ? undefined : new Set([...ALWAYS_REDACTED, ...redactHeaders]);
  return {
    caseId: c.id,
    endpoint: requestEndpoint(c.request),
    requestPath: c.request.path,
    queryNames: c.request.query.map(([name]) => name),
    sentValues: sentValues(c.request),
    ...awaitingListsOf(reordered),
    isSecretHeader: secret === undefined ? alwaysSecret : (name) => secret.has(name),
  };
}

/** The judgement of one comparison (both sides answered), e.g. after learned noise was masked. */
export function judgeComparison(subject: JudgedCase, comparison: Comparison): Judgement {
  const kinds = classify(comparison);
  if (kinds.length === 0) return { verdict: 'equal', comparison };
  return explainingCode().divergent(subject, comparison, kinds);
}
