/**
 * Every file parity reads is a regular file, or refused before anything is
 * sent: a FIFO (or a folder) in the place of an import's input, an OpenAPI
 * document, a report read back, a recording's files or the tracker's lock
 * never blocks a command. Each command below gets a FIFO where it reads and
 * must end within seconds with a message naming what the file is.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAgainstRecording, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { mkfifo } from './helpers.js';

const CASES = 'suite: s\ncases:\n  - id: c\n    request: { method: GET, path: /x }\n';

/** Ends within `ms`, or fails saying the command hung. */
async function quickly<T>(work: Promise<T>, ms = 8_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('files parity reads are regular files', () => {
  let server: TestServer;
  let targets: string[];
  beforeAll(async () => {
    server = await startServer((_req, res) => json(res, 200, { ok: true }));
    targets = ['--baseline', `a=${server.url}`, '--candidate', `b=${server.url}`];
  });
  afterAll(async () => server.close());

  const commands: [string, (cwd: string) => string[], string][] = [
    ['import curl', () => ['import', 'curl', 'pipe'], 'pipe'],
    ['import har', () => ['import', 'har', 'pipe'], 'pipe'],
    ['import postman', () => ['import', 'postman', 'pipe'], 'pipe'],
    ['import openapi', () => ['import', 'openapi', 'pipe'], 'pipe'],
    ['report --from', () => ['report', '--from', 'pipe'], 'pipe'],
    ['merge', () => ['merge', 'pipe', 'pipe', '--no-tracker'], 'pipe'],
    ['tracker --check --from', () => ['tracker', '--check', '--from', 'pipe'], 'pipe'],
    ['run --compare-to', () => ['run', ...targets, '--no-tracker', '--compare-to', 'pipe'], 'pipe'],
    ['fuzz --openapi', () => ['fuzz', ...targets, '--no-tracker', '--openapi', 'pipe'], 'pipe'],
  ];

  it.each(commands)('%s refuses a FIFO and ends', async (_, argv, fifo) => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    await mkfifo(join(cwd, fifo));
    const before = server.requests.length;
    const result = await quickly(runCli(cwd, argv(cwd)));
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toMatch(/FIFO \(named pipe\), not a regular file/);
    expect(server.requests.length).toBe(before);
  });

  it('a recording whose manifest or entry is a FIFO is refused or recorded as a bad entry, and ends', async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    const recorded = await runCli(cwd, ['record', '--target', `a=${server.url}`, '--out', 'rec']);
    expect(recorded.code, recorded.stderr).toBe(0);
    // The entry: the case reads as a recording that is not valid, the run ends.
    const entry = join(cwd, 'rec', 's', 'c.json');
    await rm(entry);
    await mkfifo(entry);
    const run = await quickly(runAgainstRecording(cwd, 'rec', `b=${server.url}`));
    expect(run.stdout + run.stderr).toMatch(/1 with an unreadable entry/);
    expect(run.stdout).toContain('PARITY_RECORDING_INVALID');
    // The manifest: refused before anything is sent.
    await rm(join(cwd, 'rec', 'recording.json'));
    await mkfifo(join(cwd, 'rec', 'recording.json'));
    const again = await quickly(runAgainstRecording(cwd, 'rec', `b=${server.url}`));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/FIFO \(named pipe\), not a regular file/);
  });

  it("a FIFO as the tracker's lock file is refused before anything is sent", async () => {
    const cwd = await tempProject({ 'cases/s.yaml': CASES });
    await mkdir(join(cwd, 'docs'), { recursive: true });
    await writeFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), '');
    await runCli(cwd, ['tracker', '--init']);
    await mkfifo(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md.lock'));
    const before = server.requests.length;
    const run = await quickly(runCli(cwd, ['run', ...targets]));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/lock file .* is a FIFO \(named pipe\), not a regular file/);
    expect(server.requests.length).toBe(before);
    const decide = await quickly(runCli(cwd, ['decide', 'PAR-001', 'accepted']));
    expect(decide.code).toBe(2);
  });
});

describe('a recording entry far larger than any answer parity records', () => {
  it('is refused before it is read (an unreadable entry), and the run ends', async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({ 'cases/s.yaml': CASES });
      expect(
        (await runCli(cwd, ['record', '--target', `a=${server.url}`, '--out', 'rec'])).code,
      ).toBe(0);
      // 300 MB, sparse: no disk is used, and no byte must be read.
      const { truncate } = await import('node:fs/promises');
      await truncate(join(cwd, 'rec', 's', 'c.json'), 300 * 1024 * 1024);
      const run = await runAgainstRecording(cwd, 'rec', `b=${server.url}`);
      expect(run.stdout + run.stderr).toMatch(/1 with an unreadable entry/);
    } finally {
      await server.close();
    }
  });
});
