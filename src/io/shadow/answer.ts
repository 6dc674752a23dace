/**
 * The baseline's answer as the inline proxy streamed it to the client,
 * gathered on the side (capped like any answer the client of a run reads)
 * and decoded as the run's client decodes one, so both sides are judged
 * alike.
 */

import type { SideOutcome } from '../../contract/model/exchange.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import { CappedBody, flattenHeaders, toResponseBody } from '../http/receive.js';

export interface AnswerTee {
  push(chunk: Buffer): void;
  /** The answer, once its body has ended. */
  end(durationMs: number): SideOutcome;
}

/** Gathers an answer of `status` and `headers` (as node:http parsed them). */
export function teeAnswer(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  options: { readonly bodyCapBytes: number; readonly bodyBudget?: NodeBudget | undefined },
): AnswerTee {
  const body = new CappedBody(options.bodyCapBytes);
  const flat = flattenHeaders(headers);
  return {
    push: (chunk) => body.push(chunk),
    end(durationMs) {
      const encoding = (flat['content-encoding'] ?? '').trim().toLowerCase();
      const decoded = toResponseBody(
        body,
        encoding,
        flat['content-type'],
        options.bodyCapBytes,
        options.bodyBudget,
      );
      return {
        outcome: 'response',
        response: { status, headers: flat, body: decoded, wireBytes: body.size, durationMs },
      };
    },
  };
}
