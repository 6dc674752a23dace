/**
 * `key-case`: the same keys spelled in another convention (snake_case,
 * camelCase, PascalCase, …), detected per object: `user_id` → `userId`.
 * Only keys of the same words are one convention: `userName` → `username`
 * folds alike but is a rename (`key-rename`), not a casing.
 */

import type { Change } from '../../../contract/observation.js';
import { foldKey } from '../../normalise/keys.js';
import { listSome } from '../wording/phrases.js';
import { type Advice, phrase } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import {
  arrow,
  at,
  conventionOf,
  conventionsBetween,
  equalFolded,
  type Member,
  memberGroups,
  memberValue,
  patternPath,
  sameWords,
} from './util.js';

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const [b = 'snake_case', c = 'camelCase'] = params;
  const write = (convention: string): Advice => ({
    rust: `\`#[serde(rename_all = "${convention}")]\` on the struct`,
    go: `json tags in ${convention}`,
    python: `an \`alias_generator\` for ${convention}`,
    protobuf:
      convention === 'camelCase'
        ? 'protojson writes the lowerCamelCase `json_name` by default (`UseProtoNames: false`); on input it accepts both names'
        : convention === 'snake_case'
          ? '`protojson.MarshalOptions{UseProtoNames: true}` writes the .proto field names; on input protojson accepts both names'
          : `\`json_name\` in ${convention} on each field of the .proto`,
  });
  return {
    baseline: phrase(`write keys in ${c}`, runtimes.baseline, write(c)),
    candidate: phrase(`write keys in ${b}`, runtimes.candidate, write(b)),
    rule: 'keyCase: fold',
  };
}

export const keyCase: Pattern<'key-case'> = {
  name: 'key-case',
  meaning:
    'the same keys in another naming convention (snake_case, camelCase, PascalCase), per object',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise: (changes) => recogniseKeyCase(changes, { words: true }),
};

/**
 * The key-case occurrences in `changes`. `words: false` is the keying before
 * renames were told apart (any two spellings that fold alike): the rows a
 * tracker may still hold of renames (`core/compare/earlier-keys.ts`).
 */
export function recogniseKeyCase(
  changes: readonly Change[],
  {
    words,
    firstConvention = false,
  }: {
    readonly words: boolean;
    /** Name each side by the first convention its keys follow (the keying before 2026-11-28). */
    readonly firstConvention?: boolean;
  },
): PatternMatch<'key-case'>[] {
  const matches: PatternMatch<'key-case'>[] = [];
  for (const group of memberGroups(changes)) {
    // Added members by folded key: each removed one looks up its own spelling's
    // (a map-like object of thousands of ids on each side stays linear).
    const byFold = new Map<string, Member[]>();
    for (const a of group.added) {
      const fold = foldKey(a.name);
      const same = byFold.get(fold);
      if (same === undefined) byFold.set(fold, [a]);
      else same.push(a);
    }
    const pairs: [Member, Member][] = [];
    const used = new Set<Member>();
    for (const removed of group.removed) {
      const added = byFold
        .get(foldKey(removed.name))
        ?.find(
          (a) =>
            a.name !== removed.name &&
            (!words || sameWords(a.name, removed.name)) &&
            !used.has(a) &&
            equalFolded(memberValue(a), memberValue(removed)),
        );
      if (added === undefined) continue;
      used.add(added);
      pairs.push([removed, added]);
    }
    if (pairs.length === 0) continue;
    const olds = pairs.map(([r]) => r.name);
    const news = pairs.map(([, a]) => a.name);
    const [before, after] = firstConvention
      ? [conventionOf(olds) ?? 'mixed case', conventionOf(news) ?? 'mixed case']
      : conventionsBetween(olds, news);
    const renames = listSome(pairs.map(([r, a]) => arrow(r.name, a.name)));
    matches.push({
      name: 'key-case',
      title: `keys ${before} vs ${after}${at(group.parent)}`,
      explanation: `keys are ${before} in baseline and ${after} in candidate${at(group.parent)}: ${renames}`,
      key: `key-case:${patternPath(group.parent)}:${before}:${after}`,
      anchor: group.parent,
      params: [before, after],
      detail: `keys ${before} vs ${after}`,
      covers: pairs.flat().map((m) => m.change),
    });
  }
  return matches;
}
