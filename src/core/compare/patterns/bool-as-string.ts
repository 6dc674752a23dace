/**
 * `bool-as-string`: a boolean written as a JSON boolean on one side and as
 * the string `"true"`/`"false"` on the other (a value formatted as text, a
 * query parameter echoed as received, a form field stored unconverted).
 * Keyed on the types: where the two booleans also differ (`"false"` vs
 * `true`), that is a value question of its own (`leaves`), never the reason
 * the family is missed.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { bySide, sideOf, tagName, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

/** `"true"`, `"False"`, `"TRUE"`: a boolean as text, in any letter case. */
const BOOLEAN_TEXT = /^(?:true|false)$/i;

/** The boolean a string writes, if it writes one. */
function booleanOfText(value: unknown): boolean | undefined {
  if (typeof value !== 'string' || !BOOLEAN_TEXT.test(value)) return undefined;
  return value.toLowerCase() === 'true';
}

/** The side that writes the string, when the other writes a boolean. */
function stringSideOf({ baseline, candidate }: Change): 'baseline' | 'candidate' | undefined {
  if (typeof candidate === 'boolean' && booleanOfText(baseline) !== undefined) return 'baseline';
  if (typeof baseline === 'boolean' && booleanOfText(candidate) !== undefined) return 'candidate';
  return undefined;
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const stringSide = sideOf(params[0]);
  const toBoolean = [
    `write ${theField(field)} as a JSON boolean`,
    { go: 'drop the `,string` tag option', rust: 'drop `#[serde_as(as = "DisplayFromStr")]`' },
  ] as const;
  const toText = [
    `write ${theField(field)} as the string "true" or "false"`,
    {
      go: `\`json:"${tagName(field, 'flag')},string"\``,
      rust: '`#[serde_as(as = "DisplayFromStr")]`',
      java: '`@JsonFormat(shape = JsonFormat.Shape.STRING)`',
    },
  ] as const;
  return bySide(runtimes, stringSide, toBoolean, toText);
}

export const boolAsString: Pattern<'bool-as-string'> = {
  name: 'bool-as-string',
  meaning: 'a boolean is a JSON boolean on one side and the string "true"/"false" on the other',
  kindOf: () => 'shape',
  hint,
  ops: ['type'],
  recognise(changes) {
    const matches: PatternMatch<'bool-as-string'>[] = [];
    for (const change of changes) {
      if (change.op !== 'type') continue;
      const stringSide = stringSideOf(change);
      if (stringSide === undefined) continue;
      const baseline = booleanOfText(change.baseline) ?? change.baseline;
      const candidate = booleanOfText(change.candidate) ?? change.candidate;
      const path = patternPath(change.path);
      const detail = `boolean as ${stringSide === 'baseline' ? 'string vs boolean' : 'boolean vs string'}`;
      const text = stringSide === 'baseline' ? change.baseline : change.candidate;
      matches.push({
        name: 'bool-as-string',
        title: `${codeSpan(path)} ${detail}`,
        explanation: `${stringSide} writes the boolean at ${codeSpan(change.path)} as a string (${JSON.stringify(text)}), the other side as a JSON boolean`,
        key: `bool-as-string:${path}:${stringSide}-string`,
        anchor: change.path,
        params: [`${stringSide}-string`],
        detail,
        covers: [change],
        ...(baseline === candidate
          ? {}
          : { leaves: [{ op: 'value', path: change.path, baseline, candidate }] }),
      });
    }
    return matches;
  },
};
