/**
 * `float-format`: the same number written another way (`"1"` vs `"1.0"`,
 * `1e21` vs `1e+21`, `0.50` vs `0.5`), visible in numeric strings and, with a
 * lossless parser, in numbers.
 */

import { codeSpan } from '../../../util/code-span.js';
import { numericText, sameDecimal } from '../../normalise/numbers.js';
import { phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

function hint({ field, runtimes }: PatternHintInput): FixHint {
  return {
    baseline: `write ${theField(field)} with the candidate's number formatting`,
    candidate: phrase(
      `write ${theField(field)} with the baseline's number formatting`,
      runtimes.candidate,
      {
        go: "`strconv.FormatFloat(f, 'f', -1, 64)` writes the shortest form",
        rust: 'serde_json writes what ryu gives, `1.0` for a float',
      },
    ),
  };
}

export const floatFormat: Pattern<'float-format'> = {
  name: 'float-format',
  meaning: 'the same number written differently (`1` vs `1.0`, `1e21` vs `1e+21`)',
  kindOf: () => 'value',
  hint,
  ops: ['value'],
  recognise(changes) {
    const matches: PatternMatch<'float-format'>[] = [];
    for (const change of changes) {
      if (change.op !== 'value') continue;
      // Two JS numbers that differ are two decimal values (each written in its
      // shortest form): never one number formatted two ways.
      if (typeof change.baseline === 'number' && typeof change.candidate === 'number') continue;
      const b = numericText(change.baseline);
      const c = numericText(change.candidate);
      if (b === undefined || c === undefined || b === c || !sameDecimal(b, c)) continue;
      const path = patternPath(change.path);
      matches.push({
        name: 'float-format',
        title: `${codeSpan(path)} number formatting`,
        explanation: `the number at ${codeSpan(change.path)} has the same value written differently: ${b} in baseline, ${c} in candidate`,
        key: `float-format:${path}`,
        anchor: change.path,
        params: [],
        detail: 'number formatting',
        covers: [change],
      });
    }
    return matches;
  },
};
