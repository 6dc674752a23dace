/**
 * Every output of a run is a reporter (`onBegin`, `onObservation`, `onEnd`): one
 * that throws is left out and reported, and neither the other reporters nor
 * the run notice.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contract/observation.js';
import { runProjectLibrary as runLibrary } from '../../src/engine/run-library.js';
import type { RunReporter } from '../../src/reporters/reporter.js';
import { createReporters } from '../../src/reporters/reporter.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = `
suite: users
cases:
  - id: one
    request: { method: GET, path: /users/1 }
  - id: two
    request: { method: GET, path: /users/2 }
  - id: three
    request: { method: GET, path: /users/3 }
`;

describe('reporters', () => {
  let baseline: TestServer;
  let candidate: TestServer;
  beforeAll(async () => {
    baseline = await startServer((req, res) => json(res, 200, { id: req.url, name: 'a' }));
    candidate = await startServer((req, res) =>
      json(res, 200, { id: req.url, name: req.url === '/users/2' ? 'b' : 'a' }),
    );
  });
  afterAll(async () => {
    await baseline.close();
    await candidate.close();
  });

  it('go on without one that throws, and the run says which', async () => {
    const cwd = await tempProject({ 'cases/users.yaml': CASES });
    const seen: Observation[] = [];
    let begun = 0;
    let ended: string | undefined;
    const throwing: RunReporter = {
      name: 'broken',
      onObservation: () => {
        throw new Error('cannot draw');
      },
      onEnd: () => {
        throw new Error('never called: it failed already');
      },
    };
    const counting: RunReporter = {
      name: 'counting',
      onBegin: (count) => {
        begun = count;
      },
      onObservation: (result) => seen.push(result),
      onEnd: ({ report }) => {
        ended = report.runId;
      },
    };
    const run = await runLibrary({
      cwd,
      env: {},
      baseline: `a=${baseline.url}`,
      candidate: `b=${candidate.url}`,
      tracker: false,
      reporters: [throwing, counting],
    });
    expect(begun).toBe(3);
    expect(seen.map((r) => r.caseId).sort()).toEqual(['users/one', 'users/three', 'users/two']);
    expect(ended).toBe(run.report.runId);
    expect(run.report.summary.divergent).toBe(1);
    expect(run.reporterFailures).toEqual([
      { name: 'broken', hook: 'onObservation', error: new Error('cannot draw') },
    ]);
    // The run's own reporters (results.ndjson, the report files) all wrote.
    const lines = (await readFile(join(run.written.dir, 'results.ndjson'), 'utf8')).trim();
    expect(lines.split('\n')).toHaveLength(3);
    expect(run.written.failures).toEqual([]);
    expect(run.written.files.map((file) => file.slice(run.written.dir.length + 1))).toEqual([
      'report.json',
      'report.md',
      'report.html',
      'junit.xml',
    ]);
  });

  it('hear of each case once it is judged, in the order the answers came, divergent or not', async () => {
    // Every third case diverges; one case in flight, so the answers come in run order.
    const ids = Array.from({ length: 40 }, (_, n) => n);
    const cases = ids.map((n) => `  - id: c${n}\n    request: { method: GET, path: /items/${n} }`);
    const cwd = await tempProject({
      'parity.config.yaml': 'concurrency: 1\n',
      'cases/items.yaml': `suite: items\ncases:\n${cases.join('\n')}\n`,
    });
    let asked = 0;
    const a = await startServer((req, res) => {
      asked++;
      json(res, 200, { id: req.url });
    });
    const b = await startServer((req, res) => {
      const n = Number(req.url?.split('/').pop());
      json(res, 200, { id: n % 3 === 2 ? 'other' : req.url });
    });
    // For each result: its position, and how many cases the baseline had been asked by then.
    const heard: { position: number; verdict: string; asked: number }[] = [];
    try {
      await runLibrary({
        cwd,
        env: {},
        baseline: `a=${a.url}`,
        candidate: `b=${b.url}`,
        tracker: false,
        reporters: [
          {
            name: 'order',
            onObservation: (result, position) =>
              void heard.push({ position, verdict: result.verdict, asked }),
          },
        ],
      });
    } finally {
      await a.close();
      await b.close();
    }
    expect(heard.map((h) => h.position)).toEqual(ids);
    expect(heard.filter((h) => h.verdict === 'divergent')).toHaveLength(13);
    // Not held back: a result is heard before the case after next is sent.
    for (const h of heard)
      expect(h.asked, `position ${h.position}`).toBeLessThanOrEqual(h.position + 2);
  });

  it('keep a failure in onEnd to its reporter', async () => {
    const order: string[] = [];
    const reporters = createReporters<string>([
      { name: 'first', onEnd: (end) => void order.push(`first ${end}`) },
      {
        name: 'failing',
        onEnd: async () => {
          throw new Error('disk full');
        },
      },
      { name: 'last', onEnd: async (end) => void order.push(`last ${end}`) },
    ]);
    reporters.onBegin(1);
    await reporters.onEnd('done');
    expect(order).toEqual(['first done', 'last done']);
    expect(reporters.failures().map((f) => [f.name, f.hook, f.error.message])).toEqual([
      ['failing', 'onEnd', 'disk full'],
    ]);
  });

  it('let an essential reporter fail the run', () => {
    const reporters = createReporters<string>([
      {
        name: 'store',
        essential: true,
        onObservation: () => {
          throw new Error('disk full');
        },
      },
    ]);
    expect(() => reporters.onBegin(1)).not.toThrow();
    expect(() => reporters.onObservation({} as Observation, 0)).toThrow('disk full');
  });

  it('print the console summary as a reporter, and a reporter failure on stderr', async () => {
    const cwd = await tempProject({ 'cases/users.yaml': CASES });
    const out = await runCli(cwd, [
      'run',
      '--baseline',
      `a=${baseline.url}`,
      '--candidate',
      `b=${candidate.url}`,
      '--no-tracker',
    ]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('users/two');
    expect(out.stderr).not.toContain('reporter failed');
  });
});
