/**
 * Plain-language explanation of shape changes, recognising cross-runtime
 * patterns by name: externally tagged enum vs discriminator field, and a
 * key-case convention change.
 */
import type { Change } from '../model.js';
import { isJsonObject } from '../normalise/json.js';
import { foldKey } from '../normalise/keys.js';
import { code, listSome, member, place, splitPath, typeName, where } from './explain-format.js';

/** Sentences for the explanation and a fragment for the one-line summary. */
export interface ShapeText {
  readonly sentences: readonly string[];
  readonly summary: string;
}

interface Member {
  readonly name: string;
  readonly change: Change;
}

interface Group {
  readonly parent: string;
  readonly removed: Member[];
  readonly added: Member[];
}

/** A finding within one group, plus the members it does not account for. */
interface Finding {
  readonly text: string;
  readonly summary: string;
  readonly removed: readonly Member[];
  readonly added: readonly Member[];
}

const CONVENTIONS: readonly (readonly [string, RegExp])[] = [
  ['snake_case', /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/],
  ['camelCase', /^[a-z][a-zA-Z0-9]*$/],
  ['PascalCase', /^[A-Z][a-zA-Z0-9]*$/],
  ['kebab-case', /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/],
  ['SCREAMING_SNAKE_CASE', /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/],
];

/** The first naming convention all keys follow, or `undefined` when mixed. */
export function conventionOf(keys: readonly string[]): string | undefined {
  return CONVENTIONS.find(([, pattern]) => keys.every((key) => pattern.test(key)))?.[0];
}

/** True for the `type` change `compareBodies` emits when the body kinds differ. */
export function isBodyKindChange(change: Change): boolean {
  // A JSON `type` change never has two objects, so two objects mean body descriptors.
  return (
    change.op === 'type' &&
    change.path === '' &&
    isJsonObject(change.baseline) &&
    isJsonObject(change.candidate)
  );
}

function kindName(descriptor: unknown): string {
  if (!isJsonObject(descriptor)) return 'unknown';
  const kind = String(descriptor['kind']);
  const type = descriptor['type'];
  if (kind === 'json') return typeof type === 'string' ? `JSON (${type})` : 'JSON';
  return kind === 'invalid-json' ? 'invalid JSON' : `a ${kind} body`;
}

function groupMembers(changes: readonly Change[]): Group[] {
  const groups = new Map<string, Group>();
  for (const change of changes) {
    if (change.op !== 'added' && change.op !== 'removed') continue;
    const { parent, name } = splitPath(change.path);
    let group = groups.get(parent);
    if (group === undefined) {
      group = { parent, removed: [], added: [] };
      groups.set(parent, group);
    }
    (change.op === 'added' ? group.added : group.removed).push({ name, change });
  }
  return [...groups.values()];
}

function renames(pairs: readonly (readonly [string, string])[]): string {
  return listSome(pairs.map(([from, to]) => `\`${from}\`→\`${to}\``));
}

/** Both sides' naming conventions, when each side has one and they differ. */
function conventions(
  pairs: readonly (readonly [string, string])[],
): { readonly before: string; readonly after: string } | undefined {
  const before = conventionOf(pairs.map(([from]) => from));
  const after = conventionOf(pairs.map(([, to]) => to));
  return before !== undefined && after !== undefined && before !== after
    ? { before, after }
    : undefined;
}

/** Object keys only: a numeric name is an array element, which has no spelling. */
function keysOf(members: readonly Member[]): Member[] {
  return members.filter((m) => !/^\d+$/.test(m.name));
}

/** First member per folded key; lookups keep pattern detection linear. */
function byFoldedName(members: readonly Member[]): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const m of members) if (!map.has(foldKey(m.name))) map.set(foldKey(m.name), m);
  return map;
}

function tagsByFoldedValue(members: readonly Member[]): Map<string, Member> {
  const map = new Map<string, Member>();
  for (const m of members) {
    const value = m.change.candidate;
    if (typeof value === 'string' && !map.has(foldKey(value))) map.set(foldKey(value), m);
  }
  return map;
}

function taggedEnum(group: Group): Finding | undefined {
  const added = keysOf(group.added);
  const tags = tagsByFoldedValue(added);
  const fields = byFoldedName(added);
  for (const wrapper of keysOf(group.removed)) {
    const inner = wrapper.change.baseline;
    const tag = tags.get(foldKey(wrapper.name));
    if (!isJsonObject(inner) || tag === undefined) continue;
    const pairs: [string, string][] = [];
    const used = new Set<Member>([tag]);
    for (const key of Object.keys(inner)) {
      const field = fields.get(foldKey(key));
      if (field === undefined || field === tag) break;
      pairs.push([key, field.name]);
      used.add(field);
    }
    if (pairs.length !== Object.keys(inner).length) continue;
    const recased = pairs.some(([from, to]) => from !== to);
    const fieldText = recased
      ? `with ${conventionOf(pairs.map(([, to]) => to)) ?? 'renamed'} fields (${renames(pairs)})`
      : 'with the same fields inline';
    return {
      text: `baseline wraps the variant in a key \`${wrapper.name}\` (serde externally tagged enum); candidate uses a discriminator field \`${tag.name}\` = ${JSON.stringify(tag.change.candidate)} ${fieldText}`,
      summary: `tagged enum \`${wrapper.name}\` vs discriminator \`${tag.name}\``,
      removed: group.removed.filter((m) => m !== wrapper),
      added: group.added.filter((m) => !used.has(m)),
    };
  }
  return undefined;
}

