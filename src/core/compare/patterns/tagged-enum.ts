/**
 * `tagged-enum`: one side wraps an enum variant in a key named after it
 * (serde's default, externally tagged: `{"Schema":{"field":"x"}}`), the other
 * writes a discriminator field next to the fields (internally tagged, or Go's
 * flat struct: `{"Kind":"schema","Field":"x"}`) or a tag and a content field
 * (adjacently tagged: `{"t":"Schema","c":{"field":"x"}}`).
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { yamlScalar } from '../../../util/yaml-scalar.js';
import { isJsonObject } from '../../normalise/json.js';
import { foldKey } from '../../normalise/keys.js';
import { listSome, splitPath } from '../wording/phrases.js';
import { bySide, sideOf } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import {
  arrow,
  at,
  conventionOf,
  conventionsOf,
  equalFolded,
  isZeroValue,
  type Member,
  type MemberGroup,
  memberGroups,
  memberValue,
  patternPath,
} from './util.js';

type Side = 'baseline' | 'candidate';

interface Found {
  readonly wrapper: Member;
  readonly tag: Member;
  /** Inline fields (internal) or the one content member (adjacent). */
  readonly fields: readonly Member[];
  readonly content: Member | undefined;
  /** Each variant field and the flat member of its name, in any spelling. */
  readonly renamed: readonly (readonly [string, string])[];
  /** Each variant field the flat struct names otherwise (`expected` → `Reason`). */
  readonly others: readonly (readonly [string, string])[];
}

/**
 * The flat side's members whose string value could name a variant, by that
 * value folded (the first of each, as a search in order would find): each
 * wrapper looks its own name up, so a map-like object of thousands of ids
 * on each side stays linear.
 */
function tagsOf(members: readonly Member[]): Map<string, Member> {
  const tags = new Map<string, Member>();
  for (const m of members) {
    const value = memberValue(m);
    if (typeof value !== 'string') continue;
    const fold = foldKey(value);
    if (!tags.has(fold)) tags.set(fold, m);
  }
  return tags;
}

/**
 * The flat side's members that carry the variant's fields, or undefined if one
 * is missing. A field is found by its name (any spelling: `field` → `Field`)
 * with the same value; a field no name finds is a member the flat struct
 * names otherwise (`expected` → `Reason`): the one unclaimed member with the
 * same value, else the only one of the same JSON type with a value (the
 * others are zero-valued fields of other variants).
 */
function inlineFields(
  inner: Readonly<Record<string, unknown>>,
  flat: readonly Member[],
  tag: Member,
) {
  const fields: Member[] = [];
  const renamed: [string, string][] = [];
  const unnamed: [string, unknown][] = [];
  for (const [key, value] of Object.entries(inner)) {
    const field = flat.find((m) => m !== tag && foldKey(m.name) === foldKey(key));
    if (field === undefined) unnamed.push([key, value]);
    else if (!equalFolded(memberValue(field), value)) return undefined;
    else {
      fields.push(field);
      renamed.push([key, field.name]);
    }
  }
  const free = flat.filter((m) => m !== tag && !fields.includes(m));
  const named = new Set(Object.keys(inner).map(foldKey));
  const open = free.filter((m) => !named.has(foldKey(m.name)));
  const others: [string, string][] = [];
  for (const [key, value] of unnamed) {
    const field = otherName(value, open);
    if (field === undefined) return undefined;
    open.splice(open.indexOf(field), 1);
    fields.push(field);
    others.push([key, field.name]);
  }
  return { fields, renamed, others };
}

