/**
 * The baseline's answer as the inline proxy streamed it to the client,
 * gathered on the side (capped like any answer the client of a run reads)
 * and handed over as plain data (`RawAnswer`: its bytes, which a worker
 * thread can take as they are), then decoded as the run's client decodes one
 * (`decodeAnswer`), so both sides are judged alike.
 */

import type { ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import type { ByteBudget } from '../../util/byte-budget.js';
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
  /**
   * The answer, once its body has ended; `over-budget` when its bytes went
   * past the byte budget as they came (nothing of it kept, nothing counted).
   */
  end(durationMs: number): RawAnswer | 'over-budget';
  /** Gives back what it counted and keeps nothing more (the answer is not wanted). */
  abandon(): void;
}

/** The bytes a raw answer holds in the byte budget (the body's, when kept whole). */
export function rawBytes(raw: RawAnswer | undefined): number {
  return raw !== undefined && 'bytes' in raw.body ? raw.body.bytes.byteLength : 0;
}

/** `bytes` in a buffer of their own (a worker thread takes it as it is, no copy). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  return new Uint8Array(bytes);
}

export interface DecodeOptions {
  readonly bodyCapBytes: number;
  readonly bodyBudget?: NodeBudget | undefined;
}

/**
 * Gathers an answer of `status` and `headers` (as node:http parsed them),
 * each chunk it keeps counted in `budget`: past it, the answer is dropped
 * (`over-budget`). Past the body cap only its hash, size and head are kept,
 * and its bytes are given back.
 */
export function teeAnswer(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  options: DecodeOptions,
  budget: ByteBudget,
): AnswerTee {
  let body: CappedBody | undefined = new CappedBody(options.bodyCapBytes);
  let counted = 0;
  let over = false;
  const flat = flattenHeaders(headers);
  const abandon = (): void => {
    budget.give(counted);
    counted = 0;
    body = undefined;
  };
  return {
    push(chunk) {
      if (body === undefined) return;
      body.push(chunk);
      if (!body.keeps()) {
        // Past the cap: the bytes are hashed, not kept.
        budget.give(counted);
        counted = 0;
      } else if (budget.take(chunk.byteLength)) counted += chunk.byteLength;
      else {
        over = true;
        abandon();
      }
    },
    end(durationMs) {
      if (over || body === undefined) return 'over-budget';
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
            : { bytes: ownBytes(bytes) },
      };
    },
    abandon,
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
