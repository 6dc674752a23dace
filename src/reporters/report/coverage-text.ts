/** Coverage in words, shared by the console, report.md and report.html. Pure. */

import type { CoverageSection } from '../../contract/report.js';
import { uncoveredOperations } from '../../judge/results/coverage.js';

/** `5 endpoint(s) exercised · OpenAPI examples/openapi.yaml: 4/5 operations have a case`. */
export function coverageLine(section: CoverageSection): string {
  const endpoints = `${section.endpoints.length} endpoint(s) exercised`;
  const { openapi } = section;
  if (openapi === undefined) return endpoints;
  const total = openapi.operations.length;
  const covered = total - uncoveredOperations(section).length;
  return `${endpoints} · OpenAPI ${openapi.document}: ${covered}/${total} operation(s) have a case`;
}

/** The operations without a case, and the endpoints the document does not describe, one line each. */
export function coverageGaps(section: CoverageSection): string[] {
  const lines: string[] = [];
  const missing = uncoveredOperations(section);
  if (missing.length > 0) lines.push(`operations without a case: ${missing.join(', ')}`);
  const unmatched = section.openapi?.unmatched ?? [];
  if (unmatched.length > 0)
    lines.push(`endpoints the document does not describe: ${unmatched.join(', ')}`);
  return lines;
}

/** Header and rows of the coverage table: every endpoint, or every operation with a document. */
export function coverageTable(section: CoverageSection): { header: string[]; rows: string[][] } {
  if (section.openapi !== undefined) {
    return {
      header: ['operation', 'cases'],
      rows: section.openapi.operations.map((o) => [o.operation, String(o.cases)]),
    };
  }
  return {
    header: ['endpoint', 'cases'],
    rows: section.endpoints.map((e) => [e.endpoint, String(e.cases)]),
  };
}
