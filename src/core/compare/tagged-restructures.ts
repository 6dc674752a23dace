/**
 * A tag that names its sibling's shape travels with the restructure it
 * names (issue 43, item 2; rule 48). A tagged union written as a member that
 * names the variant (`type`, `kind`, `resultType`, `@type`: any name) beside
 * the member that holds it changes both at once when one side answers
 * another variant: the tag's word changes (`scalar` vs `vector`) in exactly
 * the answers where the tagged member is restructured (a pair against a
 * list of objects). A person reads one decision ("the candidate answers
 * every result as a vector"), where the keys give one row per pair of tag
 * words (rule 8: a word is its own template) and one per shape change of
 * the sibling (a retyped element, the elements one side lacks).
 *
 * Evidence, read from the run's changes: at one place (`/data/resultType`),
 * value changes whose every pair is two words (a letter first; letters,
 * digits, `_`, `-`, `.`, `:`, `@`; no spaces) that answer two words of one
 * side as one of the other (`scalar` and `string` both `vector`); a
 * sibling of that place (another member of the same object, at any depth
 * below it) whose shape changes (members or elements added, lacking,
 * retyped) are seen in the tag's answers alone; and the tag's changes whose
 * every answer shows one of those. The tag's changes and those shape
 * changes are one group, joined by `co-travel.ts` as the other families are.
 *
 * Kept apart: a tag whose words change with no restructure of a sibling
 * (a status word of a record; at the same place in other answers too: that
 * change of the tag keeps its row), a restructure in an answer where the
 * tag did not change (that change of the sibling shows for another reason
 * too, so it is not the tag's: it keeps its row; and a change of the
 * sibling in other answers alone is another reason's), a sibling
 * restructured in some of the tag's answers only, a tag whose values are
 * not words (prose, numbers), a word renamed one for one (a record's state
 * renamed beside a sibling restructured for another reason), a tag keyed at
 * two places (its field recurs elsewhere: a word of another object), and a
 * sibling's values (data that differ, each its own question). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { splitPath } from './wording/phrases.js';

/** A change as the clustering saw it over the run (`seen-changes.ts`). */
export interface TaggedSeen {
  readonly change: SkeletonChange;
  readonly places: ReadonlySet<string>;
  readonly answers: ReadonlySet<string>;
  /** A value change's pairs of values, each `[baseline, candidate]` as JSON. */
  readonly pairs: ReadonlySet<string>;
}

/** A word that names a variant: no spaces, at most 64 characters, a letter first. */
const TAG_WORD = /^[A-Za-z@$_][\w.:@-]{0,63}$/;

const SHAPE_OPS: ReadonlySet<string> = new Set(['added', 'removed', 'type']);

/** True when every pair of values of a value change is two words that differ. */
function namesVariants(one: TaggedSeen): boolean {
  if (one.change.op !== 'value' || one.pairs.size === 0) return false;
  return [...one.pairs].every((pair) => {
    const values: unknown = JSON.parse(pair);
    if (!Array.isArray(values) || values.length !== 2) return false;
    const [b, c] = values as unknown[];
    return typeof b === 'string' && typeof c === 'string' && b !== c && isWord(b) && isWord(c);
  });
}

function isWord(value: string): boolean {
  return TAG_WORD.test(value);
}

/** The sibling member of `parent` a path sits under (`/data/result/*` under `/data` → `result`). */
function siblingOf(parent: string, path: string): string | undefined {
  if (!path.startsWith(`${parent}/`)) return undefined;
  const rest = path.slice(parent.length + 1);
  const name = rest.split('/')[0];
  return name === undefined || name === '' || name === '*' ? undefined : name;
}

/** The one place a change was seen at; undefined when it shows at several. */
function onePlace(one: TaggedSeen): string | undefined {
  if (one.places.size !== 1) return undefined;
  return [...one.places][0];
}

