/**
 * Mutations on the bytes of a body, which no parsed-and-re-serialised value
 * can carry: boundary and forbidden number literals, lone-surrogate escapes
 * and invalid UTF-8 inside strings, duplicate keys, comments, bytes before
 * and after the document, a body cut short. A JSON seed is edited as a
 * document with raw leaves (`doc.ts`); a seed whose body is not JSON, as bytes.
 * Pure.
 */
import { type Arbitrary, constant, constantFrom, nat, oneof, tuple } from 'fast-check';
import {
  COMMENTS,
  INVALID_UTF8,
  LEADING_BYTES,
  LONE_SURROGATES,
  NEAR_NUMBERS,
  NUMBER_LITERALS,
  TRAILING_DATA,
} from './catalog.js';
import { type DocNode, editAt, encodeDoc, encodeNode, type JsonDoc, type Located } from './doc.js';
import { mutated, nodeChoice, whereInDoc } from './mutate-body.js';
import type { Mutated, MutationName } from './mutations.js';
import type { Seed } from './seeds.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const raw = (data: Uint8Array): DocNode => ({ kind: 'raw', bytes: data });
const isNumber = ({ node }: Located) => node.kind === 'value' && typeof node.value === 'number';
const isString = ({ node }: Located) => node.kind === 'value' && typeof node.value === 'string';

/** A string's JSON text without its closing quote (`"ab`), to splice bytes in before it closes. */
function openString(node: DocNode): Buffer {
  const text = node.kind === 'value' ? JSON.stringify(node.value) : '""';
  return bytes(text.slice(0, -1));
}

const printable = (data: readonly number[]) =>
  data.map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');

function jsonRaw(seed: Seed, doc: JsonDoc): Arbitrary<Mutated>[] {
  const request = (next: JsonDoc): Mutated['request'] => ({
    ...seed.request,
    body: { kind: 'json', doc: next },
  });
  const at = (path: Located['path'], node: DocNode) =>
    request({ ...doc, root: editAt(doc.root, path, () => node) });
  /** The nodes `pick` accepts, each replaced by one of `texts` written raw (`wrap` around it). */
  const literal = (
    pick: (located: Located) => boolean,
    texts: readonly string[],
    name: MutationName,
    wrap = (text: string) => text,
  ) =>
    nodeChoice(seed, pick)?.chain((n) =>
      constantFrom(...texts).map((text) =>
        mutated(
          at(n.path, raw(bytes(wrap(text)))),
          name,
          `${whereInDoc(n.pointer)} = ${wrap(text)}`,
        ),
      ),
    );
  const out: (Arbitrary<Mutated> | undefined)[] = [
    literal(isNumber, NUMBER_LITERALS, 'number-boundary'),
    literal(isNumber, NEAR_NUMBERS, 'number-literal'),
    literal(isString, LONE_SURROGATES, 'lone-surrogate', (unit) => `"${unit}"`),
    nodeChoice(seed, isString)?.chain((n) =>
      constantFrom(...INVALID_UTF8).map((bad) =>
        mutated(
          at(n.path, raw(Buffer.concat([openString(n.node), Buffer.from(bad), bytes('"')]))),
          'invalid-utf8',
          `bytes ${printable(bad)} inside the string at ${whereInDoc(n.pointer)}`,
        ),
      ),
    ),
    nodeChoice(seed, (n) => n.key !== undefined)?.chain((n) =>
      // Mostly its own value: whether a repeated key is taken at all, whatever the value's
      // validity; otherwise another value, which also tells which of the two wins.
      oneof(
        { weight: 3, arbitrary: constant(n.node) },
        {
          weight: 1,
          arbitrary: constantFrom<DocNode>(
            { kind: 'value', value: null },
            { kind: 'value', value: 'x' },
            { kind: 'value', value: 1 },
          ),
        },
      ).map((value) => {
        const parent = n.path.slice(0, -1);
        const root = editAt(doc.root, parent, (object) =>
          object.kind === 'object'
            ? { kind: 'object', members: [...object.members, [n.key ?? '', value]] }
            : object,
        );
        const again = encodeNode(value).toString('utf8');
        return mutated(
          request({ ...doc, root }),
          'duplicate-key',
          `key \`${n.key}\` repeated with ${again.slice(0, 40)}`,
        );
      }),
    ),
    constantFrom(...TRAILING_DATA).map((data) =>
      mutated(
        request({ ...doc, trail: bytes(data) }),
        'trailing-data',
        `${JSON.stringify(data)} after the document`,
      ),
    ),
    nodeChoice(seed, () => true)?.chain((n) =>
      constantFrom(...COMMENTS).map((comment) =>
        n.path.length === 0
          ? mutated(
              request({ ...doc, lead: bytes(comment) }),
              'comment',
              `${JSON.stringify(comment)} before the document`,
            )
          : mutated(
              at(n.path, raw(Buffer.concat([bytes(comment), encodeNode(n.node)]))),
              'comment',
              `${JSON.stringify(comment)} before ${whereInDoc(n.pointer)}`,
            ),
      ),
    ),
    constantFrom(...LEADING_BYTES).map((lead) =>
      mutated(
        request({ ...doc, lead: Buffer.from(lead) }),
        'leading-bytes',
        `bytes ${printable(lead)} before the document`,
      ),
    ),
    truncation(seed, encodeDoc(doc)),
  ];
  return out.filter((arb) => arb !== undefined);
}

/** The body cut at a random offset (at least one byte removed). */
function truncation(seed: Seed, body: Buffer): Arbitrary<Mutated> | undefined {
  if (body.length < 2) return undefined;
  return nat({ max: body.length - 1 }).map((keep) =>
    mutated(
      { ...seed.request, body: { kind: 'bytes', bytes: body.subarray(0, keep) } },
      'truncated',
      `body cut after ${keep} of ${body.length} bytes`,
    ),
  );
}

/** Byte mutations of a body that is not a JSON document. */
function bytesRaw(seed: Seed, body: Uint8Array): Arbitrary<Mutated>[] {
  const request = (data: Uint8Array): Mutated['request'] => ({
    ...seed.request,
    body: { kind: 'bytes', bytes: data },
  });
  const out: (Arbitrary<Mutated> | undefined)[] = [
    constantFrom(...TRAILING_DATA).map((data) =>
      mutated(
        request(Buffer.concat([body, bytes(data)])),
        'trailing-data',
        `${JSON.stringify(data)} after the body`,
      ),
    ),
    tuple(nat({ max: body.length }), constantFrom(...INVALID_UTF8)).map(([offset, bad]) =>
      mutated(
        request(Buffer.concat([body.subarray(0, offset), Buffer.from(bad), body.subarray(offset)])),
        'invalid-utf8',
        `bytes ${printable(bad)} at offset ${offset}`,
      ),
    ),
    constantFrom(...LEADING_BYTES).map((lead) =>
      mutated(
        request(Buffer.concat([Buffer.from(lead), body])),
        'leading-bytes',
        `bytes ${printable(lead)} before the body`,
      ),
    ),
    truncation(seed, Buffer.from(body)),
  ];
  return out.filter((arb) => arb !== undefined);
}

/** Every raw mutation of the seed's body that applies. */
export function rawMutations(seed: Seed): Arbitrary<Mutated>[] {
  const { body } = seed.request;
  if (body.kind === 'json') return jsonRaw(seed, body.doc);
  if (body.kind === 'bytes') return bytesRaw(seed, body.bytes);
  return [];
}
