/**
 * The shared recogniser behind `nil-slice` and `nil-map`: an empty list (or
 * object) on one side is `null` or absent on the other (a collection left
 * unset, or dropped when empty). Its words are neutral: the runtimes'
 * reasons (a Go nil slice, `omitempty`) are in the fix hints, for a side
 * whose runtime is known.
 */
import type { Change } from '../../model/comparison.js';
import { isJsonObject } from '../../normalise/json.js';
import { codeSpan } from '../../util/code-span.js';
import { splitPath } from '../wording/phrases.js';
import type { PatternMatch, PatternName } from './types.js';
import { patternPath } from './util.js';

interface Collection {
  readonly name: Extract<PatternName, 'nil-slice' | 'nil-map'>;
  readonly empty: string;
  readonly noun: string;
  readonly isEmpty: (value: unknown) => boolean;
}

export const SLICE: Collection = {
  name: 'nil-slice',
  empty: '[]',
  noun: 'list',
  isEmpty: (v) => Array.isArray(v) && v.length === 0,
};

export const MAP: Collection = {
  name: 'nil-map',
  empty: '{}',
  noun: 'object',
  isEmpty: (v) => isJsonObject(v) && Object.keys(v).length === 0,
};

/** Which side has the empty collection and what the other side has instead. */
function shapeOf(change: Change, c: Collection) {
  const member = !/^\d+$/.test(splitPath(change.path).name);
  if (change.op === 'type' && c.isEmpty(change.baseline) && change.candidate === null) {
    return { empty: 'baseline', other: 'null' } as const;
  }
  if (change.op === 'type' && c.isEmpty(change.candidate) && change.baseline === null) {
    return { empty: 'candidate', other: 'null' } as const;
  }
  if (member && change.op === 'removed' && c.isEmpty(change.baseline)) {
    return { empty: 'baseline', other: 'absent' } as const;
  }
  if (member && change.op === 'added' && c.isEmpty(change.candidate)) {
    return { empty: 'candidate', other: 'absent' } as const;
  }
  return undefined;
}

/** Every change that is an empty collection vs null/absent. */
export function recogniseNil(changes: readonly Change[], c: Collection): PatternMatch[] {
  const matches: PatternMatch[] = [];
  for (const change of changes) {
    const shape = shapeOf(change, c);
    if (shape === undefined) continue;
    const otherSide = shape.empty === 'baseline' ? 'candidate' : 'baseline';
    const path = patternPath(change.path);
    const versus =
      shape.empty === 'baseline' ? `${c.empty} vs ${shape.other}` : `${shape.other} vs ${c.empty}`;
    matches.push({
      name: c.name,
      title: `${codeSpan(path)} ${versus}`,
      explanation: `${shape.empty} sends an empty ${c.noun} ${codeSpan(c.empty)} at ${codeSpan(change.path)} where ${otherSide} sends ${shape.other === 'null' ? '`null`' : 'nothing'}`,
      key: `${c.name}:${path}:${shape.empty}-empty:${shape.other}`,
      anchor: change.path,
      params: [`${shape.empty}-empty`, shape.other],
      detail: versus,
      covers: [change],
    });
  }
  return matches;
}
