/** report.md sections for recognised patterns and equivalence rules. Pure. */

import type { AssessedObservation } from '../../contract/assessment.js';
import type { RunReport } from '../../contract/report.js';
import { inlineCode } from './markdown-util.js';

/** "## Unused equivalence rules": declared rules that never fired in this run. */
export function unusedRulesSection(report: RunReport): string[] {
  const unused = report.unusedRules ?? [];
  if (unused.length === 0) return [];
  return [
    '',
    '## Unused equivalence rules',
    '',
    'Declared for the cases of this run, but no difference matched them:',
    '',
    ...unused.map((label) => `- ${inlineCode(label)}`),
  ];
}

/** The lines a divergence section adds: its patterns and the equivalences that fired. */
export function patternLines(result: AssessedObservation): string[] {
  const lines: string[] = [];
  const matches = result.pattern?.matches ?? [];
  if (matches.length > 0) {
    const names = [...new Set(matches.map((m) => inlineCode(m.name)))].join(', ');
    const scope = result.pattern?.complete === true ? '' : ' (and unexplained changes)';
    lines.push('', `**Patterns:** ${names}${scope}`);
  }
  if (result.equivalences !== undefined && result.equivalences.length > 0) {
    lines.push('', `**Equivalences applied:** ${result.equivalences.map(inlineCode).join(', ')}`);
  }
  return lines;
}
