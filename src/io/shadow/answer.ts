/**
 * The baseline's answer as the inline proxy streamed it to the client,
 * gathered on the side (capped like any answer the client of a run reads)
 * and handed over as plain data (`RawAnswer`: its bytes, which a worker
 * thread can take as they are), then decoded as the run's client decodes one
 * (`decodeAnswer`), so both sides are judged alike.
 */

import type { ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import { CappedBody, flattenHeaders, toResponseBody } from '../http/receive.js';

/** An answer as gathered, not yet decoded: plain data. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly durationMs: number;
  /** The body's bytes; or, past the cap, what is kept of it (its hash, size and head). */
  readonly body: { readonly bytes: Uint8Array } | { readonly over: ResponseBody };
}

export interface AnswerTee {
  push(chunk: Buffer): void;
  /** The answer, once its body has ended. */
  end(durationMs: number): RawAnswer;
}

export interface DecodeOptions {
  readonly bodyCapBytes: number;
  readonly bodyBudget?: NodeBudget | undefined;
}

/** Gathers an answer of `status` and `headers` (as node:http parsed them). */
export function teeAnswer(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  options: DecodeOptions,
): AnswerTee {
  const body = new CappedBody(options.bodyCapBytes);
  const flat = flattenHeaders(headers);
  return {
    push: (chunk) => body.push(chunk),
    end(durationMs) {
      const bytes = body.bytes();
      return {
        status,
        headers: flat,
        durationMs,
        body:
          bytes === undefined
            ? {
                over: {
                  kind: 'truncated',
                  sha256: body.sha256(),
                  size: body.size,
                  head: body.head(),
                },
              }
            : { bytes },
      };
    },
  };
}

/** The answer decoded as the run's client decodes one. */
export function decodeAnswer(raw: RawAnswer, options: DecodeOptions): SideOutcome {
  const { headers } = raw;
  let decoded: ResponseBody;
  let wireBytes: number;
  if ('over' in raw.body) {
    decoded = raw.body.over;
    wireBytes = 'size' in decoded ? decoded.size : 0;
  } else {
    const body = new CappedBody(options.bodyCapBytes);
    body.push(
      Buffer.from(raw.body.bytes.buffer, raw.body.bytes.byteOffset, raw.body.bytes.byteLength),
    );
    const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
    decoded = toResponseBody(
      body,
      encoding,
      headers['content-type'],
      options.bodyCapBytes,
      options.bodyBudget,
    );
    wireBytes = body.size;
  }
  return {
    outcome: 'response',
    response: { status: raw.status, headers, body: decoded, wireBytes, durationMs: raw.durationMs },
  };
}
