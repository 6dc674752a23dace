/**
 * `int-as-string`: an integer written as a JSON number on one side and as a
 * string on the other (64-bit ids as strings, `#[serde(with = "string")]`,
 * Go's `json:",string"`, the proto3 JSON mapping's `int64`). The string may hold the same integer, or an
 * identifier of another scheme where the other side writes an integer (an
 * auto-incremented `6` against a generated `"4df2"` or a UUID): ids each
 * side generates for itself never hold the same digits, yet they are the
 * one decision the copied ids show ("the ids are strings"), so both are one
 * root cause at the field.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { GENERATED_TOKEN } from '../../normalise/generated.js';
import { isIntegerText, numberOfText, numericText, sameDecimal } from '../../normalise/numbers.js';
import { bySide, sideOf, tagName, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

/** The same integer, exactly or (for a number a float64 could not hold) to float64 precision. */
function sameInteger(text: string, number: unknown): boolean {
  if (!isIntegerText(text)) return false;
  if (sameDecimal(text, number)) return true;
  // A number parsed into a float64 lost digits: the string is the exact value it stood for.
  return typeof number === 'number' && !Number.isSafeInteger(number) && Number(text) === number;
}

/**
 * An identifier as services generate one: 4 to 64 letters, digits, `-` or
 * `_`, at least one of them a digit (hex ids, UUIDs, ULIDs, nanoids, Mongo
 * ObjectIds); never a word (`"active"`), a sentence or a decimal number.
 */
const GENERATED_ID = /^(?=[^0-9]*[0-9])[A-Za-z0-9_-]{4,64}$/;

/**
 * A hex id that happens to hold no digit (`"ccfc"`, `"beef"`: json-server
 * 1.0's four hex digits are letters alone about once in fifty): lower or
 * upper case hex letters only. The words it also reads (`"cafe"`,
 * `"decade"`) are no status where the other side writes an integer.
 */
const HEX_LETTERS_ID = /^(?:[a-f]{4,64}|[A-F]{4,64})$/;

/**
 * The string is that integer (`same`), another integer (`other`: the family
 * is keyed on the types, and the values' difference is a question of its
 * own), or an identifier of another scheme written where the other side
 * writes an integer.
 */
export function sameOrIdentifier(
  text: string,
  number: unknown,
): 'same' | 'other' | 'identifier' | undefined {
  if (sameInteger(text, number)) return 'same';
  // Each side's own value, set aside by the run's evidence (`{{generated}}`): the type is the question left.
  if (text === GENERATED_TOKEN && isIntegerText(numericText(number) ?? '')) return 'same';
  const integer =
    (typeof number === 'number' && Number.isInteger(number)) ||
    isIntegerText(numericText(number) ?? '');
  if (integer && isIntegerText(text)) return 'other';
  const id = GENERATED_ID.test(text) || HEX_LETTERS_ID.test(text);
  return integer && id ? 'identifier' : undefined;
}

/** `"2"` against `1`: the value question the type family leaves, both sides as numbers. */
function valueLeft(change: Change, stringSide: 'baseline' | 'candidate'): Change {
  const asNumber = (value: unknown) => (typeof value === 'string' ? numberOfText(value) : value);
  return {
    op: 'value',
    path: change.path,
    baseline: stringSide === 'baseline' ? asNumber(change.baseline) : change.baseline,
    candidate: stringSide === 'candidate' ? asNumber(change.candidate) : change.candidate,
  };
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const stringSide = sideOf(params[0]);
  const toNumber = [
    `write ${theField(field)} as a JSON number`,
    {
      go: 'drop the `,string` tag option',
      rust: 'drop `#[serde_as(as = "DisplayFromStr")]`',
      protobuf:
        'the proto3 JSON mapping writes 64-bit integers (`int64`, `uint64`, `fixed64`) as strings by design; only a 32-bit type (`int32`, `uint32`) is written as a number, so the other side usually adapts',
    },
  ] as const;
  const toText = [
    `write ${theField(field)} as a string (64-bit ids lose precision in JavaScript above 2^53)`,
    {
      go: `\`json:"${tagName(field, 'id')},string"\``,
      rust: '`#[serde_as(as = "DisplayFromStr")]`',
      java: '`@JsonFormat(shape = JsonFormat.Shape.STRING)`',
      protobuf:
        'declare it `int64` (or `uint64`) in the .proto: the proto3 JSON mapping writes 64-bit integers as strings',
    },
  ] as const;
  return { ...bySide(runtimes, stringSide, toNumber, toText), rule: 'numberStrings: true' };
}

export const intAsString: Pattern<'int-as-string'> = {
  name: 'int-as-string',
  meaning:
    'an integer is a JSON number on one side and a string on the other (64-bit ids, or ids of another scheme)',
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
      const written = typeof text === 'string' ? sameOrIdentifier(text, number) : undefined;
      if (written === undefined) continue;
      const path = patternPath(change.path);
      const detail = `integer as ${stringSide === 'baseline' ? 'string vs number' : 'number vs string'}`;
      const other = stringSide === 'baseline' ? 'candidate' : 'baseline';
      matches.push({
        name: 'int-as-string',
        title: `${codeSpan(path)} ${detail}`,
        explanation:
          written !== 'identifier'
            ? `${stringSide} writes the integer at ${codeSpan(change.path)} as a string (${text === GENERATED_TOKEN ? "each side's own value, set aside as per-instance" : JSON.stringify(text)}), the other side as a JSON number`
            : `${stringSide} writes the identifier at ${codeSpan(change.path)} as a string (${JSON.stringify(text)}), ${other} as a JSON integer (${numericText(number) ?? String(number)}): the two sides number their records differently, and the field's type differs with it`,
        key: `int-as-string:${path}:${stringSide}-string`,
        anchor: change.path,
        params: [`${stringSide}-string`],
        detail,
        covers: [change],
        ...(written === 'other' ? { leaves: [valueLeft(change, stringSide)] } : {}),
      });
    }
    return matches;
  },
};
