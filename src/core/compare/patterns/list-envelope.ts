/**
 * `list-envelope`: one side answers a list where the other answers an object
 * holding that list under one key, beside its own members (a page: `data`
 * beside `first`, `next`, `pages`). The differ sees one type change per
 * endpoint (`GET /posts: body array vs object`, then `GET /tags: …`); a
 * person sees one decision, the envelope, however many list endpoints show
 * it. The two lists must hold the same kind of element (objects sharing
 * at least half of their keys, or values of one type), or both be empty,
 * and the key must not be one an error sits under (`error-envelope`'s keys:
 * `errors`, `details`, …): an error object that happens to hold a list is
 * not a page of the other side's list.
 */

import type { Side } from '../../../contract/model/runtime.js';
import { codeSpan } from '../../../util/code-span.js';
import { isJsonObject, jsonType } from '../../normalise/json.js';
import { bySide, otherSide, sideOf } from './advice.js';
import { ENVELOPE_KEYS } from './error-envelope.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { at, namedKeys, patternPath } from './util.js';

/** How many of the envelope's other members an explanation names. */
const NAMED = 4;

/** Two list elements of one kind: objects sharing at least half of their keys, or one JSON type. */
function sameKind(a: unknown, b: unknown): boolean {
  if (!isJsonObject(a) || !isJsonObject(b)) return jsonType(a) === jsonType(b);
  const keys = Object.keys(a);
  const other = new Set(Object.keys(b));
  const shared = keys.filter((key) => other.has(key)).length;
  return shared > 0 && shared * 2 >= Math.max(keys.length, other.size);
}

/** The key of the one list `object` holds, when it holds exactly one and it lists what `list` does. */
function envelopeKey(object: unknown, list: readonly unknown[]): string | undefined {
  if (!isJsonObject(object)) return undefined;
  const lists = Object.keys(object).filter((key) => Array.isArray(object[key]));
  const [key] = lists;
  if (key === undefined || lists.length !== 1) return undefined;
  // A list under an error's key (`{"errors": […]}`) is no page of the other side's list.
  if (ENVELOPE_KEYS.has(key)) return undefined;
  const wrapped = object[key] as readonly unknown[];
  // A list and an empty one are no evidence of one list: both empty, or alike.
  if (wrapped.length === 0 || list.length === 0)
    return wrapped.length === list.length ? key : undefined;
  return sameKind(wrapped[0], list[0]) ? key : undefined;
}

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const wrapping = sideOf(params[0]);
  const other = otherSide(wrapping);
  const name = params[1] ?? 'data';
  const key = codeSpan(name);
  return bySide(
    runtimes,
    wrapping,
    [
      `answer the list itself, not an object holding it under ${key}, as the ${other} does`,
      {
        go: 'encode the slice (`json.NewEncoder(w).Encode(items)`), not the page struct',
        rust: 'answer `Json(items)`, not the page struct',
        node: `\`res.json(items)\`, not \`res.json({ ${name}: items, … })\``,
        python: 'return the list, not the page model',
      },
    ],
    [
      `answer lists in an object, under ${key}, as the ${wrapping} does (with its other members: a page's \`next\`, counts)`,
      {
        go: `encode a page struct whose list field is tagged \`json:"${name}"\``,
        rust: `answer a page struct whose list field serializes as ${key}`,
        node: `\`res.json({ ${name}: items, … })\``,
        python: `return a page model whose list field is ${key}`,
      },
    ],
  );
}

export const listEnvelope: Pattern<'list-envelope'> = {
  name: 'list-envelope',
  meaning:
    'a list on one side, an object holding that list under one key on the other (a page: `data` beside `first`, `next`, …)',
  kindOf: () => 'shape',
  hint,
  ops: ['type'],
  recognise(changes) {
    const matches: PatternMatch<'list-envelope'>[] = [];
    for (const change of changes) {
      if (change.op !== 'type') continue;
      const { baseline, candidate } = change;
      const [wrapping, list, object]: [Side, unknown, unknown] | [undefined, unknown, unknown] =
        Array.isArray(baseline)
          ? ['candidate', baseline, candidate]
          : Array.isArray(candidate)
            ? ['baseline', candidate, baseline]
            : [undefined, undefined, undefined];
      if (wrapping === undefined || !Array.isArray(list)) continue;
      const key = envelopeKey(object, list);
      if (key === undefined || !isJsonObject(object)) continue;
      const beside = Object.keys(object).filter((k) => k !== key);
      const besideWords = beside.length === 0 ? '' : `, beside ${namedKeys(beside, NAMED)}`;
      const other = otherSide(wrapping);
      const detail = `${wrapping} wraps lists in an object under ${codeSpan(key)}`;
      const params = [`${wrapping}-wraps`, key];
      matches.push({
        name: 'list-envelope',
        title: `${detail}${at(change.path)}`,
        explanation: `${wrapping} answers the list${change.path === '' ? '' : ` at ${codeSpan(change.path)}`} in an object, under ${codeSpan(key)}${besideWords}, where ${other} answers the list itself`,
        key: `list-envelope:${patternPath(change.path)}:${params.join(':')}`,
        anchor: change.path,
        params,
        detail,
        covers: [change],
      });
    }
    return matches;
  },
};
