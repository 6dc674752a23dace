/**
 * The order test files start in: the slowest first, so that the last minute
 * of a run is many short files on every worker rather than one long file on
 * one. vitest orders by the durations it cached from the last run, and, with
 * no cache (a fresh clone, CI), by file size, which put the docs test near
 * the end. The files below (the slowest in measured runs) go first
 * whatever the cache says; the rest keep vitest's order.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Slowest first, as measured: the files that took 6 s or more of a whole run
 * (vitest's JSON reporter, 2026-11-28; docs/development.md, "How long the tests take").
 */
export const SLOWEST = [
  'test/docs/docs.test.ts',
  'test/hostile/kill.test.ts',
  'test/package/install.test.ts',
  'test/hostile/import-staged.test.ts',
  'test/e2e/large.test.ts',
  'test/e2e/fuzz.test.ts',
  'test/hostile/bounded-reports.test.ts',
  'test/e2e/shadow-old-space.test.ts',
  'test/e2e/report-roundtrip.test.ts',
  'test/hostile/long-strings.test.ts',
  'test/unit/reporters/report/html/row-bound.test.ts',
  'test/hostile/many-rows.test.ts',
  'test/unit/core/compare/patterns/nesting.test.ts',
  'test/hostile/import-linear.test.ts',
  'test/e2e/shadow-budget.test.ts',
  'test/hostile/signals.test.ts',
  'test/e2e/shadow-lifecycle.test.ts',
  'test/hostile/growth.test.ts',
  'test/hostile/heavy-case-signals.test.ts',
];

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const at = SLOWEST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return at < 0 ? SLOWEST.length : at;
    };
    // Stable: files of equal rank keep vitest's order.
    return sorted
      .map((spec, index) => ({ spec, index, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
