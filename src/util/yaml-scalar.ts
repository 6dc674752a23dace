/**
 * A value as it can be pasted into a YAML flow collection (`ignore: [ … ]`,
 * `{ baseline: …, candidate: … }`) and read back as the same string: plain
 * when it holds only characters YAML reads literally there, otherwise
 * double-quoted. A JSON string is a valid YAML double-quoted scalar with the
 * same escapes, so a key holding `, `, `]`, `: `, ` #` or a line break gives a
 * rule that parses and names that key. Other controls and the characters
 * that reorder text are written as YAML escapes (`\x7f`, `\u202e`): a rule
 * is always printable as it is. Pure.
 */

import { printable } from './code-span.js';

/** Starts with a letter, digit, `/`, `_` or `.`; holds nothing a flow collection reads as syntax. */
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./*~$+-]*$/;

/** Words YAML would read as something other than a string (hex, octal and binary numbers too). */
const TYPED =
  /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\.?[0-9][0-9_.e+-]*|\.inf|\.nan))$/i;

export function yamlScalar(text: string): string {
  if (PLAIN.test(text) && !TYPED.test(text)) return text;
  return printable(JSON.stringify(text));
}
