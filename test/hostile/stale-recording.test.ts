/**
 * A recording that answers none of the cases a run asks of it (they changed
 * since it was made, or were never recorded) is a folder on disk, not an
 * unreachable server: the run exits 3 (as for a target that answers no case)
 * and says what the recording lacks and how to refresh it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAgainstRecording, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const caseFile = (paths: readonly string[]) =>
  `suite: s\ncases:\n${paths.map((path, n) => `  - { id: c${n}, request: { method: GET, path: ${path} } }\n`).join('')}`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { path: req.url }));
});
afterAll(() => server.close());

describe('a recording that answers none of the selected cases', () => {
  it('says the recording is stale (not "unreachable"), names what it lacks, exits 3', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': caseFile(['/a']) });
    const recorded = await runCli(cwd, ['record', '--target', `rust=${server.url}`]);
    expect(recorded.code, recorded.stderr).toBe(0);
    // c0 changed since it was recorded; c1 was never recorded.
    await writeFile(join(cwd, 'cases/s.yaml'), caseFile(['/a-changed', '/b']));
    const before = server.requests.length;
    const outcome = await runAgainstRecording(cwd, 'recordings/rust', `go=${server.url}`);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).not.toContain('unreachable');
    expect(outcome.stderr).toContain(
      'parity: stale recording: the recording recordings/rust has none of the 2 case(s) asked of it: 1 changed since it was recorded (stale), 1 not in it (or not sent when it was made); refresh it with parity record --update --out recordings/rust --target rust=URL',
    );
    // The candidate was asked as usual; the recording answered from disk.
    expect(server.requests.length - before).toBe(2);
  });

  it('a live target that answers nothing is still "unreachable"', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': caseFile(['/a']) });
    const outcome = await runCli(cwd, [
      'run',
      '--baseline',
      'rust=http://127.0.0.1:1',
      '--candidate',
      `go=${server.url}`,
      '--no-tracker',
    ]);
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toContain('parity: unreachable: rust answered no case');
  });
});
