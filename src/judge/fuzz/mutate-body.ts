/**
 * Mutations of a JSON body's structure and values, as document edits: a
 * valid value of the same type, a value of another type, a member removed,
 * added or renamed, a key or an enum value in another case, a collection
 * nulled or emptied, an edge string. Each is a fast-check arbitrary over the
 * seed's nodes, so a found input shrinks towards the first node and the
 * simplest value. Pure.
 */
import { type Arbitrary, boolean, constantFrom, double, integer, string, tuple } from 'fast-check';
import { EDGE_STRINGS, EXTRA_KEYS } from './catalog.js';
import { type DocNode, editAt, type Located, renameAt, typeOf } from './doc.js';
import type { Mutated, MutationName } from './mutations.js';
import type { Seed } from './seeds.js';

/** The seed's request with its JSON document's root replaced. */
export function withRoot(seed: Seed, root: DocNode): Mutated['request'] {
  const { body } = seed.request;
  if (body.kind !== 'json') return seed.request;
  return { ...seed.request, body: { kind: 'json', doc: { ...body.doc, root } } };
}

/** Mutated input with `name` and `detail`. */
export function mutated(request: Mutated['request'], name: MutationName, detail: string): Mutated {
  return { request, mutation: { name, detail } };
}

/** `/record/name`, or `the document` for the root. */
export const whereInDoc = (pointer: string) => (pointer === '' ? 'the document' : `\`${pointer}\``);

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
};

type Pick = (located: Located) => boolean;
const isLeaf: Pick = ({ node }) => node.kind === 'value' && node.value !== null;
const isMember: Pick = (located) => located.key !== undefined;
const isCollection: Pick = ({ node }) => node.kind === 'array' || node.kind === 'object';
const isString: Pick = ({ node }) => node.kind === 'value' && typeof node.value === 'string';

/** The seed's nodes that `pick` accepts, as a fast-check choice (none: undefined). */
export function nodeChoice(seed: Seed, pick: Pick): Arbitrary<Located> | undefined {
  const nodes = seed.nodes.filter(pick);
  return nodes.length === 0 ? undefined : constantFrom(...nodes);
}

const leaf = (value: string | number | boolean): DocNode => ({ kind: 'value', value });

/** Another value of the leaf's type: a short string, a boolean, a small integer or a finite double. */
function sameType(node: DocNode): Arbitrary<DocNode> {
  switch (typeOf(node)) {
    case 'string':
      return string({ maxLength: 16 }).map(leaf);
    case 'boolean':
      return boolean().map(leaf);
    default: {
      const n = node.kind === 'value' ? node.value : 0;
      const numbers = Number.isInteger(n)
        ? integer({ min: -1000, max: 1000 })
        : double({ noNaN: true, noDefaultInfinity: true });
      return numbers.map(leaf);
    }
  }
}

const OTHER_TYPES: readonly DocNode[] = [
  { kind: 'value', value: null },
  { kind: 'value', value: 'x' },
  { kind: 'value', value: 1 },
  { kind: 'value', value: true },
  { kind: 'array', items: [] },
  { kind: 'object', members: [] },
];

/** Another type for a node: `null` for a collection is `null-collection`'s edit, not this one's. */
const otherTypes = (node: DocNode) =>
  OTHER_TYPES.filter(
    (t) =>
      typeOf(t) !== typeOf(node) &&
      !(typeOf(t) === 'null' && (node.kind === 'array' || node.kind === 'object')),
  );

/** Words of a key: `userId`, `user_id`, `UserID`, `user-id` → `user`, `id`. */
function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * The key in the other naming conventions (those that differ from it other
 * than in letter case: `record` → `Record` is `key-case`'s edit, not this one's).
 */
export function conventions(key: string): string[] {
  const w = words(key);
  if (w.length === 0) return [];
  const forms = [
    w.join('_'),
    w[0] + w.slice(1).map(cap).join(''),
    w.map(cap).join(''),
    w.join('-'),
  ];
  return [...new Set(forms)].filter((form) => form.toLowerCase() !== key.toLowerCase());
}

/** The text in other letter cases (those that differ from it). */
export function letterCases(text: string): string[] {
  const swapped = [...text]
    .map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))
    .join('');
  const forms = [text.toUpperCase(), text.toLowerCase(), cap(text.toLowerCase()), swapped];
  return [...new Set(forms)].filter((form) => form !== text);
}