/** The member of `open` that carries `value` under another name (see `inlineFields`). */
function otherName(value: unknown, open: readonly Member[]): Member | undefined {
  const same = open.find((m) => equalFolded(memberValue(m), value));
  if (same !== undefined) return same;
  if (isZeroValue(value)) return undefined;
  const typed = open.filter(
    (m) => jsonType(memberValue(m)) === jsonType(value) && !isZeroValue(memberValue(m)),
  );
  return typed.length === 1 ? typed[0] : undefined;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function adjacentContent(inner: unknown, flat: readonly Member[], tag: Member) {
  return flat.find(
    (m) => m !== tag && isJsonObject(memberValue(m)) && equalFolded(memberValue(m), inner),
  );
}

function findIn(wrappers: readonly Member[], flat: readonly Member[]): Found | undefined {
  const tags = tagsOf(flat);
  for (const wrapper of wrappers) {
    const inner = memberValue(wrapper);
    const tag = tags.get(foldKey(wrapper.name));
    if (!isJsonObject(inner) || tag === undefined) continue;
    const inline = inlineFields(inner, flat, tag);
    if (inline !== undefined) return { wrapper, tag, ...inline, content: undefined };
    const content = adjacentContent(inner, flat, tag);
    if (content !== undefined) {
      return { wrapper, tag, fields: [], content, renamed: [], others: [] };
    }
  }
  return undefined;
}

function styleText(found: Found): string {
  return found.content === undefined
    ? `${codeSpan(found.tag.name)} discriminator`
    : `adjacently tagged (${codeSpan(found.tag.name)}, ${codeSpan(found.content.name)})`;
}

function usesText(found: Found): string {
  return found.content === undefined
    ? `a discriminator field ${codeSpan(found.tag.name)}`
    : `an adjacent tag field ${codeSpan(found.tag.name)}`;
}

function fieldsText(found: Found): string {
  if (found.content !== undefined) return `and the fields under ${codeSpan(found.content.name)}`;
  const recased = found.renamed.filter(([from, to]) => from !== to);
  const others =
    found.others.length === 0
      ? ''
      : `, ${listSome(found.others.map(([from, to]) => arrow(from, to)))} named otherwise`;
  if (recased.length === 0) return `with the same fields inline${others}`;
  const convention = conventionOf(found.renamed.map(([, to]) => to)) ?? 'renamed';
  return `with ${convention} fields (${listSome(recased.map(([from, to]) => arrow(from, to)))})${others}`;
}

function matchOf(group: MemberGroup, found: Found, external: Side): PatternMatch<'tagged-enum'> {
  const other: Side = external === 'baseline' ? 'candidate' : 'baseline';
  const style = styleText(found);
  const detail =
    external === 'baseline'
      ? `externally tagged enum vs ${style}`
      : `${style} vs externally tagged enum`;
  const tagValue = JSON.stringify(memberValue(found.tag));
  const kind = found.content === undefined ? 'internal' : `adjacent:${found.content.name}`;
  return {
    name: 'tagged-enum',
    title: `${detail}${at(group.parent)}`,
    explanation: `${external} wraps the variant in a key ${codeSpan(found.wrapper.name)} (an externally tagged enum); ${other} uses ${usesText(found)} = ${tagValue} ${fieldsText(found)}`,
    key: `tagged-enum:${patternPath(group.parent)}:external-${external}:${kind}:${found.tag.name}`,
    anchor: group.parent,
    params: [`external-${external}`, kind, found.tag.name],
    detail,
    covers: [
      ...new Set(
        [
          found.wrapper,
          found.tag,
          ...found.fields,
          ...(found.content ? [found.content] : []),
          ...otherVariantFields(group, found, external),
        ].map((m): Change => m.change),
      ),
    ],
  };
}

/**
 * The flat side's other members with zero values: a flat struct (Go's) writes
 * every variant's fields, those of the other variants as zero values
 * (`"Min": 0, "Reason": ""`). They follow from the same design difference,
 * so the pattern claims them (whatever variant it meets).
 */
function otherVariantFields(group: MemberGroup, found: Found, external: Side): Member[] {
  const flat = external === 'baseline' ? group.added : group.removed;
  const claimed = new Set<Member>([found.tag, ...found.fields]);
  if (found.content !== undefined) claimed.add(found.content);
  // The struct's own fields share its naming (`Min` beside `Kind`, `Field`); another key is not its.
  const styles = conventionsOf([found.tag.name, ...found.fields.map((m) => m.name)]);
  return flat.filter(
    (m) =>
      !claimed.has(m) &&
      isZeroValue(memberValue(m)) &&
      (styles.length === 0 || conventionsOf([m.name]).some((style) => styles.includes(style))),
  );
}

/**
 * The groups with each member whose value is an object on one side and not
 * on the other (a `type` change) on both lists: a variant named like one of
 * the flat struct's fields (`{"Format":{"format":"email"}}` against
 * `{"Kind":"Format","Format":"email"}`) is a wrapper on one side and a field
 * on the other, at the same key.
 */
function withRetyped(changes: readonly Change[]): MemberGroup[] {
  const groups = new Map(memberGroups(changes).map((g) => [g.parent, g]));
  for (const change of changes) {
    if (change.op !== 'type') continue;
    if (isJsonObject(change.baseline) === isJsonObject(change.candidate)) continue;
    const { parent, name } = splitPath(change.path);
    if (/^\d+$/.test(name)) continue;
    const group = groups.get(parent) ?? { parent, removed: [], added: [] };
    groups.set(parent, {
      parent,
      removed: [...group.removed, { name, change, side: 'baseline' }],
      added: [...group.added, { name, change, side: 'candidate' }],
    });
  }
  return [...groups.values()];
}

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const [external, kind = 'internal', tag = 'Kind'] = params;
  const content = kind.startsWith('adjacent:') ? kind.slice('adjacent:'.length) : undefined;
  const serdeTag =
    content === undefined
      ? `\`#[serde(tag = "${tag}")]\``
      : `\`#[serde(tag = "${tag}", content = "${content}")]\``;
  const toTagged = [
    `write the discriminator ${codeSpan(tag)} beside the variant's fields${content === undefined ? '' : ` (its fields under ${codeSpan(content)})`}`,
    {
      rust: `tag the enum with ${serdeTag} (add \`#[serde(rename_all = …)]\` when the field names differ too)`,
      go: `a struct with a ${codeSpan(tag)} field`,
      java: `\`@JsonTypeInfo(use = Id.NAME, include = As.PROPERTY, property = "${tag}")\``,
      python: `a discriminated union (\`Field(discriminator="${tag}")\`)`,
    },
  ] as const;
  const toExternal = [
    'wrap the variant in a key named after it (`{"Variant":{…}}`)',
    {
      rust: "serde's default for an enum (drop `#[serde(tag = …)]`)",
      go: 'a custom `MarshalJSON` on the type',
      java: '`@JsonTypeInfo(use = Id.NAME, include = As.WRAPPER_OBJECT)`',
    },
  ] as const;
  const externalSide = sideOf(external?.replace('external-', ''));
  const style =
    content === undefined
      ? `{ field: ${yamlScalar(tag)} }`
      : `{ tag: ${yamlScalar(tag)}, content: ${yamlScalar(content)} }`;
  const rule =
    externalSide === 'baseline'
      ? `enumTag: { baseline: external, candidate: ${style} }`
      : `enumTag: { baseline: ${style}, candidate: external }`;
  return { ...bySide(runtimes, externalSide, toTagged, toExternal), rule };
}

