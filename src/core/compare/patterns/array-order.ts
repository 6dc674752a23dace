/**
 * `array-order`: an array holds the same elements in another order (a map
 * iterated in random order, a missing ORDER BY).
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { yamlScalar } from '../../../util/yaml-scalar.js';
import { splitPath } from '../wording/phrases.js';
import { both, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

function hint({ field, runtimes }: PatternHintInput): FixHint {
  return {
    ...both(
      runtimes,
      `sort ${theField(field)} as the candidate does`,
      `sort ${theField(field)} as the baseline does (an ORDER BY, a sorted map)`,
      {
        go: '`sort.Slice`, or range over sorted map keys',
        rust: 'a `BTreeMap` instead of a `HashMap`',
      },
    ),
    rule: `sortArrays: [${yamlScalar(field === '' ? '/' : `/**/${field}`)}]`,
  };
}

export const arrayOrder: Pattern<'array-order'> = {
  name: 'array-order',
  meaning: 'the same array elements in another order',
  kindOf: () => 'value',
  hint,
  ops: ['moved'],
  recognise(changes) {
    const byArray = new Map<string, Change[]>();
    for (const change of changes) {
      if (change.op !== 'moved') continue;
      const { parent } = splitPath(change.path);
      byArray.set(parent, [...(byArray.get(parent) ?? []), change]);
    }
    const matches: PatternMatch<'array-order'>[] = [];
    for (const [array, moves] of byArray) {
      const path = patternPath(array);
      const place = array === '' ? 'the body' : `${codeSpan(array)}`;
      matches.push({
        name: 'array-order',
        title: `${codeSpan(path === '' ? '/' : path)} array order`,
        explanation: `the array ${place} has its elements in another order (${moves.length} moved)`,
        key: `array-order:${path}`,
        anchor: array,
        params: [],
        detail: 'array order',
        covers: moves,
      });
    }
    return matches;
  },
};
