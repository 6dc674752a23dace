/**
 * Run errors counted alike in every format, end to end: a candidate that
 * resets one case and times out on another, and `expect`s that fail on an
 * equal case and on a divergent one. The console, report.md, report.html
 * (counts, the table by endpoint, latency) and junit.xml must say the same.
 * Real servers on 127.0.0.1.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import type { HtmlView } from '../../src/reporters/report/html/view.js';
import { type CliResult, latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: exp
cases:
  - id: both-fail
    request: { method: GET, path: /equal }
    expect: { status: 201 }
  - id: one-fails
    request: { method: GET, path: /nope }
    expect: { status: 200 }
  - id: plain
    request: { method: GET, path: /equal }
  - id: reset
    request: { method: GET, path: /boom }
  - id: slow
    request: { method: GET, path: /slow }
`;

describe('run errors and their counts in every format', () => {
  let rust: TestServer;
  let go: TestServer;
  let cwd: string;
  let result: CliResult;
  let report: RunReport;
  const file = (name: string) => readFile(join(cwd, 'reports/latest', name), 'utf8');

  beforeAll(async () => {
    rust = await startServer((req, res) => {
      if (req.url === '/nope') return json(res, 404, { error: 'no' });
      return json(res, 200, { ok: true });
    });
    go = await startServer((req, res) => {
      if (req.url === '/boom') return void req.socket.destroy();
      // Never answers (closed with the server): times out, however long the timeout.
      if (req.url === '/slow') return;
      return json(res, 200, { ok: true });
    });
    cwd = await tempProject({ 'cases/exp.yaml': CASES });
    const targets = ['--baseline', `rust=${rust.url}`, '--candidate', `go=${go.url}`];
    // Room for a loaded machine to answer the other cases (300 ms was not: a
    // case both sides answer then counted as a transport error); only /slow waits it out.
    result = await runCli(cwd, ['run', ...targets, '--no-tracker', '--timeout', '1500']);
    report = await latestReport(cwd);
  });
  afterAll(async () => Promise.all([rust.close(), go.close()]));

  it('counts cases by comparison, and run errors (transport or unmet expect) once each', () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'cases 5 · equal 2 · divergent 1 · accepted 0 · transport errors 2 · status parity 2/3',
    );
    expect(result.stdout).toContain('run errors 4: 2 transport errors · 2 unmet expect');
    expect(result.stdout).toContain('expectations not met: 2');
    const verdicts = Object.fromEntries(report.results.map((r) => [r.caseId, r.verdict]));
    expect(verdicts['exp/both-fail']).toBe('equal');
  });

  it('says the same in report.md, with what junit.xml counts', async () => {
    const md = await file('report.md');
    expect(md).toContain('| Equal | 2 |');
    expect(md).toContain('| Transport errors (a side failed: no comparison possible) | 2 |');
    expect(md).toContain('| Unmet expect (cases, whatever their comparison) | 2 |');
    expect(md).toContain('| Run errors (transport errors and unmet expect, each case once) | 4 |');
    expect(md).toContain('## Run errors (4)');
    expect(md).toContain(
      'junit.xml: 5 tests · 1 passed · 2 failures (1 divergent, 1 unmet expect) · 2 errors · 0 skipped (accepted).',
    );
  });

  it('gives junit.xml those numbers', async () => {
    const xml = await file('junit.xml');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const top = doc.testsuites as Record<string, string>;
    expect([top.tests, top.failures, top.errors, top.skipped]).toEqual(['5', '2', '2', '0']);
    expect(xml).toContain('type="expectation"');
  });

  const htmlView = async (): Promise<HtmlView> => {
    const html = await file('report.html');
    const text = /<script type="application\/json" id="parity-data">(.*?)<\/script>/s.exec(html);
    return JSON.parse(text?.[1] ?? 'null') as HtmlView;
  };

  it('says the same in report.html', async () => {
    const view = await htmlView();
    const card = (key: string) => view.counts.find(([k]) => k === key)?.[2];
    expect([card('equal'), card('errors'), card('expectations'), card('run-errors')]).toEqual([
      '2',
      '2',
      '2',
      '4',
    ]);
    expect(view.countNotes).toContain('run errors 4: 2 transport errors · 2 unmet expect.');
  });

  it('counts each endpoint’s cases once in report.html, a side failed or not', async () => {
    const view = await htmlView();
    const rows = Object.fromEntries(view.endpoints.map((e) => [e.endpoint, e]));
    expect(rows['GET /boom']).toMatchObject({ cases: 1, divergent: 0, errors: 1 });
    expect(rows['GET /slow']).toMatchObject({ cases: 1, divergent: 0, errors: 1 });
    expect(rows['GET /equal']).toMatchObject({ cases: 2, errors: 0 });
    expect(rows['GET /nope']).toMatchObject({ cases: 1, divergent: 1 });
  });

  it('compares latency over the cases both sides answered, and says so', () => {
    const all = report.summary.latency?.all;
    expect(all?.baseline.count).toBe(3);
    expect(all?.candidate.count).toBe(3);
    expect(result.stdout).toMatch(/latency p50 .* · 3 cases both sides answered/);
  });
});