const isEnumLike: Pick = (located) =>
  isString(located) &&
  located.node.kind === 'value' &&
  /^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(String(located.node.value));

/** A choice of (node, variant) pairs where `variants` offers any, or undefined. */
function variantChoice(
  seed: Seed,
  pick: Pick,
  variants: (located: Located) => readonly string[],
): Arbitrary<[Located, string]> | undefined {
  const pairs = seed.nodes
    .filter(pick)
    .flatMap((located) => variants(located).map((v): [Located, string] => [located, v]));
  return pairs.length === 0 ? undefined : constantFrom(...pairs);
}

/** Every structural mutation of a JSON seed that applies (an empty list for other seeds). */
export function bodyMutations(seed: Seed): Arbitrary<Mutated>[] {
  if (seed.request.body.kind !== 'json') return [];
  const root = seed.request.body.kind === 'json' ? seed.request.body.doc.root : undefined;
  if (root === undefined) return [];
  const edit = (path: Located['path'], fn: (n: DocNode) => DocNode | undefined) =>
    withRoot(seed, editAt(root, path, fn));
  const out: (Arbitrary<Mutated> | undefined)[] = [
    nodeChoice(seed, isLeaf)?.chain((at) =>
      sameType(at.node).map((node) =>
        mutated(
          edit(at.path, () => node),
          'valid-value',
          `${whereInDoc(at.pointer)} = ${show(node.kind === 'value' ? node.value : '')}`,
        ),
      ),
    ),
    nodeChoice(seed, () => true)?.chain((at) =>
      constantFrom(...otherTypes(at.node)).map((node) =>
        mutated(
          edit(at.path, () => node),
          'wrong-type',
          `${whereInDoc(at.pointer)} as ${typeOf(node)}`,
        ),
      ),
    ),
    nodeChoice(seed, isMember)?.map((at) =>
      mutated(
        edit(at.path, () => undefined),
        'missing-field',
        `${whereInDoc(at.pointer)} removed`,
      ),
    ),
    nodeChoice(seed, ({ node }) => node.kind === 'object')?.chain((at) =>
      tuple(constantFrom(...EXTRA_KEYS), constantFrom(...OTHER_TYPES)).map(([key, value]) =>
        mutated(
          edit(at.path, (n) =>
            n.kind === 'object' ? { kind: 'object', members: [...n.members, [key, value]] } : n,
          ),
          'extra-field',
          `member ${show(key)} added to ${whereInDoc(at.pointer)}`,
        ),
      ),
    ),
    variantChoice(seed, isMember, (at) => conventions(at.key ?? ''))?.map(([at, key]) =>
      mutated(
        withRoot(seed, renameAt(root, at.path, key)),
        'renamed-field',
        `key \`${at.key}\` as \`${key}\``,
      ),
    ),
    variantChoice(seed, isMember, (at) => letterCases(at.key ?? ''))?.map(([at, key]) =>
      mutated(
        withRoot(seed, renameAt(root, at.path, key)),
        'key-case',
        `key \`${at.key}\` as \`${key}\``,
      ),
    ),
    variantChoice(seed, isEnumLike, (at) =>
      at.node.kind === 'value' ? letterCases(String(at.node.value)) : [],
    )?.map(([at, value]) =>
      mutated(
        edit(at.path, () => ({ kind: 'value', value })),
        'enum-case',
        `${whereInDoc(at.pointer)} = ${show(value)}`,
      ),
    ),
    nodeChoice(seed, isCollection)?.map((at) =>
      mutated(
        edit(at.path, () => ({ kind: 'value', value: null })),
        'null-collection',
        `${whereInDoc(at.pointer)} = null`,
      ),
    ),
    nodeChoice(seed, isCollection)?.map((at) =>
      mutated(
        edit(at.path, (n) =>
          n.kind === 'array' ? { kind: 'array', items: [] } : { kind: 'object', members: [] },
        ),
        'empty-collection',
        `${whereInDoc(at.pointer)} emptied`,
      ),
    ),
    nodeChoice(seed, isString)?.chain((at) =>
      constantFrom(...EDGE_STRINGS).map((value) =>
        mutated(
          edit(at.path, () => ({ kind: 'value', value })),
          'string-edge',
          `${whereInDoc(at.pointer)} = ${show(value)}`,
        ),
      ),
    ),
  ];
  return out.filter((arb) => arb !== undefined);
}
