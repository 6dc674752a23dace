/**
 * `int-as-string`: an integer written as a JSON number on one side and as a
 * string on the other (64-bit ids as strings, `#[serde(with = "string")]`,
 * Go's `json:",string"`).
 */
import { isIntegerText, numericText, sameDecimal } from '../../normalise/numbers.js';
import { codeSpan } from '../../util/code-span.js';
import { bySide, sideOf, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

/** The same integer, exactly or (for a number a float64 could not hold) to float64 precision. */
function sameInteger(text: string, number: unknown): boolean {
  if (!isIntegerText(text)) return false;
  if (sameDecimal(text, number)) return true;
  // A number parsed into a float64 lost digits: the string is the exact value it stood for.
  return typeof number === 'number' && !Number.isSafeInteger(number) && Number(text) === number;
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const stringSide = sideOf(params[0]);
  const toNumber = [
    `write ${theField(field)} as a JSON number`,
    { go: 'drop the `,string` tag option', rust: 'drop `#[serde_as(as = "DisplayFromStr")]`' },
  ] as const;
  const toText = [
    `write ${theField(field)} as a string (64-bit ids lose precision in JavaScript above 2^53)`,
    {
      go: `\`json:"${field || 'id'},string"\``,
      rust: '`#[serde_as(as = "DisplayFromStr")]`',
      java: '`@JsonFormat(shape = JsonFormat.Shape.STRING)`',
    },
  ] as const;
  return { ...bySide(runtimes, stringSide, toNumber, toText), rule: 'numberStrings: true' };
}

export const intAsString: Pattern<'int-as-string'> = {
  name: 'int-as-string',
  meaning: 'an integer is a JSON number on one side and a string on the other (64-bit ids)',
  kindOf: () => 'shape',
  hint,
  ops: ['type'],
  recognise(changes) {
    const matches: PatternMatch<'int-as-string'>[] = [];
    for (const change of changes) {
      if (change.op !== 'type') continue;
      const { baseline, candidate } = change;
      const stringSide =
        typeof baseline === 'string' &&
        numericText(candidate) !== undefined &&
        typeof candidate !== 'string'
          ? 'baseline'
          : typeof candidate === 'string' &&
              numericText(baseline) !== undefined &&
              typeof baseline !== 'string'
            ? 'candidate'
            : undefined;
      if (stringSide === undefined) continue;
      const [text, number] =
        stringSide === 'baseline' ? [baseline, candidate] : [candidate, baseline];
      if (typeof text !== 'string' || !sameInteger(text, number)) continue;
      const path = patternPath(change.path);
      const detail = `integer as ${stringSide === 'baseline' ? 'string vs number' : 'number vs string'}`;
      matches.push({
        name: 'int-as-string',
        title: `${codeSpan(path)} ${detail}`,
        explanation: `${stringSide} writes the integer at ${codeSpan(change.path)} as a string (${JSON.stringify(text)}), the other side as a JSON number`,
        key: `int-as-string:${path}:${stringSide}-string`,
        anchor: change.path,
        params: [`${stringSide}-string`],
        detail,
        covers: [change],
      });
    }
    return matches;
  },
};
