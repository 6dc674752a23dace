/**
 * Results read by flow: the skipped ones grouped (a flow that was not sent
 * is one line, not one per step), and a step's place in words. Pure.
 */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { FlowRef } from '../../contract/observation.js';
import { plural } from '../../util/words.js';

/** Consecutive skipped results of one flow with one reason, or one skipped case. */
export interface SkippedGroup {
  /** `notes/lifecycle (steps read, delete)` or the case id. */
  readonly label: string;
  readonly reason: string;
  readonly caseIds: readonly string[];
}

/** The skipped results of `results` (in run order), grouped. */
export function skippedGroups(results: readonly AssessedObservation[]): SkippedGroup[] {
  const groups: { flow: string | undefined; reason: string; steps: string[]; ids: string[] }[] = [];
  for (const result of results) {
    if (result.verdict !== 'skipped') continue;
    const last = groups[groups.length - 1];
    const flow = result.flow?.id;
    if (
      last !== undefined &&
      flow !== undefined &&
      last.flow === flow &&
      last.reason === result.reason
    ) {
      last.steps.push(result.flow?.step ?? '');
      last.ids.push(result.caseId);
      continue;
    }
    groups.push({
      flow,
      reason: result.reason,
      steps: [result.flow?.step ?? ''],
      ids: [result.caseId],
    });
  }
  return groups.map((g) => ({
    label:
      g.flow === undefined
        ? (g.ids[0] ?? '')
        : `${g.flow} (${plural(g.steps.length, 'step')}: ${g.steps.join(', ')})`,
    reason: g.reason,
    caseIds: g.ids,
  }));
}

/** `step 2 of 4 (read) of flow notes/lifecycle`. */
export function describeStep(flow: FlowRef): string {
  return `step ${flow.index + 1} of ${flow.steps} (${flow.step}) of flow ${flow.id}`;
}

/** `captured values compared as their placeholders at /id, header etag`. */
export function describeMasked(flow: FlowRef): string | undefined {
  if (flow.masked === undefined || flow.masked.length === 0) return undefined;
  return `captured values compared as their placeholders at ${flow.masked.join(', ')}`;
}

/** `baseline 1 try, candidate 3 tries (not met)`: each side's sends of a step with `until`. */
export function sidesWaited(flow: FlowRef): string | undefined {
  const { waited } = flow;
  if (waited === undefined) return undefined;
  const side = (name: string, sent: { readonly tries: number; readonly met: boolean }) =>
    `${name} ${plural(sent.tries, 'try', 'tries')}${sent.met ? '' : ' (not met)'}`;
  return `${side('baseline', waited.baseline)}, ${side('candidate', waited.candidate)}`;
}

/** `sent until its condition held: baseline 1 try, candidate 3 tries (not met)`. */
export function describeWaited(flow: FlowRef): string | undefined {
  const sides = sidesWaited(flow);
  return sides === undefined ? undefined : `sent until its condition held: ${sides}`;
}

/** Whether a step with `until` was sent more than once on a side, or a side never met it. */
export function waitedLonger(flow: FlowRef | undefined): boolean {
  const waited = flow?.waited;
  if (waited === undefined) return false;
  return [waited.baseline, waited.candidate].some((sent) => sent.tries > 1 || !sent.met);
}
