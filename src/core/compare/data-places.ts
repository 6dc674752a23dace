/**
 * Values that are data, not wordings (`cause-clusters.ts`, rule 3): a place
 * whose templates never repeat over three answers or more, or differ twice in
 * one answer, holds each answer's own data, and its value changes are keyed
 * by their place, never a row per answer or element. Pure.
 */
import type { Finding } from '../../contract/root-cause.js';
import { changeKey, membersOf, placeOnly } from './change-keys.js';

/** At least this many answers with templates that never repeat make a place's values data. */
const DATA_ANSWERS = 3;

/** One answer's findings, by its case id. */
export interface FoundAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/**
 * Places (`changeKey` of the change without templates) whose values are each
 * answer's own data, not wordings: three answers or more with no template
 * seen twice on either side (every record named its own way), or one answer
 * with two pairs of templates or more there (a list whose elements differ
 * each in its own way). Their changes are keyed by their place, never one
 * row per answer or element.
 */
export function dataPlaces(answers: readonly FoundAnswer[]): Set<string> {
  const byPlace = new Map<string, { answers: Set<string>; pairs: Map<string, Set<string>> }>();
  const out = new Set<string>();
  for (const { caseId, findings } of answers) {
    const here = new Map<string, string>();
    for (const { cause } of findings) {
      for (const change of membersOf(cause)) {
        if (change.values === undefined) continue;
        const place = changeKey(placeOnly(change));
        const pair = JSON.stringify(change.values);
        if ((here.get(place) ?? pair) !== pair) out.add(place);
        here.set(place, pair);
        const entry = byPlace.get(place) ?? { answers: new Set(), pairs: new Map() };
        byPlace.set(place, entry);
        entry.answers.add(caseId);
        for (const [side, template] of change.values.entries()) {
          const key = `${side} ${template}`;
          entry.pairs.set(key, (entry.pairs.get(key) ?? new Set()).add(caseId));
        }
      }
    }
  }
  for (const [place, { answers: seen, pairs }] of byPlace) {
    if (seen.size < DATA_ANSWERS) continue;
    if ([...pairs.values()].every((cases) => cases.size < 2)) out.add(place);
  }
  return out;
}
