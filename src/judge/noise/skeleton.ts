/**
 * The shape of a JSON body as a set of `path type` lines, with array indices
 * and map keys collapsed: two responses with the same skeleton differ only in
 * values (noise); different skeletons are a structural difference.
 */

import { isMapLike } from '../../core/compare/map-like.js';
import { isJsonObject, jsonType } from '../../core/normalise/json.js';
import { formatPointer } from '../../util/json-pointer.js';

/** Every node of `value` as `pointer type` (e.g. `/items/*\/id number`). */
export function skeletonOf(value: unknown): Set<string> {
  const out = new Set<string>();
  walk(value, [], out);
  return out;
}

function walk(value: unknown, path: string[], out: Set<string>): void {
  out.add(`${formatPointer(path)} ${jsonType(value)}`);
  if (Array.isArray(value)) {
    path.push('*');
    for (const item of value) walk(item, path, out);
    path.pop();
  } else if (isJsonObject(value)) {
    const map = isMapLike(value);
    for (const [key, child] of Object.entries(value)) {
      path.push(map ? '*' : key);
      walk(child, path, out);
      path.pop();
    }
  }
}

/**
 * Lines present in one skeleton only, each prefixed with the side that has it
 * (`+` replica only, `-` baseline only), sorted; empty when the shapes agree.
 */
export function skeletonDifference(
  baseline: ReadonlySet<string>,
  replica: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const line of baseline) if (!replica.has(line)) out.push(`- ${line}`);
  for (const line of replica) if (!baseline.has(line)) out.push(`+ ${line}`);
  return out.sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : a.slice(2) > b.slice(2) ? 1 : 0));
}
