/** The GitHub renderings: workflow-command escaping, the annotation cap, the job summary's cut. */
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/contract/report.js';
import type { RootCauseEntry } from '../../../../src/contract/root-cause.js';
import {
  MAX_ANNOTATIONS,
  MAX_STEP_SUMMARY_BYTES,
  renderGithubAnnotations,
  renderStepSummary,
} from '../../../../src/reporters/report/github.js';
import { parseReport } from '../../../../src/reporters/report/read.js';

/** A report of `n` open, untracked root causes, each in one case (no tracker: all are new). */
function reportWith(n: number, summary = (i: number) => `cause ${i}`): RunReport {
  const rootCauses: RootCauseEntry[] = Array.from({ length: n }, (_, i) => ({
    fingerprint: `residual-${String(i).padStart(12, '0')}`,
    kind: 'value',
    summary: summary(i),
    caseIds: [`suite/case-${i}`],
    endpoints: ['GET /x'],
  }));
  const base = parseReport(
    JSON.stringify({
      schemaVersion: 3,
      runId: 'r',
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:01.000Z',
      baseline: { name: 'a', url: 'http://127.0.0.1:1' },
      candidate: { name: 'b', url: 'http://127.0.0.1:2' },
      summary: {
        cases: 0,
        equal: 0,
        divergent: 0,
        accepted: 0,
        errors: 0,
        statusParity: { equal: 0, total: 0 },
        byKind: { status: 0, shape: 0, value: 0, header: 0, transport: 0 },
        expectationFailures: 0,
      },
      results: [],
    }),
    'report.json',
  );
  return { ...base, rootCauses };
}

describe('renderGithubAnnotations', () => {
  it('escapes what the runner would read as command syntax', () => {
    const [line] = renderGithubAnnotations(reportWith(1, () => '50% off\nnext, line: x')).split(
      '\n',
    );
    expect(line).toBe(
      '::error title=parity%3A new root cause (value)::50%25 off%0Anext, line: x — 1 case (suite/case-0) at GET /x; fingerprint residual-000000000000',
    );
  });

  it(`prints at most ${MAX_ANNOTATIONS} errors, then one warning with the count`, () => {
    const lines = renderGithubAnnotations(reportWith(MAX_ANNOTATIONS + 3))
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(MAX_ANNOTATIONS + 1);
    expect(lines.at(-1)).toBe(
      '::warning title=parity::3 more new root cause(s): the job summary and report.md list them all',
    );
  });
});

describe('renderStepSummary', () => {
  it('stays under GitHub’s 1 MiB, cut at a line end with a note', () => {
    const text = renderStepSummary(reportWith(3000, (i) => `cause ${i} ${'x'.repeat(300)}`));
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_STEP_SUMMARY_BYTES);
    expect(text).toMatch(
      /\n\n_The job summary is cut here \(GitHub takes at most 1 MiB\); report\.md holds everything\._\n\n$/,
    );
  });
});
