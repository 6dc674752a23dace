/**
 * `nesting`: one side writes members inside an object under a key, the other
 * writes them where that object sits: `{"street":…,"city":…}` against
 * `{"address":{"street":…,"city":…}}`, a record answered bare against
 * `{"item": record}`, or each element of a list wrapped that way. The differ
 * sees members removed and one member added (or list elements removed and
 * added), one row each; a person sees one decision. The moved members keep
 * their values: a member whose value changed on the way is a change of its
 * own, left to the other causes; but a map moved whole (the container's keys
 * are loose members of the other side, all of them) is one decision whatever
 * its values became (extended in session sixteen: `moved-entries.ts`).
 */

import type { Side } from '../../../contract/model/runtime.js';
import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { canonicalJson, isJsonObject, type JsonObject } from '../../normalise/json.js';
import { bySide, otherSide, sideOf } from './advice.js';
import { entriesMovedInto } from './moved-entries.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import {
  at,
  equalJson,
  type Member,
  memberGroups,
  membersWords,
  memberValue,
  namedKeys,
  patternPath,
} from './util.js';

const isElement = (member: Member) => /^\d+$/.test(member.name);

/** Loose members by name (unique on one side of one object), with their place among the changes. */
type Loose = Map<string, { readonly member: Member; readonly at: number }>;

/**
 * The members of `loose` (written at the parent on one side, absent on the
 * other) that `container`'s object holds with the same value: the members the
 * other side moved into it. One moved member is no evidence unless it is all
 * the container holds (`{"count": 3}` against `{"meta": {"count": 3, …}}`
 * could be chance).
 */
function movedInto(container: JsonObject, loose: Loose): Member[] {
  const moved: { member: Member; at: number }[] = [];
  // The container's own keys are looked up: an object of thousands of members
  // against thousands of loose ones stays linear.
  for (const name of Object.keys(container)) {
    const found = loose.get(name);
    if (found !== undefined && equalJson(memberValue(found.member), container[name])) {
      moved.push(found);
    }
  }
  const enough = moved.length >= 2 || (moved.length === 1 && Object.keys(container).length === 1);
  return enough ? moved.sort((a, b) => a.at - b.at).map((m) => m.member) : [];
}

/** Object members: an added (or removed) object that holds removed (or added) members. */
function memberMatches(
  parent: string,
  containers: readonly Member[],
  loose: readonly Member[],
  nesting: Side,
): PatternMatch<'nesting'>[] {
  const matches: PatternMatch<'nesting'>[] = [];
  const left: Loose = new Map(loose.map((member, at) => [member.name, { member, at }]));
  // The container holding the most moved members claims them first.
  const ranked = containers
    .flatMap((container) => {
      const value = memberValue(container);
      return isJsonObject(value) ? [{ container, value, moved: movedInto(value, left) }] : [];
    })
    .filter((c) => c.moved.length > 0)
    .sort((a, b) => b.moved.length - a.moved.length);
  for (const { container, value } of ranked) {
    const moved = movedInto(value, left);
    if (moved.length === 0) continue;
    for (const member of moved) left.delete(member.name);
    const key = container.name;
    const names = moved.map((member) => member.name);
    const movedNames = new Set(names);
    const beside = Object.keys(value).filter((name) => !movedNames.has(name));
    const besideWords = beside.length === 0 ? '' : `, beside ${namedKeys(beside)}`;
    const detail = `${nesting} nests members under ${codeSpan(key)}`;
    const params = [`${nesting}-nests`, key];
    matches.push({
      name: 'nesting',
      title: `${detail}${at(parent)}`,
      explanation: `${nesting} writes ${membersWords(names)}${at(parent)} inside ${codeSpan(key)}${besideWords}, where ${otherSide(nesting)} writes them${parent === '' ? ' at the top level' : ''}, with the same values`,
      key: `nesting:${patternPath(parent)}:${params.join(':')}`,
      anchor: parent,
      params,
      detail,
      covers: [container.change, ...moved.map((member) => member.change)],
    });
  }
  matches.push(...entryMatches(parent, containers, left, nesting));
  return matches;
}

/**
 * Maps moved into a container, their values rewritten (`moved-entries.ts`):
 * keyed by the container and the kind of move, never by the map's names
 * (data: a later run with other files keeps the row).
 */
function entryMatches(
  parent: string,
  containers: readonly Member[],
  left: Loose,
  nesting: Side,
): PatternMatch<'nesting'>[] {
  const matches: PatternMatch<'nesting'>[] = [];
  for (const container of containers) {
    const value = memberValue(container);
    if (!isJsonObject(value) || left.size === 0) continue;
    const moved = entriesMovedInto(value, left);
    if (moved === undefined) continue;
    for (const member of moved) left.delete(member.name);
    const key = container.name;
    const detail = `${nesting} moves the members into ${codeSpan(key)}, each value now an object`;
    const params = [`${nesting}-nests`, key, 'entries'];
    const names = moved.map((member) => member.name);
    matches.push({
      name: 'nesting',
      title: `${detail}${at(parent)}`,
      explanation: `${nesting} writes ${membersWords(names)}${at(parent)} inside ${codeSpan(key)}, where ${otherSide(nesting)} writes them${parent === '' ? ' at the top level' : ''}, each value now an object that holds it (or a value of its format)`,
      key: `nesting:${patternPath(parent)}:${params.join(':')}`,
      anchor: parent,
      params,
      detail,
      covers: [container.change, ...moved.map((member) => member.change)],
    });
  }
  return matches;
}