/** Pair removed and added keys that fold to the same name but are spelled differently. */
function keyCase(group: Group): Finding | undefined {
  const added = byFoldedName(keysOf(group.added));
  const pairs: [Member, Member][] = [];
  for (const r of keysOf(group.removed)) {
    const a = added.get(foldKey(r.name));
    if (a !== undefined && a.name !== r.name) pairs.push([r, a]);
  }
  if (pairs.length === 0) return undefined;
  const names = pairs.map(([r, a]) => [r.name, a.name] as const);
  const found = conventions(names);
  const paired = new Set(pairs.flat());
  return {
    text: `${found === undefined ? 'keys change case' : `keys are ${found.before} in baseline and ${found.after} in candidate`}: ${renames(names)}`,
    summary: found === undefined ? 'key case differs' : `keys ${found.before} → ${found.after}`,
    removed: group.removed.filter((m) => !paired.has(m)),
    added: group.added.filter((m) => !paired.has(m)),
  };
}

function generic(removed: readonly Member[], added: readonly Member[]): string {
  const parts: string[] = [];
  const describe = (m: Member, value: unknown) => `\`${m.name}\` (${typeName(value)})`;
  if (removed.length === 1 && removed[0] !== undefined) {
    const only = removed[0];
    parts.push(
      `baseline has ${member(only.name)} (${typeName(only.change.baseline)}) that candidate lacks`,
    );
  } else if (removed.length > 1) {
    parts.push(
      `baseline has ${listSome(removed.map((m) => describe(m, m.change.baseline)))} that candidate lacks`,
    );
  }
  if (added.length > 0) {
    parts.push(`candidate adds ${listSome(added.map((m) => describe(m, m.change.candidate)))}`);
  }
  return parts.join('; ');
}

function explainGroup(group: Group): { text: string; summary: string } {
  const finding = taggedEnum(group) ?? keyCase(group);
  if (finding === undefined) {
    const counts = `${group.removed.length} removed, ${group.added.length} added`;
    return {
      text: generic(group.removed, group.added),
      summary: `shape differs ${where(group.parent)} (${counts})`,
    };
  }
  const rest = generic(finding.removed, finding.added);
  const at = group.parent === '' ? '' : ` ${where(group.parent)}`;
  return {
    text: rest === '' ? finding.text : `${finding.text}; also ${rest}`,
    summary: `${finding.summary}${at}`,
  };
}

function typeSentence(changes: readonly Change[]): string | undefined {
  const types = changes.filter((c) => c.op === 'type');
  const first = types[0];
  if (first === undefined) return undefined;
  if (types.length === 1) {
    return `Type changed ${first.path === '' ? 'for the whole body' : `at ${code(first.path)}`}: ${typeName(first.baseline)} in baseline, ${typeName(first.candidate)} in candidate.`;
  }
  const items = types.map(
    (c) => `${code(c.path)} (${typeName(c.baseline)} → ${typeName(c.candidate)})`,
  );
  return `Types changed at ${types.length} paths: ${listSome(items)}.`;
}

/** Explain the shape changes (`added`, `removed`, `type`) of one comparison. */
export function explainShape(changes: readonly Change[]): ShapeText | undefined {
  const kindChange = changes.find(isBodyKindChange);
  if (kindChange !== undefined) {
    const [b, c] = [kindName(kindChange.baseline), kindName(kindChange.candidate)];
    return {
      sentences: [`Body kind differs: baseline sent ${b}, candidate sent ${c}.`],
      summary: `body ${b} vs ${c}`,
    };
  }
  const groups = groupMembers(changes);
  const sentences: string[] = [];
  let summary = '';
  const first = groups[0];
  if (first !== undefined) {
    const text = explainGroup(first);
    sentences.push(`Shape differs ${where(first.parent)}: ${text.text}.`);
    summary = text.summary;
    if (groups.length > 1) {
      sentences.push(
        `Shape also differs at ${listSome(groups.slice(1).map((g) => place(g.parent)))}.`,
      );
    }
  }
  const types = typeSentence(changes);
  if (types !== undefined) sentences.push(types);
  if (summary === '' && types !== undefined) {
    const type = changes.find((c) => c.op === 'type');
    summary = `type changed at ${code(type?.path ?? '')}`;
  }
  return sentences.length === 0 ? undefined : { sentences, summary };
}
