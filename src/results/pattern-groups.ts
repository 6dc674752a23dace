/**
 * Divergences grouped by recognised pattern, for report.json's `patterns`
 * and report.md's "By pattern" section.
 */
import type { CaseResult } from './types.js';

/** One root cause (pattern key) and where it was seen. */
export interface PatternGroup {
  readonly name: string;
  readonly title: string;
  readonly key: string;
  readonly caseIds: readonly string[];
  readonly endpoints: readonly string[];
}

/** Every pattern key seen in the divergent results, with its cases and endpoints, by title. */
export function patternGroups(results: readonly CaseResult[]): PatternGroup[] {
  const groups = new Map<
    string,
    { name: string; title: string; cases: Set<string>; endpoints: Set<string> }
  >();
  for (const result of results) {
    if (result.verdict !== 'divergent') continue;
    for (const match of result.pattern?.matches ?? []) {
      const group = groups.get(match.key) ?? {
        name: match.name,
        title: match.title,
        cases: new Set<string>(),
        endpoints: new Set<string>(),
      };
      groups.set(match.key, group);
      group.cases.add(result.caseId);
      group.endpoints.add(result.endpoint);
    }
  }
  return [...groups]
    .map(([key, g]) => ({
      name: g.name,
      title: g.title,
      key,
      caseIds: [...g.cases].sort(),
      endpoints: [...g.endpoints].sort(),
    }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/** `{ patterns }` for report.json when any pattern was recognised. */
export function patternGroupsField(results: readonly CaseResult[]): {
  patterns?: readonly PatternGroup[];
} {
  const groups = patternGroups(results);
  return groups.length === 0 ? {} : { patterns: groups };
}
