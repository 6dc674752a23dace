/**
 * Digests derived from per-instance values: a record that holds a value its
 * side stamped during the run or drew for itself (a block stamped with the
 * second it was mined, a document with its own random id) hashes to another
 * digest on every instance, so its digest (`hash`), and the digests of the
 * records chained to it (a parent's hash, a state root), differ between two
 * instances that agree. Where an object of both answers holds, as a member
 * of its own, a value found per-instance there (compared as `{{stamped}}` or
 * `{{generated}}` by the masks before this one), each of its members whose
 * values differ and are both a digest of one form (hex digits of a digest's
 * length, 32, 40, 56, 64, 96 or 128, with or without a `0x` prefix, the same
 * on both sides) is compared as `{{generated}}`, listed under `generated`
 * with that evidence. A digest says that content differs; here the content
 * holds what differs per instance, and what else differs in the record shows
 * at its own members. **Stays a divergence**: a digest in an object with no
 * such value (a content digest that differs there differs because the
 * content does), the digest of a text the exchange holds (`digestOfContent`),
 * a value the request named, another length or form on each side, a member
 * one side lacks, and the members of nested objects (each object is judged on
 * its own members). Pure.
 */
import type { Exchange } from '../../contract/model/exchange.js';
import { joinPointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { contentTexts, digestOfContent, GENERATED_TOKEN } from './generated.js';
import { requestText } from './own-identity.js';
import { structuredBody, withStructuredValue } from './sequence-walk.js';
import { STAMPED_TOKEN, stampedFormatOf } from './stamps.js';

/** Hex digits of a common digest's length (MD5 … SHA-512), with or without a `0x` prefix. */
const DIGEST =
  /^(0x)?(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{56}|[0-9A-F]{64}|[0-9A-F]{96}|[0-9A-F]{128})$/;

/** A digest's form (`0x-hex64`, `hex40`), or undefined for any other value. */
function digestShape(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DIGEST.exec(value);
  if (match === null) return undefined;
  const prefix = match[1] ?? '';
  return `${prefix === '' ? '' : '0x-'}hex${value.length - prefix.length}`;
}

/** A value a mask before this one found per-instance: a run stamp, or a value the side drew. */
function perInstance(value: unknown): boolean {
  return (
    value === STAMPED_TOKEN || value === GENERATED_TOKEN || stampedFormatOf(value) !== undefined
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

interface Walk {
  /** Each side's request as text, and the texts a digest could be of (made when first asked). */
  asked(): readonly [string, string];
  contents(): readonly [readonly (string | Uint8Array)[], readonly (string | Uint8Array)[]];
  readonly generated: string[];
}

/** Whether `a` and `b` are digests of one form that differ, in no request and of no text the exchange holds. */
function derivedPair(a: unknown, b: unknown, walk: Walk): string | undefined {
  if (a === b || typeof a !== 'string' || typeof b !== 'string') return undefined;
  const form = digestShape(a);
  if (form === undefined || form !== digestShape(b)) return undefined;
  const [asked, askedOther] = walk.asked();
  if (asked.includes(a) || askedOther.includes(b)) return undefined;
  const bare = (v: string) => v.replace(/^0x/, '');
  const [mine, theirs] = walk.contents();
  if (digestOfContent(bare(a), mine) || digestOfContent(bare(b), theirs)) return undefined;
  return form;
}

function walkValues(a: unknown, b: unknown, path: string, walk: Walk): [unknown, unknown] {
  if (a === b) return [a, b];
  if (Array.isArray(a) && Array.isArray(b)) {
    let left: unknown[] | undefined;
    let right: unknown[] | undefined;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const [x, y] = walkValues(a[i], b[i], joinPointer(path, i), walk);
      if (x === a[i] && y === b[i]) continue;
      left ??= [...a];
      right ??= [...b];
      left[i] = x;
      right[i] = y;
    }
    return [left ?? a, right ?? b];
  }
  if (!isObject(a) || !isObject(b)) return [a, b];
  let left: Record<string, unknown> | undefined;
  let right: Record<string, unknown> | undefined;
  const stamped = Object.keys(a).some((key) => perInstance(a[key]) && perInstance(b[key]));
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(b, key) || a[key] === b[key]) continue;
    const at = joinPointer(path, key);
    const form = stamped ? derivedPair(a[key], b[key], walk) : undefined;
    let pair: [unknown, unknown];
    if (form !== undefined) {
      pair = [GENERATED_TOKEN, GENERATED_TOKEN];
      walk.generated.push(
        `${at} (a digest, ${form} on both sides, of an object that holds values each side stamped or drew: it changes with them)`,
      );
    } else {
      pair = walkValues(a[key], b[key], at, walk);
      if (pair[0] === a[key] && pair[1] === b[key]) continue;
    }
    left ??= { ...a };
    right ??= { ...b };
    [left[key], right[key]] = pair;
  }
  return [left ?? a, right ?? b];
}

/** Hex digits of a digest's shortest length, anywhere in a text. */
const HEX_RUN = /[0-9a-fA-F]{32}/;

/**
 * Whether a body can hold a digest, read off its text when it has one (the
 * masks before this one put tokens in, never hex digits), unless the text
 * escapes characters (`\u0030`, `&#48;`). A body without its text is walked.
 */
function mayHoldDigest(body: { readonly text?: string | undefined }): boolean {
  const { text } = body;
  return text === undefined || HEX_RUN.test(text) || text.includes('\\u') || text.includes('&#');
}

function sideRequest(exchange: Exchange, side: 'baseline' | 'candidate') {
  return exchange.flow?.requests[side] ?? exchange.case.request;
}

/**
 * The exchange with the digests of objects that hold per-instance values
 * compared as `{{generated}}` (see the module comment), listed under `generated`.
 */
export function maskDerivedDigests(exchange: Exchange): Exchange {
  const { baseline, candidate } = exchange;
  const left = structuredBody(baseline);
  const right = structuredBody(candidate);
  if (left === undefined || right === undefined || left.kind !== right.kind) return exchange;
  if (left.value === right.value) return exchange;
  if (!mayHoldDigest(left) || !mayHoldDigest(right)) return exchange;
  let asked: readonly [string, string] | undefined;
  let contents: ReturnType<Walk['contents']> | undefined;
  const walk: Walk = {
    asked: () => {
      asked ??= [
        requestText(sideRequest(exchange, 'baseline')),
        requestText(sideRequest(exchange, 'candidate')),
      ];
      return asked;
    },
    contents: () => {
      contents ??= [
        contentTexts(sideRequest(exchange, 'baseline'), baseline),
        contentTexts(sideRequest(exchange, 'candidate'), candidate),
      ];
      return contents;
    },
    generated: [],
  };
  const [x, y] = walkValues(left.value, right.value, '', walk);
  if (walk.generated.length === 0) return exchange;
  return {
    ...exchange,
    baseline: withStructuredValue(baseline, left, x),
    candidate: withStructuredValue(candidate, right, y),
    generated: [...(exchange.generated ?? []), ...walk.generated],
  };
}
