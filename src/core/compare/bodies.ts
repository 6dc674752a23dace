/**
 * Body comparison across every body kind a response can have.
 */
import { createHash } from 'node:crypto';
import type { Response, ResponseBody } from '../../contract/model/exchange.js';
import type { Change } from '../../contract/observation.js';
import type { Rules } from '../../contract/rules/types.js';
import { normaliseJson } from '../normalise/body.js';
import { jsonType } from '../normalise/json.js';
import { foldKey, foldPattern } from '../normalise/keys.js';
import { type BytesSummary, tooComplexWords } from '../wire/bytes.js';
import { readByContent } from '../wire/content-type.js';
import { isTreeBody } from '../wire/tree-body.js';
import { diffJson } from './delta.js';
import { sameListShapes } from './xml-lists.js';

/**
 * What a body is, for a change between bodies of different kinds:
 * `{ kind: 'json', type: 'object' }`, `{ kind: 'invalid-json' }`, …
 */
export function describeBody(body: ResponseBody): {
  kind: ResponseBody['kind'];
  type?: string;
  undecoded?: string;
} {
  if (isTreeBody(body)) {
    return { kind: body.kind, type: jsonType(body.value) };
  }
  // Bytes only because the content coding could not be undone: the reason travels.
  if (body.kind === 'binary' && body.undecoded !== undefined) {
    return { kind: body.kind, undecoded: body.undecoded };
  }
  return { kind: body.kind };
}

/**
 * Structural changes between two response bodies under `rules`:
 * JSON, XML and bencode bodies (XML and bencode as JSON-like trees, see
 * `core/xml/tree.ts` and `core/wire/bencode.ts`) are normalised then diffed; text and invalid JSON or XML compare as text,
 * binary and truncated bodies by sha256 and size (a `value` change at `""`);
 * bodies of different kinds are one `type` change at `""` (a shape divergence),
 * unless they are the same bytes under two content types (no change: the
 * `content-type` header, always compared, is the difference).
 */
export function compareBodies(
  baseline: ResponseBody,
  candidate: ResponseBody,
  rules: Rules,
): Change[] {
  if (baseline.kind !== candidate.kind) {
    // The same bytes decoded two ways (the content types differ): the header says so.
    if (sameBytes(baseline, candidate)) return [];
    return [
      {
        path: '',
        op: 'type',
        baseline: describeBody(baseline),
        candidate: describeBody(candidate),
      },
    ];
  }
  switch (baseline.kind) {
    case 'empty':
      return [];
    case 'json':
    case 'xml':
    case 'bencode':
      if (candidate.kind !== baseline.kind) return [];
      // Byte-identical texts normalise identically: the common case costs one string compare.
      if (alikeAtFirstSight(baseline, candidate)) return [];
      return compareJson(baseline.value, candidate.value, rules, baseline.kind === 'xml');
    case 'text':
      return candidate.kind === 'text' && candidate.text !== baseline.text
        ? [{ path: '', op: 'value', baseline: baseline.text, candidate: candidate.text }]
        : [];
    case 'invalid-json':
    case 'invalid-xml':
      // Same text can still be different bytes (invalid UTF-8 shown lossily): the error says.
      return candidate.kind === baseline.kind &&
        (candidate.text !== baseline.text || candidate.error !== baseline.error)
        ? [{ path: '', op: 'value', baseline: baseline.text, candidate: candidate.text }]
        : [];
    case 'binary':
    case 'truncated':
    case 'too-complex':
      return candidate.kind === baseline.kind &&
        (candidate.sha256 !== baseline.sha256 || candidate.size !== baseline.size)
        ? [{ path: '', op: 'value', baseline: digest(baseline), candidate: digest(candidate) }]
        : [];
    default: {
      const unreachable: never = baseline;
      return unreachable;
    }
  }
}

/**
 * The two bodies as they are judged. A body read as JSON or XML by its text
 * alone (its content type says `text/plain`, say) counts as such only when
 * the other side's body is that kind too: against a text body it is compared
 * as the text it is (`{"id":1}` vs `not found`, both `text/plain`, is a body
 * that differs, not a change of body kind). A body whose content type
 * declares JSON is always JSON (`docs/wire.md`).
 */
