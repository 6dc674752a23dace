/**
 * A HEAD shows no body, so no per-instance value of its own: its ETag is
 * proven derived by the GET of the run that answered the same two tags with
 * each side's own address in the body (as Verdaccio's `HEAD /pkg` and `GET
 * /pkg` do). A HEAD whose two tags no other answer proved keeps its row.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

function server(colour: string, clockAheadMs: number): Promise<TestServer> {
  return startServer((req, res) => {
    const doc = (name: string) => ({
      name,
      tarball: `http://${req.headers.host}/${name}/-/${name}-1.0.0.tgz`,
      ...(name === 'paint' ? { colour } : {}),
    });
    const name = (req.url ?? '/').slice(1);
    const body = doc(name);
    const etag = `"${createHash('md5').update(JSON.stringify(body)).digest('hex')}"`;
    // Two clocks a second boundary apart: the answers' `Date` headers are no evidence.
    const date = new Date(Date.now() + clockAheadMs).toUTCString();
    // Node sends no body for a HEAD: the headers alone, the tag the GET gives.
    return json(res, 200, body, { etag, date });
  });
}

const cases = `suite: pkg
defaults:
  rules: { headers: [etag] }
cases:
  - id: head
    request: { method: HEAD, path: /seed }
  - id: read
    request: { method: GET, path: /seed }
  - id: head-paint
    request: { method: HEAD, path: /paint }
`;

describe('an ETag a HEAD shares with a GET that proved it derived', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it('is compared as derived; a pair no answer proved keeps its row', async () => {
    const baseline = await server('blue', 0);
    const candidate = await server('green', 1000);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/pkg.yaml': cases });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`, ['--noise']);
    expect(run.code, run.stdout).toBe(1);
    const report = await latestReport(cwd);
    const result = (id: string) => report.results.find((r) => r.caseId === `pkg/${id}`);
    expect(result('read')?.derived).toEqual(['header etag']);
    // Sent before the GET: the evidence is the run's, whatever the order.
    expect(result('head')?.verdict).toBe('equal');
    expect(result('head')?.derived).toEqual(['header etag']);
    // Another colour makes another tag: no answer shows that pair derived.
    expect(result('head-paint')?.verdict).toBe('divergent');
    expect((report.rootCauses ?? []).map((r) => r.summary)).toEqual([
      'header `etag` differs: `"…"` vs `"…"`',
    ]);
    expect(report.summary.derived).toBe(2);
  });
});
