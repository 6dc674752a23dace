/**
 * `empty-object`: an object is empty (`{}`) on one side and holds members on
 * the other: a DELETE that answers `{}` where the other side answers the
 * deleted record, a `meta: {}` against a filled one. The differ makes it one
 * `type` change at the object (`core/compare/empty-objects.ts`), so it is one
 * decision however many members the filled object has. At the body itself
 * the cause is one per request method (`scope`): a DELETE's `{}` and a
 * login's `{}` are two decisions, a DELETE of posts and of comments one.
 */

import { codeSpan } from '../../../util/code-span.js';
import { isJsonObject } from '../../normalise/json.js';
import { bySide, sideOf, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { membersWords, patternPath } from './util.js';

/** The keys of the filled object, when `change` is `{}` on exactly one side and an object on both. */
function filledKeys(
  baseline: unknown,
  candidate: unknown,
): { readonly empty: 'baseline' | 'candidate'; readonly keys: readonly string[] } | undefined {
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return undefined;
  const b = Object.keys(baseline);
  const c = Object.keys(candidate);
  if (b.length === 0 && c.length > 0) return { empty: 'baseline', keys: c };
  if (c.length === 0 && b.length > 0) return { empty: 'candidate', keys: b };
  return undefined;
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const emptySide = sideOf(params[0]);
  const what = field === '' ? 'the answer' : theField(field);
  const fill = [
    `write ${what} with its members, as the other side does (a DELETE: the deleted record)`,
    {
      go: 'encode the record (`json.NewEncoder(w).Encode(record)`) where the handler writes `{}`',
      rust: 'answer `Json(record)` where the handler answers `Json(json!({}))`',
      node: 'answer `res.json(record)` where the handler answers `res.json({})`',
      python: 'return the record where the view returns `{}`',
    },
  ] as const;
  const empty = [
    `write ${what} as an empty object \`{}\`, as the other side does`,
    {
      go: 'write `{}` (`json.NewEncoder(w).Encode(struct{}{})`) instead of the record',
      rust: 'answer `Json(json!({}))` instead of the record',
      node: 'answer `res.json({})` instead of the record',
      python: 'return `{}` instead of the record',
    },
  ] as const;
  return { ...bySide(runtimes, emptySide, fill, empty) };
}

export const emptyObject: Pattern<'empty-object'> = {
  name: 'empty-object',
  meaning:
    'an object is empty (`{}`) on one side and holds members on the other (a DELETE answering `{}` against the deleted record)',
  kindOf: () => 'shape',
  hint,
  ops: ['type'],
  recognise(changes) {
    const matches: PatternMatch<'empty-object'>[] = [];
    for (const change of changes) {
      if (change.op !== 'type') continue;
      const found = filledKeys(change.baseline, change.candidate);
      if (found === undefined) continue;
      const { empty, keys } = found;
      const filled = empty === 'baseline' ? 'candidate' : 'baseline';
      const path = patternPath(change.path);
      const detail = empty === 'baseline' ? '`{}` vs an object' : 'an object vs `{}`';
      const place = change.path === '' ? 'answers' : `writes ${codeSpan(change.path)} as`;
      matches.push({
        name: 'empty-object',
        title: change.path === '' ? `body ${detail}` : `${codeSpan(path)} ${detail}`,
        explanation: `${empty} ${place} an empty object where ${filled} ${change.path === '' ? 'answers' : 'writes'} ${membersWords(keys)}`,
        key: `empty-object:${path}:${empty}-empty`,
        anchor: change.path,
        params: [`${empty}-empty`],
        detail,
        ...(change.path === '' ? { scope: 'method' as const } : {}),
        covers: [change],
      });
    }
    return matches;
  },
};
