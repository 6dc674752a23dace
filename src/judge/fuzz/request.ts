/**
 * A fuzz input as a request, and the one bridge from it to the `Case` the
 * normal pipeline runs: the body is encoded to bytes first and sent in the
 * form a case file can hold exactly (`json:` when the bytes are what
 * `JSON.stringify` writes, `text:` when they are UTF-8, `base64:` otherwise),
 * so what the fuzzer sent is what a written case file replays. Pure.
 */
import type { Case, HttpMethod, Pairs, RequestBody } from '../../contract/model/case.js';
import { encodeDoc, type JsonDoc } from './doc.js';

export type FuzzBody =
  | { readonly kind: 'none' }
  /** A JSON document (possibly with raw bytes in it). */
  | { readonly kind: 'json'; readonly doc: JsonDoc }
  /** Bytes that are not a JSON document (a text seed, a truncated body). */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface FuzzRequest {
  readonly method: HttpMethod;
  /** The path as sent, without the query string. */
  readonly path: string;
  readonly query: Pairs;
  readonly headers: Pairs;
  readonly body: FuzzBody;
}

/** The bytes of a body (undefined when there is none). */
export function bodyBytes(body: FuzzBody): Buffer | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return encodeDoc(body.doc);
    case 'bytes':
      return Buffer.from(body.bytes);
    default: {
      const never: never = body;
      throw new Error(`unknown body ${String(never)}`);
    }
  }
}

const NO_BODY: RequestBody = Object.freeze({ kind: 'none' });

/** How exact bytes are best held by a case: JSON when they re-serialise the same, else text or bytes. */
export function requestBodyOf(bytes: Buffer | undefined): RequestBody {
  if (bytes === undefined) return NO_BODY;
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return { kind: 'bytes', bytes };
  try {
    const value: unknown = JSON.parse(text);
    if (JSON.stringify(value) === text) return { kind: 'json', value };
  } catch {
    // Not JSON: sent as text.
  }
  return { kind: 'text', text };
}

const NO_EXPECTATION: Case['expect'] = Object.freeze({ status: undefined });

/** The case the pipeline runs for `request`, derived from its seed (rules, suite, source). */
export function toCase(seed: Case, request: FuzzRequest, id: string): Case {
  return {
    ...seed,
    id,
    expect: NO_EXPECTATION,
    request: {
      method: request.method,
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: requestBodyOf(bodyBytes(request.body)),
    },
  };
}

/** A key identifying what goes on the wire, to skip sending the same request twice. */
export function requestKey(request: FuzzRequest): string {
  const body = bodyBytes(request.body);
  return JSON.stringify([
    request.method,
    request.path,
    request.query,
    request.headers,
    body === undefined ? null : body.toString('base64'),
  ]);
}
