/**
 * `null-vs-absent`: one side writes `"key": null`, the other omits the key
 * (Go without `omitempty` vs serde's `skip_serializing_if`, or the reverse).
 */

import { codeSpan } from '../../../util/code-span.js';
import { bySide, sideOf, tagName, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { memberGroups, patternPath } from './util.js';

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const writesNull = sideOf(params[0]);
  const omit = [
    `omit ${theField(field)} when it has no value`,
    {
      go: `\`omitempty\` on a pointer field (\`json:"${tagName(field, 'name')},omitempty"\`)`,
      rust: '`#[serde(skip_serializing_if = "Option::is_none")]`',
      java: '`@JsonInclude(JsonInclude.Include.NON_NULL)`',
      python: '`model_dump(exclude_none=True)`',
      node: 'leave it `undefined` (`JSON.stringify` drops it)',
      protobuf: 'protojson leaves an unset field out unless `EmitUnpopulated` is set',
    },
  ] as const;
  const writeNull = [
    `write ${theField(field)} as \`null\` when it has no value`,
    {
      go: 'drop `omitempty`',
      rust: 'drop `skip_serializing_if` (serde writes `None` as `null`)',
      java: '`@JsonInclude(JsonInclude.Include.ALWAYS)`',
      python: '`exclude_none=False`',
      node: 'set it to `null`',
      protobuf:
        '`protojson.MarshalOptions{EmitUnpopulated: true}` writes an unset message field as `null` (in a gRPC gateway, through `runtime.WithMarshalerOption`)',
    },
  ] as const;
  return { ...bySide(runtimes, writesNull, omit, writeNull), rule: 'nullEqualsAbsent: true' };
}

export const nullVsAbsent: Pattern<'null-vs-absent'> = {
  name: 'null-vs-absent',
  meaning:
    'a key with a `null` value on one side is absent on the other (a field with no value written as `null`, or left out)',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise(changes) {
    const matches: PatternMatch<'null-vs-absent'>[] = [];
    for (const group of memberGroups(changes)) {
      for (const member of [...group.removed, ...group.added]) {
        const { change } = member;
        const baselineNull = change.op === 'removed' && change.baseline === null;
        const candidateNull = change.op === 'added' && change.candidate === null;
        if (!baselineNull && !candidateNull) continue;
        const [writes, omits] = candidateNull
          ? ['candidate', 'baseline']
          : ['baseline', 'candidate'];
        const path = patternPath(change.path);
        matches.push({
          name: 'null-vs-absent',
          title: `${codeSpan(path)} null vs absent`,
          explanation: `${writes} writes ${codeSpan(member.name)} as null where ${omits} omits it at ${codeSpan(change.path)}`,
          key: `null-vs-absent:${path}:${writes}-null`,
          anchor: change.path,
          params: [`${writes}-null`],
          detail: writes === 'baseline' ? 'null vs absent' : 'absent vs null',
          covers: [change],
        });
      }
    }
    return matches;
  },
};
