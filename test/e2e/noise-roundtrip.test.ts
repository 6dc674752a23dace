/**
 * A report parity writes with `--noise` reads back: a noise sample whose
 * replica lacks the value (an entry keyed by a random id) is written without
 * its key, and `--compare-to` and `report --from` still read the report.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: s
cases:
  - id: sessions
    request: { method: GET, path: /sessions }
`;

describe('a --noise report, read back', () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServer((_req, res) =>
          json(res, 200, {
            total: 3,
            byId: Object.fromEntries([1, 2, 3].map(() => [randomUUID(), { open: true }])),
          }),
        ),
      );
    }
  });
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it('is read by --compare-to and report --from', async () => {
    const [a, b] = servers;
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    const args = [
      'run',
      '--baseline',
      `a=${a?.url}`,
      '--candidate',
      `b=${b?.url}`,
      '--noise',
      '--no-tracker',
    ];
    const first = await runCli(cwd, args);
    const written = await latestReport(cwd);
    const samples = written.noise?.entries.flatMap((e) => e.samples) ?? [];
    expect(samples.some((s) => !('replica' in s) || !('baseline' in s))).toBe(true);
    const again = await runCli(cwd, [...args, '--compare-to', 'reports/latest/report.json']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(first.code);
    const rendered = await runCli(cwd, ['report', '--from', 'reports/latest']);
    expect(rendered.stderr).toBe('');
    expect(rendered.code).toBe(0);
  });
});
