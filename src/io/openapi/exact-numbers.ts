/**
 * Numbers a YAML or JSON document writes that a JS number cannot hold
 * (`12345678901234567890`, an int64 id in an example): a parse rounds them
 * (`12345678901234567000`), so they are read again from their source text
 * and kept as `ExactNumber`s, which the import writes digit for digit.
 * Pure (it edits the parsed document it is given).
 */
import { type Document, isScalar, visit } from 'yaml';
import {
  type ExactNumber,
  isExactNumber,
  parseNumberLiteral,
} from '../../core/wire/exact-number.js';

/** YAML 1.2 core decimals: `12`, `-1.5`, `+3`, `.5`, `1.`, `6e23`. */
const DECIMAL = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;
/** YAML 1.2 core integers in base 16 or 8: `0x1F`, `0o17`. */
const BASED = /^([-+]?)(0x[0-9a-fA-F]+|0o[0-7]+)$/;

/** A YAML number's source as a JSON number literal, or undefined for other spellings (`.inf`). */
export function jsonLiteral(source: string): string | undefined {
  const based = BASED.exec(source);
  if (based !== null) return `${based[1] === '-' ? '-' : ''}${BigInt(based[2] ?? '0')}`;
  const decimal = DECIMAL.exec(source);
  if (decimal === null) return undefined;
  const [, sign, whole = '', fraction = '', exponent] = decimal;
  if (whole === '' && fraction === '') return undefined;
  const integer = whole.replace(/^0+(?=\d)/, '') || '0';
  return `${sign === '-' ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`;
}

/** The exact value of a number scalar whose source a JS number cannot hold. */
function exactOf(source: string | undefined): ExactNumber | undefined {
  const literal = source === undefined ? undefined : jsonLiteral(source);
  if (literal === undefined) return undefined;
  const value = parseNumberLiteral(literal);
  return isExactNumber(value) ? value : undefined;
}

/**
 * Replaces, in `doc`, every number scalar a JS number cannot hold by its
 * `ExactNumber`, so `doc.toJS()` gives those instead of rounded numbers.
 */
export function keepExactNumbers(doc: Document): void {
  visit(doc, {
    Scalar(key, node) {
      if (!isScalar(node) || typeof node.value !== 'number') return;
      const exact = exactOf(node.source);
      // A map key becomes a property name: its digits, as text.
      if (exact !== undefined) node.value = key === 'key' ? exact.text : exact;
    },
  });
}
