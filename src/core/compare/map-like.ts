/**
 * Objects that behave like maps (ids as keys) and the path skeletons that
 * collapse their keys, so `{ "<uuid>": … }` is one path, not one per id —
 * Diffy's `JsonLifter.areMapInsteadofObjectKeys`, in our words.
 */

import { formatPointer, parsePointer } from '../../util/json-pointer.js';
import { testShort } from '../../util/short-text.js';
import { isJsonObject } from '../normalise/json.js';
import { VERSION_LIKE } from './endpoint.js';

/** More keys than this and an object is taken for a map whatever its keys look like. */
export const MAP_KEY_LIMIT = 50;

const ID_KEYS: readonly RegExp[] = [
  /^-?\d+$/, // numeric
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // uuid
  /^[0-9a-f]{16,}$/i, // long hex (object ids, hashes)
  /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i, // ULID
  /^[a-z]{2,8}_(?=[0-9A-Za-z]*\d)[0-9A-Za-z]{8,}$/, // prefixed ids: `usr_8f2k1m9q`
  VERSION_LIKE, // release versions: `{"versions": {"1.0.0": …, "1.0.1": …}}`
];

/** True for keys that look like generated ids (numbers, uuids, long hex, ULIDs, `usr_…`) or release versions. */
export function isIdKey(key: string): boolean {
  return ID_KEYS.some((pattern) => testShort(pattern, key));
}

/** An object with more than {@link MAP_KEY_LIMIT} keys, or whose keys all look like ids. */
export function isMapLike(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > MAP_KEY_LIMIT || (keys.length > 0 && keys.every(isIdKey));
}

/**
 * The skeleton paths (see {@link collapseSegments}) of every map-like object in
 * `value`. A map with many keys but ordinary names (`{"alice": …, "bob": …}`)
 * can only be recognised from the body, so this set travels with the paths.
 */
export function mapContainers(value: unknown, into: Set<string> = new Set()): Set<string> {
  walk(value, [], into);
  return into;
}

function walk(value: unknown, skeleton: string[], into: Set<string>): void {
  if (Array.isArray(value)) {
    skeleton.push('*');
    for (const item of value) walk(item, skeleton, into);
    skeleton.pop();
    return;
  }
  if (!isJsonObject(value)) return;
  const map = isMapLike(value);
  if (map) into.add(formatPointer(skeleton));
  for (const [key, child] of Object.entries(value)) {
    skeleton.push(map ? '*' : key);
    walk(child, skeleton, into);
    skeleton.pop();
  }
}

/**
 * Path segments with array indices, id-like keys and the keys of known map
 * containers replaced by `*`: `/users/u_12345678/tags/3` → `/users/*\/tags/*`.
 */
export function collapseSegments(
  segments: readonly string[],
  containers: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const inMap = containers.has(formatPointer(out));
    out.push(inMap || isIdKey(segment) ? '*' : segment);
  }
  return out;
}

/** {@link collapseSegments} on a pointer. */
export function collapsePath(pointer: string, containers?: ReadonlySet<string>): string {
  return formatPointer(collapseSegments(parsePointer(pointer), containers));
}

const unchanged = (path: string): string => path;

/**
 * For the changes of one comparison: each path with the keys of a map-like
 * object as `*`, where the changes alone show the map: more than
 * {@link MAP_KEY_LIMIT} different keys changed under one object (a map of
 * names, `{"alice": …, "bob": …}`, whose keys no id pattern knows). Two maps
 * of 20,000 users under other names are one change at `/*`, not 40,000.
 * The identity when no object has that many.
 */
export function mapKeysOf(paths: readonly string[]): (path: string) => string {
  // Each path names one key under each object it passes: no more paths, no map (most divergences).
  if (paths.length <= MAP_KEY_LIMIT) return unchanged;
  // The objects the paths pass, as a tree of numbers (0 the root; an object's
  // child under a key has a number of its own): each step is a lookup by one
  // segment, so a path costs its length. (Keyed by the prefix joined as text,
  // each step hashed the whole prefix: 2,000 paths 200 segments deep took
  // seconds, test/hostile/growth.test.ts.)
  const children: Map<string, number>[] = [new Map()];
  // Per object, the different keys changed under it (up to one past the limit).
  const keys: Set<string>[] = [new Set()];
  const childOf = (at: number, segment: string): number => {
    const under = children[at] as Map<string, number>;
    let child = under.get(segment);
    if (child === undefined) {
      child = children.push(new Map()) - 1;
      keys.push(new Set());
      under.set(segment, child);
    }
    return child;
  };
  for (const path of paths) {
    let at = 0;
    for (const segment of parsePointer(path)) {
      const under = keys[at] as Set<string>;
      if (under.size <= MAP_KEY_LIMIT) under.add(segment);
      at = childOf(at, segment);
    }
  }
  const maps = new Set<number>();
  keys.forEach((under, at) => {
    if (under.size > MAP_KEY_LIMIT) maps.add(at);
  });
  if (maps.size === 0) return unchanged;
  return (path) => {
    // A path not among `paths` may pass objects the tree lacks: none of them is a map.
    let at: number | undefined = 0;
    const out = parsePointer(path).map((segment) => {
      const key = at !== undefined && maps.has(at) ? '*' : segment;
      at = at === undefined ? undefined : children[at]?.get(segment);
      return key;
    });
    return formatPointer(out);
  };
}
