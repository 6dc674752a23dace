/**
 * From the bytes a response delivered to a `ResponseBody`: the body cap,
 * content decoding (gzip, deflate, br) and header flattening. Pure.
 */
import { createHash, type Hash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ResponseBody } from '../../contract/model/exchange.js';
import type { NodeBudget } from '../../core/wire/budget.js';
import { HEAD_BYTES, headHex } from '../../core/wire/bytes.js';
import { decodeBody } from './decode-body.js';

/**
 * Collects a body's chunks up to `cap` bytes; past the cap it stops keeping
 * bytes and keeps hashing, so memory stays bounded whatever the server sends.
 */
export class CappedBody {
  private readonly chunks: Buffer[] = [];
  private hash: Hash | undefined;
  size = 0;
  /** Hex of the first bytes, kept when the body goes past the cap (see `core/wire/bytes.ts`). */
  private first = '';

  constructor(private readonly cap: number) {}

  /** Hex of the body's first bytes. */
  head(): string {
    const bytes = this.bytes();
    return bytes === undefined ? this.first : headHex(bytes);
  }

  push(chunk: Buffer): void {
    this.size += chunk.byteLength;
    if (this.hash === undefined && this.size <= this.cap) {
      this.chunks.push(chunk);
      return;
    }
    if (this.hash === undefined) {
      // The bytes kept so far go to the hash: keep their head for people first.
      this.first = headHex(firstBytes(this.chunks));
      this.hash = createHash('sha256');
      for (const kept of this.chunks) this.hash.update(kept);
      this.chunks.length = 0;
    }
    if (this.first.length < 2 * HEAD_BYTES) {
      this.first = headHex(firstBytes([Buffer.from(this.first, 'hex'), chunk]));
    }
    this.hash.update(chunk);
  }

  /** True while the body keeps its bytes (it has not gone past the cap). */
  keeps(): boolean {
    return this.hash === undefined;
  }

  /** The whole body, or undefined when it went past the cap. */
  bytes(): Buffer | undefined {
    if (this.hash !== undefined) return undefined;
    return this.chunks.length === 1
      ? (this.chunks[0] as Buffer)
      : Buffer.concat(this.chunks, this.size);
  }

  /** Hex sha256 of the wire bytes (computed on demand: most bodies never need it). */
  sha256(): string {
    if (this.hash !== undefined) return this.hash.copy().digest('hex');
    return createHash('sha256')
      .update(this.bytes() ?? Buffer.alloc(0))
      .digest('hex');
  }
}

/** The first {@link HEAD_BYTES} bytes of a body held as chunks. */
function firstBytes(chunks: readonly Buffer[]): Buffer {
  const taken: Buffer[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (length >= HEAD_BYTES) break;
    const part = chunk.subarray(0, HEAD_BYTES - length);
    taken.push(part);
    length += part.byteLength;
  }
  return Buffer.concat(taken, length);
}

/**
 * The bytes with the content codings undone, last applied first (`gzip, br`
 * was gzipped, then brotli-compressed); undefined for a coding parity does
 * not know. Throws on a corrupt stream.
 */
function decompress(bytes: Uint8Array, encoding: string, cap: number): Uint8Array | undefined {
  // Most answers have no content coding: no list to split for them.
  if (encoding === '' || encoding === 'identity') return bytes;
  const codings = encoding.split(',').map((coding) => coding.trim());
  let out: Uint8Array | undefined = bytes;
  for (const coding of codings.reverse()) {
    out = out === undefined ? undefined : decompressOne(out, coding, cap);
  }
  return out;
}

/** Why a body could not be decoded: its content coding, and what went wrong. */
function undecodedReason(encoding: string, error: unknown): string {
  const unknown = encoding
    .split(',')
    .map((coding) => coding.trim())
    .find((coding) => !KNOWN_CODINGS.has(coding));
  if (unknown !== undefined)
    return `content-encoding ${JSON.stringify(unknown)} is not one parity decodes`;
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return `content-encoding ${JSON.stringify(encoding)} did not decode${detail}`;
}

const KNOWN_CODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br', '', 'identity']);

