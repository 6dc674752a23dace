/**
 * Issue 47, item 2 / issue 43: a server's own identity values are
 * per-instance, found by evidence on the first run, never by a member's
 * name: the port it listens on (each side's own, from its URL) and the
 * release version it names as its own in its `Server` header. Two servers of
 * one API report both in a settings document, beside a real change (an
 * option with another default) that keeps its own row, and beside a version
 * no header names (a dependency's: data) that stays a row too. Two fixtures
 * with other names (and one writes the port as digits in a string).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly port: string;
  readonly version: string;
  readonly option: string;
  readonly library: string;
  readonly asText: boolean;
}

const FIRST: Fixture = {
  name: 'a settings document',
  port: 'port',
  version: 'version',
  option: 'recordRequests',
  library: 'parserVersion',
  asText: false,
};
const SECOND: Fixture = {
  name: 'other names, the port as digits',
  port: 'listenOn',
  version: 'release',
  option: 'keepAlive',
  library: 'engine',
  asText: true,
};

async function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const own = candidate ? '2.9.1' : '1.16.0';
  let port = 0;
  const started = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', server: `bank/${own}` });
    res.end(
      JSON.stringify({
        [f.version]: own,
        options: {
          [f.port]: f.asText ? String(port) : port,
          [f.option]: candidate,
          [f.library]: candidate ? '4.0.2' : '3.1.0',
        },
      }),
    );
  });
  port = Number(new URL(started.url).port);
  return started;
}

describe("a server's own port and version are per-instance", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({
      'cases/admin.yaml': `suite: admin
cases:
  - id: config
    request: { method: GET, path: /config }
`,
    });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const summaries = (report.rootCauses ?? []).map((c) => c.summary).join('\n');
    expect(summaries).not.toContain(`/${f.port}`);
    expect(summaries).not.toContain(`/${f.version}\``);
    // The real change and the dependency's version keep their rows.
    expect(summaries).toContain(`/options/${f.option}`);
    expect(summaries).toContain(`/options/${f.library}`);
    const result = report.results.find((r) => r.caseId === 'admin/config');
    expect(result?.origin).toContain(`/options/${f.port}`);
    expect(result?.generated?.join(' ')).toContain(`/${f.version} (each side's own version`);
  });
});