export function judgedBodies(
  baseline: Response,
  candidate: Response,
): readonly [ResponseBody, ResponseBody] {
  const b = baseline.body;
  const c = candidate.body;
  if (b.kind === c.kind) return [b, c];
  if (c.kind === 'text') return [asText(b, baseline.headers['content-type']), c];
  if (b.kind === 'text') return [b, asText(c, candidate.headers['content-type'])];
  return [b, c];
}

/** A JSON, XML or bencode body read by its content alone, as its text; any other body as it is. */
function asText(body: ResponseBody, contentType: string | undefined): ResponseBody {
  if (!isTreeBody(body)) return body;
  if (body.text === undefined || !readByContent(body.kind, contentType)) return body;
  return { kind: 'text', text: body.text };
}

/** What is known of a body's bytes: its text (valid UTF-8), or its digest. */
type Bytes =
  | { readonly text: string }
  | { readonly sha256: string; readonly size: number }
  | undefined;

function bytesOf(body: ResponseBody): Bytes {
  switch (body.kind) {
    case 'empty':
      return { text: '' };
    case 'json':
    case 'xml':
    case 'bencode':
      return body.text === undefined ? undefined : { text: body.text };
    case 'text':
      return { text: body.text };
    case 'invalid-json':
    case 'invalid-xml':
      // Invalid UTF-8 is shown lossily: its text is not its bytes.
      return body.error.startsWith('body is not valid UTF-8') ? undefined : { text: body.text };
    case 'binary':
    case 'truncated':
    case 'too-complex':
      return { sha256: body.sha256, size: body.size };
    default: {
      const unreachable: never = body;
      return unreachable;
    }
  }
}

function digestOf(bytes: NonNullable<Bytes>): { sha256: string; size: number } {
  if (!('text' in bytes)) return bytes;
  const buffer = Buffer.from(bytes.text, 'utf8');
  return { sha256: createHash('sha256').update(buffer).digest('hex'), size: buffer.byteLength };
}

/**
 * True when two bodies of different kinds are the same bytes (one served as
 * `text/plain`, the other as `application/octet-stream`, say). Only asked when
 * the kinds differ, so the hashing never touches the hot path.
 */
export function sameBytes(baseline: ResponseBody, candidate: ResponseBody): boolean {
  const b = bytesOf(baseline);
  const c = bytesOf(candidate);
  if (b === undefined || c === undefined) return false;
  if ('text' in b && 'text' in c) return b.text === c.text;
  const [x, y] = [digestOf(b), digestOf(c)];
  return x.size === y.size && x.sha256 === y.sha256;
}

function sameText(a: { readonly text?: string }, b: { readonly text?: string }): boolean {
  return a.text !== undefined && a.text === b.text;
}

/**
 * Two bodies `compareBodies` finds no change between without normalising or
 * diffing them: both empty, or two JSON texts with the same bytes. False
 * says nothing (they may still compare equal).
 */
export function alikeAtFirstSight(baseline: ResponseBody, candidate: ResponseBody): boolean {
  if (baseline.kind === 'empty') return candidate.kind === 'empty';
  return (
    (baseline.kind === 'json' || baseline.kind === 'bencode') &&
    candidate.kind === baseline.kind &&
    sameText(baseline, candidate)
  );
}

/** A body compared by its bytes, as a change holds it (reports show it with `bytesText`). */
function digest(body: BytesSummary | Extract<ResponseBody, { kind: 'too-complex' }>): BytesSummary {
  const { kind, sha256, size, head } = body;
  const summary = head === undefined ? { kind, sha256, size } : { kind, sha256, size, head };
  if ('limit' in body) return { ...summary, tooComplex: tooComplexWords(body) };
  return 'undecoded' in body && body.undecoded !== undefined
    ? { ...summary, undecoded: body.undecoded }
    : summary;
}

function compareJson(baseline: unknown, candidate: unknown, rules: Rules, xml: boolean): Change[] {
  // Bodies are compared after key folding, so keys and paths named by the
  // comparison rules are folded the same way.
  const fold = rules.keyCaseFold;
  const normalised = [normaliseJson(baseline, rules), normaliseJson(candidate, rules)] as const;
  // An XML element once on one side and a list on the other is a list of one (`xml-lists.ts`).
  const [b, c] = xml ? sameListShapes(...normalised) : normalised;
  return diffJson(b, c, {
    arrayKeys: fold ? rules.arrayKeys.map(foldKey) : rules.arrayKeys,
    tolerance: fold
      ? rules.tolerance.map((rule) => ({ ...rule, path: foldPattern(rule.path) }))
      : rules.tolerance,
  });
}
