/**
 * Two answers alike where the run compares them: the same status, the same
 * value for every header the case compares, and one body (two answers of the
 * same bytes are decoded once, `io/http/receive.ts` `decodeShared`, so the
 * two sides hold one object) or two empty ones; a plain case (no flow, no
 * serial sequence), no second look and no replica; and nothing of it masked
 * on one side only as it was first read (its own address, a run stamp).
 *
 * Every per-instance normaliser changes only what differs between the two
 * sides or what a flow or sequence taught it (`references.ts`,
 * `sequence-ids.ts`, `drawn-order.ts`, `own-key-order.ts`, `derived.ts`,
 * `generated.ts`, `changed.ts`), and the memories that learn after them
 * (`same-pairs.ts`, `derived-etags.ts`, `drawn-order.ts`) learn only from
 * such a difference: an answer alike passes each unchanged and teaches none
 * of them anything, so the run skips them for it (`engine/run/run-intake.ts`).
 * The memories that learn from every answer (`own-identity.ts`, the runtime
 * and side watches) still read it. Pure.
 */
import type { Exchange, Response } from '../../contract/model/exchange.js';
import type { Rules } from '../../contract/rules/types.js';
import { isComparedHeader } from './headers.js';
import { sequenceKeyOf } from './sequence-walk.js';

/** Every header `rules` compares holds one value on both sides (or is absent from both). */
function sameComparedHeaders(b: Response, c: Response, rules: Rules): boolean {
  for (const name in b.headers) {
    if (b.headers[name] !== c.headers[name] && isComparedHeader(name, rules)) return false;
  }
  for (const name in c.headers) {
    if (b.headers[name] === undefined && isComparedHeader(name, rules)) return false;
  }
  return true;
}

/** Whether the run's normalisers have nothing to do for `exchange` (see the module comment). */
export function answeredAlike(exchange: Exchange): boolean {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return false;
  if (exchange.origin !== undefined || exchange.stamped !== undefined) return false;
  if (exchange.flow !== undefined || exchange.secondLook !== undefined) return false;
  if (exchange.replica !== undefined || sequenceKeyOf(exchange) !== undefined) return false;
  const b = baseline.response;
  const c = candidate.response;
  if (b.status !== c.status) return false;
  if (b.body !== c.body && (b.body.kind !== 'empty' || c.body.kind !== 'empty')) return false;
  return sameComparedHeaders(b, c, exchange.case.rules);
}
