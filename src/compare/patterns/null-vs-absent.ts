/**
 * `null-vs-absent`: one side writes `"key": null`, the other omits the key
 * (Go without `omitempty` vs serde's `skip_serializing_if`, or the reverse).
 */

import { codeSpan } from '../../util/code-span.js';
import type { Pattern, PatternMatch } from './types.js';
import { memberGroups, patternPath } from './util.js';

export const nullVsAbsent: Pattern = {
  name: 'null-vs-absent',
  meaning:
    'a key with a `null` value on one side is absent on the other (a field with no value written as `null`, or left out)',
  recognise(changes) {
    const matches: PatternMatch[] = [];
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
