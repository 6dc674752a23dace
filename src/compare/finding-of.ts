/** A root cause as one case shows it: its fingerprint, kind and summary, from the cause alone. Pure. */
import { causeFingerprint, type Finding, kindOfCause, type RootCause } from './root-cause.js';
import { causeSummary } from './root-cause-words.js';

/** The finding of `cause` in one case, accounting for the body changes at `paths`. */
export function findingOf(cause: RootCause, paths: readonly string[]): Finding {
  return {
    fingerprint: causeFingerprint(cause),
    kind: kindOfCause(cause),
    cause,
    summary: causeSummary(cause),
    paths,
  };
}