/**
 * List elements: each element one side lacks is, on the other side, an
 * element that wraps it under one key (the same key for every pair); one
 * match for the list, or none when any element pairs differently. Each
 * element's canonical text is computed once and looked up, so a rewritten
 * list of thousands of elements costs linear time, not a pairwise search.
 */
function elementMatch(
  parent: string,
  wrappers: readonly Member[],
  bare: readonly Member[],
  nesting: Side,
): PatternMatch<'nesting'> | undefined {
  if (wrappers.length === 0 || bare.length === 0) return undefined;
  const unpaired = new Map<string, Member[]>();
  for (const element of bare) {
    const text = canonicalJson(memberValue(element));
    const same = unpaired.get(text);
    if (same === undefined) unpaired.set(text, [element]);
    else same.push(element);
  }
  // How many elements of each canonical text are paired already.
  const taken = new Map<string, number>();
  let key: string | undefined;
  const paired: Member[] = [];
  for (const wrapper of wrappers) {
    const value = memberValue(wrapper);
    if (!isJsonObject(value)) return undefined;
    // The first key found fixes the key every later pair must use.
    const keys = key === undefined ? Object.keys(value) : [key];
    const found = keys.find((k) => {
      if (!Object.hasOwn(value, k)) return false;
      const text = canonicalJson(value[k]);
      return (unpaired.get(text)?.length ?? 0) > (taken.get(text) ?? 0);
    });
    if (found === undefined) return undefined;
    const text = canonicalJson(value[found]);
    // Equal elements pair in list order: the next one not yet paired.
    const same = unpaired.get(text) ?? [];
    const element = same[taken.get(text) ?? 0];
    if (element === undefined) return undefined;
    taken.set(text, (taken.get(text) ?? 0) + 1);
    key = found;
    paired.push(wrapper, element);
  }
  if (key === undefined) return undefined;
  const detail = `${nesting} wraps list elements under ${codeSpan(key)}`;
  const params = [`${nesting}-nests`, key, 'elements'];
  const count = wrappers.length;
  return {
    name: 'nesting',
    title: `${detail}${at(parent)}`,
    explanation: `${nesting} wraps ${count === 1 ? 'an element' : `${count} elements`} of the list${at(parent)} in an object, under ${codeSpan(key)}, where ${otherSide(nesting)} writes the element${count === 1 ? '' : 's'} bare, with the same values`,
    key: `nesting:${patternPath(parent)}:${params.join(':')}`,
    anchor: parent,
    params,
    detail,
    covers: paired.map((member) => member.change),
  };
}

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const nesting = sideOf(params[0]);
  const key = codeSpan(params[1] ?? 'item');
  if (params[2] === 'entries') {
    return bySide(
      runtimes,
      nesting,
      [
        `write the entries of ${key} where ${key} sits, each with its plain value, as the ${otherSide(nesting)} does`,
        {},
      ],
      [
        `move these members into an object under ${key}, each with the value the ${nesting} writes`,
        {},
      ],
    );
  }
  if (params[2] === 'elements') {
    return bySide(
      runtimes,
      nesting,
      [
        `write each list element as it is, not wrapped in an object under ${key}, as the ${otherSide(nesting)} does`,
        {},
      ],
      [`wrap each list element in an object, under ${key}, as the ${nesting} does`, {}],
    );
  }
  return bySide(
    runtimes,
    nesting,
    [
      `write the members of ${key} where ${key} sits, as the ${otherSide(nesting)} does`,
      {
        rust: `\`#[serde(flatten)]\` on the field ${key}`,
        go: `embed the struct of ${key} (an anonymous field) so that its fields are written inline`,
        java: `\`@JsonUnwrapped\` on the field ${key}`,
      },
    ],
    [
      `nest these members in an object under ${key}, as the ${nesting} does`,
      {
        rust: `a field ${key} of their struct's type, without \`#[serde(flatten)]\``,
        go: `a named field ${key} (\`json:"${params[1] ?? 'item'}"\`) instead of an embedded struct`,
        java: `a field ${key} without \`@JsonUnwrapped\``,
      },
    ],
  );
}

export const nesting: Pattern<'nesting'> = {
  name: 'nesting',
  meaning:
    'members written inside an object under a key on one side and where that object sits on the other (`{"city":…}` vs `{"address":{"city":…}}`, a record vs `{"item": record}`, list elements wrapped that way), with the same values; or a map moved whole under a key, its values rewritten (`{name: etag}` vs `{"items": {name: {"ETag": …}}}`)',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise(changes: readonly Change[]) {
    const matches: PatternMatch<'nesting'>[] = [];
    for (const group of memberGroups(changes, { elements: true })) {
      const { parent } = group;
      const added = group.added.filter((m) => !isElement(m));
      const removed = group.removed.filter((m) => !isElement(m));
      const nests = memberMatches(parent, added, removed, 'candidate');
      // A change the candidate's nesting claimed is no member of the baseline's.
      const claimed = new Set(nests.flatMap((match) => match.covers));
      const free = (m: Member) => !claimed.has(m.change);
      nests.push(...memberMatches(parent, removed.filter(free), added.filter(free), 'baseline'));
      matches.push(...nests);
      const addedElements = group.added.filter(isElement);
      const removedElements = group.removed.filter(isElement);
      const wrapped =
        elementMatch(parent, addedElements, removedElements, 'candidate') ??
        elementMatch(parent, removedElements, addedElements, 'baseline');
      if (wrapped !== undefined) matches.push(wrapped);
    }
    return matches;
  },
};
