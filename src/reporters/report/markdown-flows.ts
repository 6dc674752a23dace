/** report.md's flow parts: a step's place in its flow, the steps that waited, and the cases not sent. Pure. */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { FlowRef } from '../../contract/observation.js';
import {
  describeMasked,
  describeStep,
  describeWaited,
  skippedGroups,
  waitedLonger,
} from '../../judge/results/flows.js';
import { cell } from './markdown-util.js';

/** `**Flow:** step 2 of 4 (read) of flow notes/lifecycle; captured values …`. */
export function flowLine(flow: FlowRef): string {
  const parts = [describeStep(flow), describeMasked(flow), describeWaited(flow)];
  const shown = parts.filter((part): part is string => part !== undefined).map(cell);
  return `**Flow:** ${shown.join('; ')}.`;
}

/** "Waited": the steps with `until` sent more than once on a side, or never met, whatever their verdict. */
export function waitedSection(results: readonly AssessedObservation[]): string[] {
  const waited = results.filter((result) => waitedLonger(result.flow));
  if (waited.length === 0) return [];
  const out = ['', `## Waited (${waited.length})`, ''];
  out.push(
    'Flow steps with `until`, sent again until each side met its condition; only the last answers were compared.',
    '',
  );
  for (const result of waited) {
    const line = result.flow === undefined ? undefined : describeWaited(result.flow);
    out.push(`- ${cell(result.caseId)}: ${cell(line ?? '')}`);
  }
  return out;
}

/** "Not sent": flows and steps that were skipped, with why. */
export function skippedSection(results: readonly AssessedObservation[]): string[] {
  const groups = skippedGroups(results);
  if (groups.length === 0) return [];
  const count = groups.reduce((sum, g) => sum + g.caseIds.length, 0);
  const out = ['', `## Not sent (${count})`, ''];
  for (const group of groups) out.push(`- ${cell(group.label)}: ${cell(group.reason)}`);
  return out;
}
