/**
 * Answers both sides wrote alike skip the run's per-instance normalisers
 * (`core/normalise/alike.ts`), but the memories that learn from every answer
 * still read them. Here the equal answers are the evidence: each side's own
 * identity (`core/normalise/own-identity.ts`) holds one value per side across
 * the run, and equal answers show the candidate's place holding the
 * baseline's value too, so the one answer that differs there is data, one
 * row. Without those equal answers the same difference is the server's own
 * identity, no row. Two fixtures with other field names and places.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestReport, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly member: string;
  /** The answer at `path/N` with `value` at `member`. */
  readonly answer: (value: string, n: number) => unknown;
  readonly baseline: string;
  readonly candidate: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a version at the root',
    path: '/about',
    member: '/version',
    answer: (version, n) => ({ version, name: 'store', page: n }),
    baseline: '4.1.0',
    candidate: '4.2.0',
  },
  {
    name: 'a host name in a nested object',
    path: '/status',
    member: '/node/hostname',
    answer: (hostname, n) => ({ node: { hostname, zone: 'eu-1' }, checks: n }),
    baseline: 'db-a.internal',
    candidate: 'db-b.internal',
  },
];

/** Both sides answer `baseline` at `member`, but for `last`, where the candidate answers its own. */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const last = req.url?.endsWith('/last') === true;
    const n = last ? 0 : Number(req.url?.split('/').at(-1));
    json(res, 200, f.answer(candidate && last ? f.candidate : f.baseline, n));
  });
}

const cases = (f: Fixture, equal: number) => `suite: s
cases:
${Array.from({ length: equal }, (_, i) => `  - { id: equal-${i}, request: { method: GET, path: ${f.path}/${i} } }`).join('\n')}
  - { id: last, request: { method: GET, path: ${f.path}/last } }
`;

async function run(f: Fixture, equal: number) {
  const baseline = await server(f, false);
  const candidate = await server(f, true);
  try {
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, equal) });
    const argv = ['run', 'cases', ...sidesOf(baseline, candidate), '--tracker', 'tracker.md'];
    const out = await runCli(cwd, argv);
    const report = await latestReport(cwd);
    const tracker = await readFile(join(cwd, 'tracker.md'), 'utf8').catch(() => '');
    return { out, report, rows: tracker.match(/^\| PAR-\d+ .*$/gm) ?? [] };
  } finally {
    await Promise.all([baseline.close(), candidate.close()]);
  }
}

describe('equal answers teach the memories that learn from every answer', () => {
  it.each(FIXTURES)('$name: one row where equal answers showed the place is data', async (f) => {
    const { out, report, rows } = await run(f, 3);
    // A version's row awaits evidence (an id-like value, `generated.ts`): it fails no run.
    expect(out.code, out.stdout + out.stderr).not.toBe(2);
    expect(report.summary.equal).toBe(3);
    expect(report.summary.divergent).toBe(1);
    const causes = report.rootCauses ?? [];
    expect(causes.map((c) => c.caseIds)).toEqual([['s/last']]);
    expect(causes[0]?.summary).toContain(f.member.split('/').at(-1));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(causes[0]?.fingerprint);
  });

  it.each(FIXTURES)('$name: without them, the same difference is its own identity', async (f) => {
    const { out, report, rows } = await run(f, 0);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    expect(report.rootCauses ?? []).toEqual([]);
    expect(rows).toEqual([]);
  });
});
