/**
 * Reductions of a request: every request one step smaller than it, biggest
 * steps first — a header, a query pair, an object member or an array element
 * removed; a container emptied; a string, raw bytes (a raw string inside its
 * quotes too) or the bytes around the document shortened; a number made 0.
 * The shrinker keeps the first that still shows the same root cause (and
 * rule), until none does: the request is then minimal with respect to these
 * steps. Pure.
 */
import { type DocNode, editAt, type JsonDoc, nodesOf } from './doc.js';
import type { FuzzRequest } from './request.js';

const NONE: Uint8Array = new Uint8Array(0);

/** Shorter versions of a byte string: empty, then the first half, then all but the last byte. */
function shorter(bytes: Uint8Array): Uint8Array[] {
  if (bytes.length === 0) return [];
  const out: Uint8Array[] = [NONE];
  if (bytes.length > 2) out.push(bytes.subarray(0, Math.floor(bytes.length / 2)));
  if (bytes.length > 1) out.push(bytes.subarray(0, bytes.length - 1));
  return out;
}

/** Shorter versions of a string: empty, its first half, its first character. */
function shorterText(text: string): string[] {
  const chars = [...text];
  if (chars.length === 0) return [];
  const out = [''];
  if (chars.length > 2) out.push(chars.slice(0, Math.floor(chars.length / 2)).join(''));
  if (chars.length > 1) out.push(chars[0] ?? '');
  return out;
}

const QUOTE = 0x22;

/**
 * Shorter forms of a raw string leaf (`"hello\xff"`), cut inside its quotes
 * so it stays a string: its second half, its first half, all but its first
 * byte, all but its last. Invalid UTF-8 or a surrogate escape at the end or
 * the start of a seed's string is shrunk to the bytes that matter.
 */
function shorterInside(bytes: Uint8Array): Uint8Array[] {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== QUOTE || bytes[n - 1] !== QUOTE) return [];
  const inside = bytes.subarray(1, n - 1);
  const half = Math.floor(inside.length / 2);
  const quoted = (part: Uint8Array) => Buffer.concat([Buffer.of(QUOTE), part, Buffer.of(QUOTE)]);
  const parts = [inside.subarray(half), inside.subarray(0, half), inside.subarray(1)];
  if (inside.length > 1) parts.push(inside.subarray(0, inside.length - 1));
  return parts.filter((part) => part.length > 0 && part.length < inside.length).map(quoted);
}

/** Smaller versions of one node (the node itself is never among them). */
function smallerNodes(node: DocNode): DocNode[] {
  switch (node.kind) {
    case 'value':
      if (typeof node.value === 'string') {
        return shorterText(node.value).map((value) => ({ kind: 'value', value }));
      }
      return typeof node.value === 'number' && node.value !== 0
        ? [{ kind: 'value', value: 0 }]
        : [];
    case 'raw':
      return node.bytes.length > 1
        ? [...shorter(node.bytes), ...shorterInside(node.bytes)].map((bytes) => ({
            kind: 'raw',
            bytes,
          }))
        : [];
    case 'array':
      return node.items.length > 1 ? [{ kind: 'array', items: [] }] : [];
    case 'object':
      return node.members.length > 1 ? [{ kind: 'object', members: [] }] : [];
    default: {
      const never: never = node;
      throw new Error(`unknown node ${String(never)}`);
    }
  }
}

/** Smaller documents: removals first (deepest last), then smaller nodes, then shorter lead and trail. */
function* docReductions(doc: JsonDoc): Generator<JsonDoc> {
  const nodes = nodesOf(doc.root);
  for (const { path } of nodes) {
    if (path.length > 0) yield { ...doc, root: editAt(doc.root, path, () => undefined) };
  }
  for (const { path, node } of nodes) {
    for (const smaller of smallerNodes(node)) {
      yield { ...doc, root: editAt(doc.root, path, () => smaller) };
    }
  }
  for (const lead of shorter(doc.lead)) yield { ...doc, lead };
  for (const trail of shorter(doc.trail)) yield { ...doc, trail };
}

/** Shorter byte bodies: halves and quarters removed, then a byte at a time from the end. */
function* bytesReductions(bytes: Uint8Array): Generator<Uint8Array> {
  const n = bytes.length;
  for (const size of [Math.ceil(n / 2), Math.ceil(n / 4)]) {
    if (size < 1 || size >= n) continue;
    for (let start = 0; start < n; start += size) {
      yield Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + size)]);
    }
  }
  if (n > 0) yield bytes.subarray(0, n - 1);
}

/** Every request one reduction step smaller than `request`, biggest steps first. */
export function* reductions(request: FuzzRequest): Generator<FuzzRequest> {
  for (let i = 0; i < request.headers.length; i++) {
    yield { ...request, headers: request.headers.filter((_, j) => j !== i) };
  }
  for (let i = 0; i < request.query.length; i++) {
    yield { ...request, query: request.query.filter((_, j) => j !== i) };
  }
  const { body } = request;
  if (body.kind === 'json') {
    for (const doc of docReductions(body.doc)) yield { ...request, body: { kind: 'json', doc } };
  } else if (body.kind === 'bytes') {
    for (const bytes of bytesReductions(body.bytes))
      yield { ...request, body: { kind: 'bytes', bytes } };
  }
  for (let i = 0; i < request.query.length; i++) {
    const [name, value] = request.query[i] ?? ['', ''];
    for (const text of shorterText(value)) {
      yield { ...request, query: request.query.map((pair, j) => (j === i ? [name, text] : pair)) };
    }
  }
  const segments = request.path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    // Only long segments: shortening `+1` or `01` changes what is tested.
    if (segment.length <= 16) continue;
    const half = segment.slice(0, Math.floor(segment.length / 2));
    yield { ...request, path: segments.map((s, j) => (j === i ? half : s)).join('/') };
  }
}