function decompressOne(bytes: Uint8Array, encoding: string, cap: number): Uint8Array | undefined {
  const options = { maxOutputLength: Math.max(cap, 1) };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes, options);
    case 'deflate':
      return inflateSync(bytes, options);
    case 'br':
      return brotliDecompressSync(bytes, options);
    case '':
    case 'identity':
      return bytes;
    default:
      return undefined;
  }
}

/**
 * The body's bytes after content decoding (gzip, deflate, br), or undefined
 * past the cap or when the encoding cannot be undone. For recordings only.
 */
export function contentBytes(
  raw: CappedBody,
  encoding: string,
  cap: number,
): Uint8Array | undefined {
  const bytes = raw.bytes();
  if (bytes === undefined) return undefined;
  try {
    return decompress(bytes, encoding, cap);
  } catch {
    return undefined;
  }
}

function truncated(raw: CappedBody): ResponseBody {
  return { kind: 'truncated', sha256: raw.sha256(), size: raw.size, head: raw.head() };
}

/** The decoded body: truncated past the cap, binary when the encoding cannot be undone. */
export function toResponseBody(
  raw: CappedBody,
  encoding: string,
  contentType: string | undefined,
  cap: number,
  budget?: NodeBudget,
): ResponseBody {
  const bytes = raw.bytes();
  if (bytes === undefined) return truncated(raw);
  let decoded: Uint8Array | undefined;
  let failure: unknown;
  try {
    decoded = decompress(bytes, encoding, cap);
  } catch (error) {
    const tooBig =
      error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    if (tooBig) return truncated(raw);
    decoded = undefined;
    failure = error;
  }
  // An encoding we cannot undo (or a corrupt stream): compare the wire bytes, saying why.
  if (decoded === undefined) {
    const undecoded = undecodedReason(encoding, failure);
    return { kind: 'binary', sha256: raw.sha256(), size: raw.size, head: raw.head(), undecoded };
  }
  return decodeBody(decoded, contentType, budget);
}

/**
 * Both sides of a case usually answer the same bytes. The side that finishes
 * first leaves its decoded body here; the other reuses it when its bytes,
 * content type and encoding are identical, so equal answers are parsed once.
 */
export interface DecodeShare {
  bytes?: Buffer;
  contentType?: string | undefined;
  encoding?: string;
  body?: ResponseBody;
}

/** `toResponseBody`, reusing the other side's decoded body when it can. */
export function decodeShared(
  raw: CappedBody,
  encoding: string,
  contentType: string | undefined,
  cap: number,
  share: DecodeShare | undefined,
  budget?: NodeBudget,
): ResponseBody {
  const bytes = raw.bytes();
  if (
    share?.body !== undefined &&
    bytes !== undefined &&
    share.bytes !== undefined &&
    share.contentType === contentType &&
    share.encoding === encoding &&
    share.bytes.equals(bytes)
  ) {
    return share.body;
  }
  const body = toResponseBody(raw, encoding, contentType, cap, budget);
  if (share !== undefined && share.body === undefined && bytes !== undefined) {
    share.bytes = bytes;
    share.contentType = contentType;
    share.encoding = encoding;
    share.body = body;
  }
  return body;
}

/** Lower-case names; repeated headers joined with `, ` (set-cookie with a newline). */
export function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  if (isFlat(headers)) return headers;
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    out[lower] = Array.isArray(value) ? value.join(lower === 'set-cookie' ? '\n' : ', ') : value;
  }
  return out;
}

/**
 * `flattenHeaders` of headers as undici parsed them, whose names are lower
 * case already: only a repeated header (an array) makes a copy, and no name
 * is lower-cased again on every answer.
 */
export function flattenParsed(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  return allStrings(headers) ? headers : flattenHeaders(headers);
}

function allStrings(
  headers: Record<string, string | string[] | undefined>,
): headers is Record<string, string> {
  for (const name in headers) if (typeof headers[name] !== 'string') return false;
  return true;
}

/** Already one lower-case name to one string (undici's usual output): no copy needed. */
function isFlat(
  headers: Record<string, string | string[] | undefined>,
): headers is Record<string, string> {
  for (const name in headers) {
    if (typeof headers[name] !== 'string' || name !== name.toLowerCase()) return false;
  }
  return true;
}
