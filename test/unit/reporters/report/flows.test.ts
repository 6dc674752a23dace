/** Flow steps and cases not sent, in every rendering of a report. */
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../../src/contract/observation.js';
import { summarise } from '../../../../src/judge/results/summary.js';
import { renderSummary } from '../../../../src/reporters/console-summary.js';
import { htmlView } from '../../../../src/reporters/report/html/view.js';
import { renderJunit } from '../../../../src/reporters/report/junit.js';
import { renderMarkdown } from '../../../../src/reporters/report/markdown.js';
import { findingsFor } from '../../../helpers/findings.js';
import { sampleReport } from '../../judge/results/report-fixtures.js';

const plain = pc.createColors(false);

function step(
  step: string,
  index: number,
): Pick<Observation, 'caseId' | 'suite' | 'endpoint' | 'request' | 'kinds' | 'flow'> {
  return {
    caseId: `notes/life/${step}`,
    suite: 'notes',
    endpoint: 'GET /v1/notes/:id',
    request: { method: 'GET', path: '/v1/notes/{{id}}' },
    kinds: [],
    flow: { id: 'notes/life', step, index, steps: 3 },
  };
}

const reason =
  'not sent: the candidate failed in transport at step "read" (ECONNRESET), so the later steps have nothing to build on';
const notSent = { status: undefined, durationMs: 0 };

function results(): Observation[] {
  return [
    {
      ...step('read', 1),
      verdict: 'divergent',
      kinds: ['value'],
      baseline: { status: 200, durationMs: 1 },
      candidate: { status: 200, durationMs: 1 },
      flow: { id: 'notes/life', step: 'read', index: 1, steps: 3, masked: ['/id', 'header etag'] },
      fingerprint: 'abcd',
      findings: findingsFor({
        endpoint: 'GET /v1/notes/:id',
        status: [200, 200],
        changes: [{ path: '/text', op: 'value', baseline: 'a', candidate: 'b' }],
      }),
      summary: 'value differs at `/text`',
      explanation: 'baseline "a", candidate "b"',
      changes: [{ path: '/text', op: 'value', baseline: 'a', candidate: 'b' }],
      headerChanges: [],
      repro: { baseline: 'curl b/1', candidate: 'curl c/5001' },
      bodies: { baseline: { id: '{{id}}', text: 'a' }, candidate: { id: '{{id}}', text: 'b' } },
    },
    { ...step('update', 2), verdict: 'skipped', reason, baseline: notSent, candidate: notSent },
    { ...step('delete', 3), verdict: 'skipped', reason, baseline: notSent, candidate: notSent },
  ];
}

describe('flows in reports', () => {
  const all = results();
  const report = { ...sampleReport(all), summary: summarise(all) };

  it('counts skipped results apart, and never as divergences', () => {
    expect(report.summary).toMatchObject({ cases: 3, divergent: 1, skipped: 2, errors: 0 });
  });

  it('report.md places a step in its flow and lists what was not sent once per flow', () => {
    const md = renderMarkdown(report);
    expect(md).toContain(
      '**Flow:** step 2 of 3 (read) of flow notes/life; captured values compared as their placeholders at /id, header etag.',
    );
    expect(md).toContain('| Skipped (not sent) | 2 |');
    expect(md).toContain(`## Not sent (2)\n\n- notes/life (2 steps: update, delete): ${reason}`);
  });

  it('the console lists the skipped flow on one line', () => {
    const text = renderSummary(report, plain, undefined);
    expect(text).toContain('skipped 2');
    expect(text).toContain(`skipped   notes/life (2 steps: update, delete)  ${reason}`);
  });

  it("report.html shows skipped rows with their reason and a step's place in its flow", () => {
    const view = htmlView(report);
    expect(view.rows.map((r) => [r.id, r.kind])).toEqual([
      ['notes/life/read', 'value'],
      ['notes/life/update', 'skipped'],
      ['notes/life/delete', 'skipped'],
    ]);
    expect(view.rows[0]?.flow).toEqual([
      'step 2 of 3 (read) of flow notes/life',
      'captured values compared as their placeholders at /id, header etag',
    ]);
    expect(view.rows[1]?.summary).toBe(reason);
    expect(view.counts).toContainEqual(['skipped', 'Skipped (not sent)', '2']);
  });

  it('junit.xml marks the steps not sent as skipped, with the reason', () => {
    const xml = renderJunit(report);
    expect(xml).toContain('tests="3" failures="1" errors="0" skipped="2"');
    expect(xml).toContain(
      '<testcase classname="notes" name="notes/life/update" time="0.000"><skipped message="not sent: the candidate failed in transport at step &quot;read&quot;',
    );
  });
});
