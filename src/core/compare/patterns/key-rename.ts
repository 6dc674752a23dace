/**
 * `key-rename`: a member spelled with other words on the other side, its
 * value the same: `userName` → `username`, `e_mail` → `email`. The two fold
 * alike (case and separators aside), so they look like a naming convention,
 * but their words differ: one side names the member otherwise, a choice made
 * for that member, not a convention of the encoder. `key-case` runs first and
 * claims the members whose words are the same.
 */

import { codeSpan } from '../../../util/code-span.js';
import { foldKey } from '../../normalise/keys.js';
import { phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import {
  arrow,
  at,
  equalFolded,
  type Member,
  memberGroups,
  memberValue,
  patternPath,
  sameWords,
} from './util.js';

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const [b = '', c = ''] = params;
  // A rename is the member's own: no language's casing switch closes it. A
  // protobuf message names its JSON member with `json_name`.
  const named = (name: string, other: string, side: 'baseline' | 'candidate') => {
    const action = `name the member ${theField(name)} instead of ${theField(other)}, as the ${side === 'baseline' ? 'candidate' : 'baseline'} does`;
    return phrase(action, runtimes[side], {
      protobuf: `\`json_name = "${name}"\` on the field in the .proto`,
    });
  };
  return {
    baseline: named(c, b, 'baseline'),
    candidate: named(b, c, 'candidate'),
    rule: 'keyCase: fold',
  };
}

export const keyRename: Pattern<'key-rename'> = {
  name: 'key-rename',
  meaning:
    'a member named with other words on the other side, its value the same (`userName` vs `username`): a rename, not a naming convention',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise(changes) {
    const matches: PatternMatch<'key-rename'>[] = [];
    for (const group of memberGroups(changes)) {
      if (group.added.length === 0 || group.removed.length === 0) continue;
      // Added members by folded key, so a map-like object of thousands of ids stays linear.
      const byFold = new Map<string, Member[]>();
      for (const a of group.added) {
        const fold = foldKey(a.name);
        const same = byFold.get(fold);
        if (same === undefined) byFold.set(fold, [a]);
        else same.push(a);
      }
      const used = new Set<Member>();
      for (const removed of group.removed) {
        const added = byFold
          .get(foldKey(removed.name))
          ?.find(
            (a) =>
              !used.has(a) &&
              a.name !== removed.name &&
              !sameWords(a.name, removed.name) &&
              equalFolded(memberValue(a), memberValue(removed)),
          );
        if (added === undefined) continue;
        used.add(added);
        const detail = `member ${codeSpan(removed.name)} renamed ${codeSpan(added.name)}`;
        matches.push({
          name: 'key-rename',
          title: `${detail}${at(group.parent)}`,
          explanation: `baseline names the member ${codeSpan(removed.name)} and candidate ${codeSpan(added.name)}${at(group.parent)} (${arrow(removed.name, added.name)}): a rename (the words differ), not a naming convention`,
          key: `key-rename:${patternPath(group.parent)}:${removed.name}:${added.name}`,
          anchor: group.parent,
          params: [removed.name, added.name],
          detail,
          covers: [removed.change, added.change],
        });
      }
    }
    return matches;
  },
};
