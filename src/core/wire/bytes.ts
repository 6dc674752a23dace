/**
 * Bodies known only by their bytes (binary, or past the body cap) as people
 * read them: size, sha256 and the first bytes in hex, never a JSON object of
 * hashes. Pure.
 */

/** First bytes kept of a body known by its hash (hex, space-separated when shown). */
export const HEAD_BYTES = 16;

/** What the comparison knows of a body it compares by its bytes. */
export interface BytesSummary {
  readonly kind: 'binary' | 'truncated' | 'too-complex';
  readonly size: number;
  /** Hex sha256 of all the bytes. */
  readonly sha256: string;
  /** Hex of the first {@link HEAD_BYTES} bytes (fewer for a shorter body). */
  readonly head?: string;
  /** A too-complex body: the limit it went past, in words (`nested deeper than 256 levels`). */
  readonly tooComplex?: string;
  /** A binary body whose content coding could not be undone: why. */
  readonly undecoded?: string;
}

/** The limit a too-complex body went past, in words: `nested deeper than 256 levels`. */
export function tooComplexWords(body: {
  readonly limit: 'nodes' | 'depth';
  readonly budget: number;
}): string {
  return body.limit === 'depth'
    ? `nested deeper than ${body.budget} levels`
    : `more than ${body.budget} values`;
}

/** Hex of the first {@link HEAD_BYTES} bytes. */
export function headHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, HEAD_BYTES)).toString('hex');
}

export function isBytesSummary(value: unknown): value is BytesSummary {
  if (typeof value !== 'object' || value === null) return false;
  const kind = 'kind' in value ? value.kind : undefined;
  return (
    (kind === 'binary' || kind === 'truncated' || kind === 'too-complex') &&
    'size' in value &&
    typeof value.size === 'number' &&
    'sha256' in value &&
    typeof value.sha256 === 'string'
  );
}

/** `89 50 4e 47 …`: the head as spaced hex, with `…` when the body is longer. */
function spaced(summary: BytesSummary): string {
  const head = summary.head ?? '';
  const pairs = head.match(/../g) ?? [];
  return `${pairs.join(' ')}${summary.size > pairs.length ? ' …' : ''}`;
}

/** `10 bytes`, `1,234,567 bytes`. */
function bytes(size: number): string {
  return `${size.toLocaleString('en-US')} byte${size === 1 ? '' : 's'}`;
}

/**
 * One line: `binary, 10 bytes, sha256 1f2e…, starts 89 50 4e 47 …`; a body
 * past the cap says so (`truncated at the body cap, …`).
 */
export function bytesText(summary: BytesSummary): string {
  const what =
    summary.kind === 'binary'
      ? summary.undecoded === undefined
        ? 'binary'
        : `binary: ${summary.undecoded}`
      : summary.kind === 'truncated'
        ? 'over the body cap (compared by hash)'
        : `too complex to compare as a tree (${summary.tooComplex ?? 'past the node budget'}; compared by hash)`;
  const start =
    summary.head === undefined || summary.head === '' ? '' : `, starts ${spaced(summary)}`;
  return `${what}, ${bytes(summary.size)}, sha256 ${summary.sha256}${start}`;
}

/** A short form for sentences: `10 bytes (sha256 1f2e3d4c…, starts 89 50 4e 47 …)`. */
export function bytesBrief(summary: BytesSummary): string {
  const start =
    summary.head === undefined || summary.head === '' ? '' : `, starts ${spaced(summary)}`;
  const limit = summary.tooComplex === undefined ? '' : `, too complex: ${summary.tooComplex}`;
  const why = summary.undecoded === undefined ? '' : `, ${summary.undecoded}`;
  return `${bytes(summary.size)} (sha256 ${summary.sha256.slice(0, 12)}…${start}${limit}${why})`;
}
