/**
 * `enumTag`: the baseline writes an enum externally tagged
 * (`{"Schema":{"field":"x"}}`) and the candidate with a tag field
 * (`{"Kind":"schema","field":"x"}`) or tag + content fields — or the reverse.
 * The variant and the tag value match ignoring case, `_` and `-`; the fields
 * must be equal as they are (add `keyCase: fold` for `Field` vs `field`).
 */

import type { Change } from '../../../contract/observation.js';
import type { EnumTagRule, Rules, TagStyle } from '../../../contract/rules/types.js';
import { canonicalJson, isJsonObject } from '../../normalise/json.js';
import { foldKey } from '../../normalise/keys.js';
import { splitPath } from '../wording/phrases.js';

interface Member {
  readonly name: string;
  readonly value: unknown;
  readonly change: Change;
}

/** Per parent: the members the externally tagged side has (`wrapped`) and the other side's. */
function membersByParent(changes: readonly Change[], wrappedOp: 'added' | 'removed') {
  const groups = new Map<string, { wrapped: Member[]; flat: Member[] }>();
  for (const change of changes) {
    if (change.op !== 'added' && change.op !== 'removed') continue;
    const { parent, name } = splitPath(change.path);
    if (/^\d+$/.test(name)) continue;
    const group = groups.get(parent) ?? { wrapped: [], flat: [] };
    groups.set(parent, group);
    const value = change.op === 'added' ? change.candidate : change.baseline;
    (change.op === wrappedOp ? group.wrapped : group.flat).push({ name, value, change });
  }
  return groups;
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The changes one variant accounts for, or undefined when the flat side does not match it. */
function variantChanges(
  wrapper: Member,
  flat: readonly Member[],
  style: TagStyle,
  key: (k: string) => string,
) {
  const inner = wrapper.value;
  if (!isJsonObject(inner) || style.style === 'external') return undefined;
  const tagName = key(style.style === 'internal' ? style.field : style.tag);
  const tag = flat.find(
    (m) =>
      m.name === tagName &&
      typeof m.value === 'string' &&
      foldKey(m.value) === foldKey(wrapper.name),
  );
  if (tag === undefined) return undefined;
  if (style.style === 'adjacent') {
    const content = flat.find((m) => m.name === key(style.content) && same(m.value, inner));
    return content === undefined ? undefined : [wrapper.change, tag.change, content.change];
  }
  const covered = [wrapper.change, tag.change];
  for (const [field, value] of Object.entries(inner)) {
    const member = flat.find((m) => m !== tag && m.name === field && same(m.value, value));
    if (member === undefined) return undefined;
    covered.push(member.change);
  }
  return covered;
}

/** For each parent pointer where the rule fired, and the changes it turned into equality. */
export function enumTagEquivalence(changes: readonly Change[], rule: EnumTagRule, rules: Rules) {
  const externalSide = rule.baseline.style === 'external' ? 'baseline' : 'candidate';
  const flatStyle = externalSide === 'baseline' ? rule.candidate : rule.baseline;
  const key = (k: string) => (rules.keyCaseFold ? foldKey(k) : k);
  const fired: { parent: string; covers: Change[] }[] = [];
  const groups = membersByParent(changes, externalSide === 'baseline' ? 'removed' : 'added');
  for (const [parent, sides] of groups) {
    for (const wrapper of sides.wrapped) {
      const covers = variantChanges(wrapper, sides.flat, flatStyle, key);
      if (covers !== undefined) {
        fired.push({ parent, covers });
        break;
      }
    }
  }
  return fired;
}
