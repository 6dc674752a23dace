/**
 * `enum-case`: an enum value in another casing (`"ACTIVE"` vs `"active"`,
 * `"InProgress"` vs `"in_progress"`): serde's `rename_all` vs Go constants.
 */

import { codeSpan } from '../../../util/code-span.js';
import { foldKey } from '../../normalise/keys.js';
import { type Advice, phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*$/;

/** The casing of one identifier-like value. */
export function valueCase(value: string): string {
  if (/^[A-Z0-9_-]+$/.test(value)) return 'UPPER_CASE';
  if (/^[a-z0-9_-]+$/.test(value)) return 'lower_case';
  if (/^[A-Z]/.test(value)) return 'PascalCase';
  return 'camelCase';
}

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = 'lower_case', c = 'PascalCase'] = params;
  const serde = (convention: string) =>
    ({ lower_case: 'lowercase', UPPER_CASE: 'UPPERCASE' })[convention] ?? convention;
  const write = (convention: string): Advice => ({
    rust: `\`#[serde(rename_all = "${serde(convention)}")]\` on the enum`,
    go: "the constants' strings, or a `MarshalText`/`String()` on the enum type",
    java: '`@JsonValue` on the enum',
    protobuf:
      convention === 'UPPER_CASE'
        ? "protojson writes an enum value's name as the .proto declares it (UPPER_SNAKE_CASE by the style guide)"
        : "protojson writes an enum value's name as the .proto declares it (UPPER_SNAKE_CASE by the style guide): a `string` field, or the other side's casing",
  });
  return {
    baseline: phrase(`write the values of ${theField(field)} in ${c}`, runtimes.baseline, write(c)),
    candidate: phrase(
      `write the values of ${theField(field)} in ${b}`,
      runtimes.candidate,
      write(b),
    ),
  };
}

export const enumCase: Pattern<'enum-case'> = {
  name: 'enum-case',
  meaning: 'an enum value in another casing (`"ACTIVE"` vs `"active"`)',
  kindOf: () => 'value',
  hint,
  ops: ['value'],
  recognise(changes) {
    const matches: PatternMatch<'enum-case'>[] = [];
    for (const change of changes) {
      const { baseline: b, candidate: c } = change;
      if (change.op !== 'value' || typeof b !== 'string' || typeof c !== 'string') continue;
      if (!IDENTIFIER.test(b) || !IDENTIFIER.test(c) || foldKey(b) !== foldKey(c)) continue;
      const [before, after] = [valueCase(b), valueCase(c)];
      // One casing on both sides (`one-2024` vs `one_2024`): another value, not another casing.
      if (before === after) continue;
      const path = patternPath(change.path);
      matches.push({
        name: 'enum-case',
        title: `${codeSpan(path)} enum values ${before} vs ${after}`,
        explanation: `the enum value at ${codeSpan(change.path)} is cased differently: ${JSON.stringify(b)} in baseline, ${JSON.stringify(c)} in candidate`,
        key: `enum-case:${path}:${before}:${after}`,
        anchor: change.path,
        params: [before, after],
        detail: `enum values ${before} vs ${after}`,
        covers: [change],
      });
    }
    return matches;
  },
};
