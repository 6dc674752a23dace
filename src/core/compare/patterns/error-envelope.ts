/**
 * `error-envelope`: the error message sits under a different key
 * (`{"error":"not found"}` vs `{"message":"not found"}`).
 */

import { codeSpan } from '../../../util/code-span.js';
import { type Advice, phrase, rulePointer } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { at, equalJson, memberGroups, memberValue, patternPath } from './util.js';

/** Keys that frameworks commonly use for an error's message or its wrapper. */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set([
  'error',
  'errors',
  'message',
  'msg',
  'detail',
  'details',
  'description',
  'title',
  'reason',
  'error_message',
  'errorMessage',
  'error_description',
]);

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const [b = 'error', c = 'message'] = params;
  const under = (key: string): Advice => ({
    go: `\`json:"${key}"\` on the error struct`,
    rust: `\`#[serde(rename = "${key}")]\``,
    java: `\`@JsonProperty("${key}")\``,
    python: `\`Field(alias="${key}")\``,
  });
  return {
    baseline: phrase(
      `put the error under ${codeSpan(c)}, as the candidate does`,
      runtimes.baseline,
      under(c),
    ),
    candidate: phrase(
      `put the error under ${codeSpan(b)}, as the baseline does`,
      runtimes.candidate,
      under(b),
    ),
    rule: `renames: [{ baseline: ${rulePointer(field, b)}, candidate: ${rulePointer(field, c)} }]`,
  };
}

export const errorEnvelope: Pattern<'error-envelope'> = {
  name: 'error-envelope',
  meaning: 'the error message under another key (`{"error":…}` vs `{"message":…}`)',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise(changes) {
    const matches: PatternMatch<'error-envelope'>[] = [];
    for (const group of memberGroups(changes)) {
      const removed = group.removed.find((m) => ENVELOPE_KEYS.has(m.name));
      const added = group.added.find((m) => ENVELOPE_KEYS.has(m.name));
      if (removed === undefined || added === undefined) continue;
      const same = equalJson(memberValue(removed), memberValue(added));
      const detail = `error envelope ${codeSpan(removed.name)} vs ${codeSpan(added.name)}`;
      matches.push({
        name: 'error-envelope',
        title: `${detail}${at(group.parent)}`,
        explanation: `the error envelope differs${at(group.parent)}: baseline puts the error under ${codeSpan(removed.name)}, candidate under ${codeSpan(added.name)} (${same ? 'same content' : 'the content differs too'})`,
        key: `error-envelope:${patternPath(group.parent)}:${removed.name}:${added.name}`,
        anchor: group.parent,
        params: [removed.name, added.name],
        detail,
        covers: [removed.change, added.change],
      });
    }
    return matches;
  },
};
