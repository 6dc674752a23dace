/** A root cause as one case shows it: its fingerprint, kind and summary, from the cause alone. Pure. */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import type { FindingKind } from '../../contract/vocabulary.js';
import { patternNamed } from './patterns/registry.js';
import { causeFingerprint } from './root-cause.js';
import { causeSummary } from './root-cause-words.js';

/** A cause's fingerprint and summary: the same for every case that shows the cause. */
interface CauseWords {
  readonly fingerprint: string;
  readonly summary: string;
}

/**
 * Words of the causes seen, by the cause's JSON (every field its fingerprint
 * and summary read): thousands of divergent cases share a few causes, so each
 * is hashed and worded once. Bounded: a run with more distinct causes starts
 * the memo over.
 */
const WORDS = new Map<string, CauseWords>();
const MAX_WORDS = 4096;

function wordsOf(cause: RootCause): CauseWords {
  const key = JSON.stringify(cause);
  const known = WORDS.get(key);
  if (known !== undefined) return known;
  const words = { fingerprint: causeFingerprint(cause), summary: causeSummary(cause) };
  if (WORDS.size >= MAX_WORDS) WORDS.clear();
  WORDS.set(key, words);
  return words;
}

/** The finding of `cause` in one case, accounting for the body changes at `paths`. */
export function findingOf(cause: RootCause, paths: readonly string[]): Finding {
  const { fingerprint, summary } = wordsOf(cause);
  return {
    fingerprint,
    kind: kindOfCause(cause),
    cause,
    summary,
    paths,
  };
}

/** The kind a finding of this cause has (a pattern's says itself; structure: shape unless only values changed). */
export function kindOfCause(cause: RootCause): FindingKind {
  switch (cause.type) {
    case 'status':
      return 'status';
    case 'header':
      return 'header';
    case 'body-kind':
      return 'shape';
    case 'pattern':
      return patternNamed(cause.pattern).kindOf(cause.params);
    case 'structure':
      // Refusals under another status, worded anew (`refusal-rewordings.ts`): a status first.
      if (cause.statuses !== undefined) return 'status';
      return cause.change.op === 'value' || cause.change.op === 'moved' ? 'value' : 'shape';
    default: {
      const never: never = cause;
      return never;
    }
  }
}