/**
 * A unit variant: serde writes it as its bare name (`"Ok"`), a flat struct as
 * its discriminator with every other field zero-valued (`{"Kind":"Ok",
 * "Min":0,"Reason":""}`). The same design difference as a variant with
 * fields, so the same root cause (the same parameters).
 */
function unitVariant(change: Change): PatternMatch<'tagged-enum'> | undefined {
  if (change.op !== 'type') return undefined;
  const external: Side | undefined =
    typeof change.baseline === 'string' && isJsonObject(change.candidate)
      ? 'baseline'
      : typeof change.candidate === 'string' && isJsonObject(change.baseline)
        ? 'candidate'
        : undefined;
  if (external === undefined) return undefined;
  const name = String(external === 'baseline' ? change.baseline : change.candidate);
  const flat = (external === 'baseline' ? change.candidate : change.baseline) as Readonly<
    Record<string, unknown>
  >;
  const members = Object.entries(flat);
  const tag = members.find(
    ([, value]) => typeof value === 'string' && foldKey(value) === foldKey(name),
  );
  if (tag === undefined || members.length < 2) return undefined;
  if (!members.every((member) => member === tag || isZeroValue(member[1]))) return undefined;
  const [tagName] = tag;
  const style = `${codeSpan(tagName)} discriminator`;
  const detail =
    external === 'baseline'
      ? `externally tagged enum vs ${style}`
      : `${style} vs externally tagged enum`;
  const other: Side = external === 'baseline' ? 'candidate' : 'baseline';
  return {
    name: 'tagged-enum',
    title: `${detail}${at(change.path)}`,
    explanation: `${external} writes the unit variant as its name ${JSON.stringify(name)} (an externally tagged enum); ${other} uses a discriminator field ${codeSpan(tagName)} = ${JSON.stringify(tag[1])} with every other field zero-valued`,
    key: `tagged-enum:${patternPath(change.path)}:external-${external}:internal:${tagName}`,
    anchor: change.path,
    params: [`external-${external}`, 'internal', tagName],
    detail,
    covers: [change],
  };
}

export const taggedEnum: Pattern<'tagged-enum'> = {
  name: 'tagged-enum',
  meaning:
    'externally tagged enum (`{"Schema":{…}}`) vs a discriminator field (`{"Kind":"schema",…}`) or adjacent tag/content',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed', 'type'],
  recognise(changes) {
    const matches: PatternMatch<'tagged-enum'>[] = [];
    for (const group of withRetyped(changes)) {
      const baselineWraps = findIn(group.removed, group.added);
      if (baselineWraps !== undefined) matches.push(matchOf(group, baselineWraps, 'baseline'));
      else {
        const candidateWraps = findIn(group.added, group.removed);
        if (candidateWraps !== undefined) matches.push(matchOf(group, candidateWraps, 'candidate'));
      }
    }
    for (const change of changes) {
      const unit = unitVariant(change);
      if (unit !== undefined) matches.push(unit);
    }
    return matches;
  },
};
