/** report.md's flow parts: a step's place in its flow, and the cases not sent. Pure. */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { FlowRef } from '../../contract/observation.js';
import { describeMasked, describeStep, skippedGroups } from '../../judge/results/flows.js';
import { cell } from './markdown-util.js';

/** `**Flow:** step 2 of 4 (read) of flow notes/lifecycle; captured values …`. */
export function flowLine(flow: FlowRef): string {
  const masked = describeMasked(flow);
  return `**Flow:** ${cell(describeStep(flow))}${masked === undefined ? '' : `; ${cell(masked)}`}.`;
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