/**
 * The groups of changes that are one tagged union answered as another
 * variant (see the module comment): each holds a tag's value changes and
 * the shape changes of the sibling it names.
 */
export function taggedRestructures<T extends TaggedSeen>(seen: Iterable<T>): T[][] {
  const all = [...seen];
  // The tags, by their place: value changes of words, at one place each.
  const tags = new Map<string, T[]>();
  for (const one of all) {
    const place = onePlace(one);
    if (place === undefined || !namesVariants(one)) continue;
    tags.set(place, [...(tags.get(place) ?? []), one]);
  }
  const groups: T[][] = [];
  for (const [place, words] of tags) {
    const { parent, name } = splitPath(place);
    if (name === '' || name === '*') continue;
    // Every shape change under each sibling of the tag, by sibling.
    const siblings = new Map<string, T[]>();
    for (const one of all) {
      if (!SHAPE_OPS.has(one.change.op) || one.change.values !== undefined) continue;
      const at = [...one.places].map((path) => siblingOf(parent, path));
      const sibling = at[0];
      if (sibling === undefined || sibling === name || at.some((s) => s !== sibling)) continue;
      siblings.set(sibling, [...(siblings.get(sibling) ?? []), one]);
    }
    const group = restructured(words, [...siblings.values()]);
    if (group !== undefined) groups.push(group);
  }
  return groups;
}

/**
 * True when the tag's pairs of words answer two variants of one side as one
 * of the other (`scalar` and `string` both `vector`): the evidence that the
 * word names a shape. A word renamed one for one (`open` → `opened`) reads
 * as well as a record's state renamed beside a sibling restructured for
 * another reason, two decisions (kept apart).
 */
function collapses(tags: readonly TaggedSeen[]): boolean {
  const pairs = tags.flatMap((one) =>
    [...one.pairs].map((pair): unknown => JSON.parse(pair)).filter(isPair),
  );
  const spread = (side: 0 | 1) => {
    const others = new Map<string, Set<string>>();
    for (const pair of pairs) {
      const words = others.get(pair[side]) ?? new Set<string>();
      others.set(pair[side], words.add(pair[1 - side] as string));
    }
    return [...others.values()].some((words) => words.size > 1);
  };
  return spread(0) || spread(1);
}

function isPair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string'
  );
}

/**
 * A tag's changes with its siblings' shape changes, as far as each covers
 * the other: the tag's changes whose every answer shows a shape change of a
 * sibling seen in the tag's answers alone (its words changed with no
 * restructure elsewhere: that change keeps its row), until none is left
 * out; then every sibling whose shape changes seen in those answers alone
 * cover every one of them (a change of it also seen in another answer is
 * not the tag's, and keeps its row; one seen in other answers alone is
 * another reason's; a sibling restructured in some of the answers only is
 * another reason's too). Undefined when no tag's change or no sibling is left.
 */
function restructured<T extends TaggedSeen>(
  words: readonly T[],
  siblings: readonly (readonly T[])[],
): T[] | undefined {
  let tags = [...words];
  const within = (changes: readonly T[], answers: ReadonlySet<string>) =>
    changes.filter((one) => [...one.answers].every((a) => answers.has(a)));
  for (;;) {
    const answers = new Set(tags.flatMap((one) => [...one.answers]));
    const covered = new Set(
      siblings.flatMap((changes) => within(changes, answers).flatMap((one) => [...one.answers])),
    );
    const kept = tags.filter((one) => [...one.answers].every((a) => covered.has(a)));
    if (kept.length === 0) return undefined;
    if (kept.length === tags.length) break;
    tags = kept;
  }
  if (!collapses(tags)) return undefined;
  const answers = new Set(tags.flatMap((one) => [...one.answers]));
  const named = siblings
    .map((changes) => within(changes, answers))
    .filter((inside) => new Set(inside.flatMap((one) => [...one.answers])).size === answers.size);
  return named.length === 0 ? undefined : [...tags, ...named.flat()];
}
