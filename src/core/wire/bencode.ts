/**
 * Bencode (BitTorrent's wire format: BEP 3) read into a JSON-like tree, so
 * the pointers, rules, differ, type families and grouping rules that work on
 * JSON work on a tracker's answers unchanged. Pure.
 *
 * Strict, as the JSON and XML readers are: integers `i-?\d+e` with no leading
 * zero and no `-0`; byte strings `N:…` whose length is all there; lists
 * `l…e`; dictionaries `d…e` keyed by byte strings, each key once; nothing
 * after the value. Iterative, so depth is bounded by the node budget, not by
 * the stack.
 *
 * The tree (`bencodeTree`):
 * - a dictionary is an object, a list an array;
 * - an integer is a number when a JS number holds it exactly, else an
 *   `ExactNumber` (its digits, written `{"$exact": "…"}` in a report): never rounded;
 * - a byte string is a string when it is valid UTF-8 and printable (no
 *   control character but tab and line breaks), else `hex:` and its bytes in
 *   hex (`hex:7f0000011ae1`); a dictionary key likewise;
 * - BEP 23's compact peers: a byte string under the key `peers` whose length
 *   is a multiple of 6 is a list of `a.b.c.d:port` strings (4 address bytes,
 *   2 port bytes, big-endian), and under `peers6` a multiple of 18 a list of
 *   `[v6]:port` strings; an empty one is an empty list. So a peer list is a
 *   list (its order, its elements) whatever form one side writes it in.
 */
import type { NodeBudget, OverBudget } from './budget.js';
import { ExactNumber } from './exact-number.js';

/** The outcome of reading bytes as bencode. */
export type BencodeParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string }
  | { readonly ok: false; readonly over: OverBudget };

const D = 0x64;
const L = 0x6c;
const I = 0x69;
const E = 0x65;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A dictionary or list being read: its items so far and, in a dictionary, the key read last. */
type Frame =
  | { readonly kind: 'list'; readonly items: unknown[] }
  | {
      readonly kind: 'dict';
      readonly entries: [string, unknown][];
      readonly keys: Set<string>;
      key: string | undefined;
    };

class BencodeError extends Error {}

/** True when the bytes may be a bencoded dictionary or list: their first byte is `d` or `l`. */
export function looksLikeBencode(bytes: Uint8Array): boolean {
  return bytes[0] === D || bytes[0] === L;
}

/**
 * `bytes` read whole as one bencoded dictionary or list; a lone integer or
 * byte string is not read (too weak a sign that a body is bencode), nor is
 * a body that is only an empty one (`de`, `le`), nor anything with bytes
 * after the value.
 */
export function parseBencode(bytes: Uint8Array, budget: NodeBudget): BencodeParse {
  if (!looksLikeBencode(bytes)) return { ok: false, error: 'not a bencoded dictionary or list' };
  try {
    return readValue(bytes, budget);
  } catch (error) {
    if (error instanceof BencodeError) return { ok: false, error: error.message };
    throw error;
  }
}

function readValue(bytes: Uint8Array, budget: NodeBudget): BencodeParse {
  const stack: Frame[] = [];
  let at = 0;
  let nodes = 0;
  let root: unknown;
  let done = false;
  while (!done) {
    if (at >= bytes.length) throw new BencodeError(`unexpected end at byte ${at}`);
    const byte = bytes[at] as number;
    const top = stack[stack.length - 1];
    if (byte === E && top !== undefined) {
      if (top.kind === 'dict' && top.key !== undefined) {
        throw new BencodeError(`dictionary key "${top.key}" has no value (byte ${at})`);
      }
      at++;
      stack.pop();
      const value = top.kind === 'list' ? top.items : Object.fromEntries(top.entries);
      done = place(stack, value);
      if (done) root = value;
      continue;
    }
    if (top?.kind === 'dict' && top.key === undefined) {
      // A key: a byte string, once per dictionary.
      if (byte < ZERO || byte > NINE)
        throw new BencodeError(`dictionary key expected at byte ${at}`);
      const [raw, next] = readString(bytes, at);
      const key = shownString(raw);
      if (top.keys.has(key)) throw new BencodeError(`duplicate dictionary key "${key}"`);
      top.keys.add(key);
      top.key = key;
      at = next;
      continue;
    }
    if (++nodes > budget.nodes)
      return { ok: false, over: { limit: 'nodes', budget: budget.nodes } };
    if (byte === D || byte === L) {
      if (stack.length + 1 > budget.depth) {
        return { ok: false, over: { limit: 'depth', budget: budget.depth } };
      }
      stack.push(
        byte === L
          ? { kind: 'list', items: [] }
          : { kind: 'dict', entries: [], keys: new Set(), key: undefined },
      );
      at++;
      continue;
    }
    let value: unknown;
    if (byte === I) {
      [value, at] = readInteger(bytes, at);
    } else if (byte >= ZERO && byte <= NINE) {
      const [raw, next] = readString(bytes, at);
      value = stringValue(raw, top?.kind === 'dict' ? top.key : undefined);
      at = next;
    } else {
      throw new BencodeError(`unexpected byte 0x${byte.toString(16).padStart(2, '0')} at ${at}`);
    }
    if (top === undefined)
      throw new BencodeError('a lone integer or string is not read as bencode');
    done = place(stack, value);
  }
  if (at !== bytes.length) throw new BencodeError(`${bytes.length - at} bytes after the value`);
  // `de` and `le` are two letters of text as often as an empty bencoded value.
  if (at === 2) throw new BencodeError('an empty dictionary or list alone is not read as bencode');
  return { ok: true, value: root };
}

