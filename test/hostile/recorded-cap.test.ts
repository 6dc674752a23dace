/**
 * Recorded bodies follow the live body cap and node budget: a recording made
 * with the defaults, replayed by a run whose config has a smaller cap or
 * budget, reads each recorded answer as that run reads a live one (truncated
 * past the cap, too complex past the budget, by the same hash), so the same
 * answers compare equal and nothing recorded bypasses the run's limits.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runAgainstRecording, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const BIG_JSON = JSON.stringify({ items: Array.from({ length: 2_000 }, (_, n) => ({ n })) });
const BIG_TEXT = 'line of text\n'.repeat(3_000);
const DEEP_JSON = `${'{"a":'.repeat(12)}1${'}'.repeat(12)}`;

const CASES = `suite: s
cases:
  - id: big-json
    request: { method: GET, path: /big-json }
  - id: big-text
    request: { method: GET, path: /big-text }
  - id: deep
    request: { method: GET, path: /deep }
  - id: small
    request: { method: GET, path: /small }
`;

describe('a recording replayed under a smaller cap or budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const [type, body] =
        req.url === '/big-json'
          ? ['application/json', BIG_JSON]
          : req.url === '/big-text'
            ? ['text/plain', BIG_TEXT]
            : req.url === '/deep'
              ? ['application/json', DEEP_JSON]
              : ['application/json', '{"ok":true}'];
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
  });
  afterAll(async () => server.close());

  it('reads each recorded body as the live side reads its answer: all equal', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    const recorded = await runCli(cwd, ['record', '--target', `a=${server.url}`, '--out', 'rec']);
    expect(recorded.code, recorded.stderr).toBe(0);
    // The recording holds the whole bodies (made under the default 16 MiB cap).
    expect(await readFile(join(cwd, 'rec/s/big-text.json'), 'utf8')).toContain('line of text');
    await writeFile(
      join(cwd, 'parity.config.yaml'),
      'bodyCapBytes: 10000\nbodyBudget: { nodes: 100000, depth: 8 }\n',
    );
    const replay = await runAgainstRecording(cwd, 'rec', `b=${server.url}`);
    expect(replay.code, replay.stdout + replay.stderr).toBe(0);
    const report = await latestReport(cwd);
    const byId = new Map(
      report.results.map((result) => [result.caseId.replace(/^s\//, ''), result]),
    );
    for (const id of ['big-json', 'big-text', 'deep', 'small']) {
      expect(byId.get(id)?.verdict, id).toBe('equal');
    }
    expect(JSON.stringify(report.results)).toMatch(/too-complex|truncated|over/);
  });

  it('without the cap in the config the same recording replays whole', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    expect(
      (await runCli(cwd, ['record', '--target', `a=${server.url}`, '--out', 'rec'])).code,
    ).toBe(0);
    const replay = await runAgainstRecording(cwd, 'rec', `b=${server.url}`);
    expect(replay.code, replay.stdout).toBe(0);
  });
});
