/**
 * A read that raced its own side's change of state. In a flow or a serial
 * sequence the library waits for each answer before it sends the next
 * request, but a server may answer a write before the write has taken
 * effect everywhere (a deploy answered before the flows it deployed have
 * started, a file saved under a temporary name and renamed after the
 * answer): a read sent right after may meet the state before the write on
 * one side and after it on the other, and the difference is a moment, not
 * the servers'.
 *
 * The evidence is a second request: a read (`GET`, `HEAD`, `OPTIONS`) of a
 * flow or serial sequence whose two answers differ (`mayHaveRaced`) is sent
 * once more to each side, right away, before the sequence goes on (the
 * second look, `engine/run/second-look.ts`). Where the second answers agree
 * (`answersAgree`: one status, the same body under the case's rules, once
 * every mask ran) and the first did not, the read is judged on the second
 * answers, and the result says which side's answer changed (`racedWords`):
 * a state both sides reach, met a moment apart. Where they still differ,
 * the first answers are judged as before. A write is never sent again, so a
 * write that raced (a button pressed before its node started) shows as it
 * is. Pure.
 */
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import { jsonEqual } from '../wire/json-equal.js';
import { normaliseJson } from './body.js';

/** The methods a second request may be sent for: they change nothing on the server. */
const READS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A body as compared: a JSON value under the case's rules, an XML tree, a text, bytes by digest. */
function bodyEqual(b: ResponseBody, c: ResponseBody, exchange: Exchange): boolean {
  if (b.kind !== c.kind) return false;
  switch (b.kind) {
    case 'empty':
      return true;
    case 'json': {
      const { rules } = exchange.case;
      return jsonEqual(normaliseJson(b.value, rules), normaliseJson((c as typeof b).value, rules));
    }
    case 'xml':
    case 'bencode':
      return jsonEqual(b.value, (c as typeof b).value);
    case 'text':
    case 'invalid-json':
    case 'invalid-xml':
      return b.text === (c as typeof b).text;
    default:
      return 'sha256' in b && 'sha256' in c && b.sha256 === c.sha256;
  }
}

/** Both sides answered, with one status and bodies equal as compared (headers aside). */
export function answersAgree(exchange: Exchange): boolean {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return false;
  if (baseline.response.status !== candidate.response.status) return false;
  return bodyEqual(baseline.response.body, candidate.response.body, exchange);
}

/** A read of a flow or serial sequence whose two answers (masked as the run masks them) differ. */
export function mayHaveRaced(exchange: Exchange): boolean {
  const { flow, serial, request } = exchange.case;
  if (!READS.has(request.method) || (flow === undefined && serial === undefined)) return false;
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return false;
  return !answersAgree(exchange);
}

/** A side's answer in a few words: its status. */
function shortly(side: SideOutcome): string {
  return side.outcome === 'response' ? String(side.response.status) : 'no answer';
}

/**
 * Which side's answer changed between the two requests, in words (`the
 * candidate answered 404, then 200 as the baseline did`), for the result's
 * `raced`; `first` and `second` are the exchange's two looks, masked alike.
 */
export function racedWords(first: Exchange, second: Exchange): string[] {
  const out: string[] = [];
  for (const side of ['baseline', 'candidate'] as const) {
    const other = side === 'baseline' ? 'candidate' : 'baseline';
    const was = first[side];
    const now = second[side];
    const same =
      was.outcome === 'response' &&
      now.outcome === 'response' &&
      was.response.status === now.response.status &&
      bodyEqual(was.response.body, now.response.body, first);
    if (same) continue;
    const [a, b] = [shortly(was), shortly(now)];
    out.push(
      a === b
        ? `the ${side} answered ${a} with another body first, then the ${other}'s`
        : `the ${side} answered ${a} first, then ${b} as the ${other} did`,
    );
  }
  return out;
}
