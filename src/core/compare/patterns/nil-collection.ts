/**
 * The shared recogniser behind `nil-slice` and `nil-map`: an empty list (or
 * object) on one side is `null` or absent on the other (a collection left
 * unset, or dropped when empty). Its words are neutral: the runtimes'
 * reasons (a Go nil slice, `omitempty`) are in the fix hints, for a side
 * whose runtime is known.
 *
 * An empty list written as `null` is one decision whatever field shows it
 * (an encoder that writes every nil list as `null`: Go's encoding/json): its
 * root cause is keyed by the direction only (`ANY_FIELD`), and its row lists
 * the fields. An empty list or object left out (absent) is a choice made per
 * field (`omitempty`, `skip_serializing_if`): keyed by field, as an empty
 * object written as `null` is.
 */

import type { Change } from '../../../contract/observation.js';
import type { ChangeOp } from '../../../contract/vocabulary.js';
import { codeSpan } from '../../../util/code-span.js';
import { isJsonObject } from '../../normalise/json.js';
import { splitPath } from '../wording/phrases.js';
import { bySide, sideOf, theField } from './advice.js';
import { ANY_FIELD, type FixHint, type PatternHintInput, type PatternMatch } from './types.js';
import { patternPath } from './util.js';

interface Collection<N extends 'nil-slice' | 'nil-map'> {
  readonly name: N;
  readonly empty: string;
  readonly noun: string;
  readonly isEmpty: (value: unknown) => boolean;
}

/** The ops `shapeOf` reads: an empty collection against `null` (`type`) or against absent. */
export const NIL_OPS: readonly ChangeOp[] = ['added', 'removed', 'type'];

export const SLICE: Collection<'nil-slice'> = {
  name: 'nil-slice',
  empty: '[]',
  noun: 'list',
  isEmpty: (v) => Array.isArray(v) && v.length === 0,
};

export const MAP: Collection<'nil-map'> = {
  name: 'nil-map',
  empty: '{}',
  noun: 'object',
  isEmpty: (v) => isJsonObject(v) && Object.keys(v).length === 0,
};

/** Which side has the empty collection and what the other side has instead. */
function shapeOf(change: Change, c: Collection<'nil-slice' | 'nil-map'>) {
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
export function recogniseNil<N extends 'nil-slice' | 'nil-map'>(
  changes: readonly Change[],
  c: Collection<N>,
): PatternMatch<N>[] {
  const matches: PatternMatch<N>[] = [];
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
      ...(c.name === 'nil-slice' && shape.other === 'null' ? { field: ANY_FIELD } : {}),
      params: [`${shape.empty}-empty`, shape.other],
      detail: versus,
      covers: [change],
    });
  }
  return matches;
}

/** The fix hint of a nil collection: `kind` says how each runtime writes and makes it. */
export function nilHint(
  { field, params, runtimes }: PatternHintInput,
  kind: { noun: string; make: string; empty: string; rust: string },
): FixHint {
  const emptySide = sideOf(params[0]);
  const absent = params[1] === 'absent';
  // A cause of every field (an empty list written as `null`): its words name no field.
  const every = field === ANY_FIELD;
  const toEmpty = [
    every
      ? `send an empty ${kind.noun === 'slice' ? 'list' : 'object'} ${codeSpan(kind.empty)} wherever it sends \`null\` for one`
      : `send an empty ${kind.noun === 'slice' ? 'list' : 'object'} ${codeSpan(kind.empty)} for ${theField(field)}`,
    {
      go: `initialise it (${codeSpan(kind.make)}) before encoding (encoding/json writes a nil ${kind.noun} as \`null\`${absent ? '; and drop `omitempty`' : ''})`,
      rust: `a plain ${codeSpan(kind.rust)} always writes ${codeSpan(kind.empty)}`,
      node: `default it to ${codeSpan(kind.empty)}`,
      python: `default it to an empty value (\`Field(default_factory=${kind.noun === 'slice' ? 'list' : 'dict'})\`)`,
      protobuf: `\`protojson.MarshalOptions{EmitUnpopulated: true}\` writes an empty ${kind.noun === 'slice' ? 'repeated' : 'map'} field as ${codeSpan(kind.empty)} (protojson leaves it out by default; in a gRPC gateway, set it through \`runtime.WithMarshalerOption\`)`,
    },
  ] as const;
  const toNil = absent
    ? ([
        `omit ${theField(field)} when empty`,
        {
          rust: `\`#[serde(skip_serializing_if = "${kind.rust.split('<')[0]}::is_empty")]\``,
          go: '`omitempty`',
          java: '`@JsonInclude(JsonInclude.Include.NON_EMPTY)`',
          protobuf: `protojson leaves an empty ${kind.noun === 'slice' ? 'repeated' : 'map'} field out unless \`EmitUnpopulated\` is set`,
        },
      ] as const)
    : ([
        every
          ? `send \`null\` for every empty ${kind.noun === 'slice' ? 'list' : 'object'}`
          : `send \`null\` for an empty ${theField(field)}`,
        { rust: `\`Option<${kind.rust}>\` set to \`None\``, go: `leave the ${kind.noun} nil` },
      ] as const);
  const rule = absent ? 'emptyEqualsNull: true, nullEqualsAbsent: true' : 'emptyEqualsNull: true';
  return { ...bySide(runtimes, emptySide, toNil, toEmpty), rule };
}
