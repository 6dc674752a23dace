/**
 * A map moved into a container with its values rewritten (issue 43, the
 * `nesting` pattern extended in session sixteen): one side writes a map at
 * the parent (`{"lists/": "1795…", "first.txt": "1795…"}`), the other under
 * one key with a richer value per entry (`{"items": {"first.txt": {"ETag":
 * …}, "lists/": {"ETag": …}}}`). The container's keys name loose members of
 * the other side, every one of them (one name only when it is all the
 * container holds, as for plain `nesting`), and each value went into its
 * entry: a scalar on one side, an object on the other holding it, or a
 * value of its format drawn per instance (each side's ETag). A value
 * changed into another scalar, or an entry that holds nothing of it (a
 * name shared by chance), is a change of its own. Pure.
 */

import { valueFormat } from '../../normalise/changed.js';
import { isJsonObject, type JsonObject } from '../../normalise/json.js';
import { equalJson, type Member, memberValue } from './util.js';

/**
 * A leaf's format when it says something of a drawn value: not `null`,
 * `true`/`false`, or a text of letters alone (`ok` and `no` share one).
 */
function leafFormat(value: unknown): string | undefined {
  const format = valueFormat(value);
  if (format === undefined || format === 'null' || format === 'boolean') return undefined;
  return /^text [a\s]*$/.test(format) ? undefined : format;
}

/**
 * A scalar whose entry on the other side is an object holding it under a
 * member, or holding a value of its format (each side's own ETag, id or
 * time): the value went into the richer entry.
 */
function heldInside(loose: unknown, entry: unknown): boolean {
  if (isJsonObject(loose) || Array.isArray(loose) || !isJsonObject(entry)) return false;
  const format = leafFormat(loose);
  return Object.values(entry).some(
    (inner) => equalJson(inner, loose) || (format !== undefined && leafFormat(inner) === format),
  );
}

/**
 * The loose members (in their order among the changes) that `container`'s
 * keys name, when every key names one and every value went into its entry
 * (`heldInside`): the map the other side writes at the parent, moved. None
 * when a key names no loose member (a container of other members, or a name
 * kept at the parent) or a value did not go into its entry (another value,
 * or the same value: plain `nesting`).
 */
export function entriesMovedInto(
  container: JsonObject,
  loose: ReadonlyMap<string, { readonly member: Member; readonly at: number }>,
): Member[] | undefined {
  const keys = Object.keys(container);
  if (keys.length === 0) return undefined;
  const moved: { member: Member; at: number }[] = [];
  for (const key of keys) {
    const found = loose.get(key);
    if (found === undefined) return undefined;
    moved.push(found);
  }
  if (!moved.every((m) => heldInside(memberValue(m.member), container[m.member.name]))) {
    return undefined;
  }
  return moved.sort((a, b) => a.at - b.at).map((m) => m.member);
}