/** Puts a finished value into the frame on top; true when it was the root (no frame left). */
function place(stack: Frame[], value: unknown): boolean {
  const top = stack[stack.length - 1];
  if (top === undefined) return true;
  if (top.kind === 'list') {
    top.items.push(value);
  } else {
    top.entries.push([top.key as string, value]);
    top.key = undefined;
  }
  return false;
}

/** `i-?\d+e` at `at`, without a leading zero or `-0`: the value and where the next one starts. */
function readInteger(bytes: Uint8Array, at: number): [unknown, number] {
  const end = bytes.indexOf(E, at + 1);
  if (end < 0) throw new BencodeError(`unterminated integer at byte ${at}`);
  const digits = Buffer.from(bytes.subarray(at + 1, end)).toString('latin1');
  if (!/^(?:0|-?[1-9]\d*)$/.test(digits)) {
    throw new BencodeError(`invalid integer "${digits}" at byte ${at}`);
  }
  const number = Number(digits);
  const value = Number.isSafeInteger(number) ? number : new ExactNumber(digits);
  return [value, end + 1];
}

/** `N:…` at `at`: the bytes and where the next value starts. */
function readString(bytes: Uint8Array, at: number): [Uint8Array, number] {
  const colon = bytes.indexOf(COLON, at);
  if (colon < 0) throw new BencodeError(`unterminated string length at byte ${at}`);
  const digits = Buffer.from(bytes.subarray(at, colon)).toString('latin1');
  if (!/^(?:0|[1-9]\d*)$/.test(digits)) {
    throw new BencodeError(`invalid string length "${digits}" at byte ${at}`);
  }
  const length = Number(digits);
  const start = colon + 1;
  if (start + length > bytes.length) {
    throw new BencodeError(`string at byte ${at} runs past the end (${length} bytes)`);
  }
  return [bytes.subarray(start, start + length), start + length];
}

/** Control characters but tab, line feed and carriage return; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A byte string as text when it is printable UTF-8, else `hex:` and its bytes. */
function shownString(raw: Uint8Array): string {
  let text: string | undefined;
  try {
    text = strictUtf8.decode(raw);
  } catch {
    text = undefined;
  }
  return text !== undefined && !UNPRINTABLE.test(text) ? text : hexOf(raw);
}

/** The prefix of a byte string shown by its bytes. */
export const BENCODE_HEX_PREFIX = 'hex:';

function hexOf(raw: Uint8Array): string {
  return `${BENCODE_HEX_PREFIX}${Buffer.from(raw).toString('hex')}`;
}

/** A byte string value: compact peers under `peers`/`peers6` (BEP 23, BEP 7), else shown. */
function stringValue(raw: Uint8Array, key: string | undefined): unknown {
  if (key === 'peers' && raw.length % 6 === 0) return compactPeers(raw, 4);
  if (key === 'peers6' && raw.length % 18 === 0) return compactPeers(raw, 16);
  return shownString(raw);
}

function compactPeers(raw: Uint8Array, addressBytes: number): string[] {
  const size = addressBytes + 2;
  const peers: string[] = [];
  for (let at = 0; at < raw.length; at += size) {
    const address = raw.subarray(at, at + addressBytes);
    const port = ((raw[at + addressBytes] as number) << 8) | (raw[at + addressBytes + 1] as number);
    peers.push(`${addressBytes === 4 ? address.join('.') : `[${ipv6(address)}]`}:${port}`);
  }
  return peers;
}

function ipv6(address: Uint8Array): string {
  const groups: string[] = [];
  for (let k = 0; k < 16; k += 2) {
    groups.push((((address[k] as number) << 8) | (address[k + 1] as number)).toString(16));
  }
  return groups.join(':');
}
