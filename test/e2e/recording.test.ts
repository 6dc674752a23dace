/**
 * `parity record` and `parity run --baseline-recording`: a recording of the
 * bundled serde server replayed against an identical server gives no
 * divergence and against the Go server the same divergences as a live run;
 * secrets never reach the files; noise learned at record time travels with
 * the recording; a newer schema and a changed case are refused clearly.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../examples/servers/start.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import {
  closedPort,
  json,
  startServer as startTestServer,
  type TestServer,
} from '../helpers/http.js';

const ROOT = join(import.meta.dirname, '../..');

async function exampleProject(): Promise<string> {
  const cwd = await tempProject();
  await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
  return cwd;
}

describe('recorded baselines', () => {
  const servers: Record<string, { url: string; close(): Promise<void> }> = {};
  beforeAll(async () => {
    servers['serde'] = await startServer('serde');
    servers['serde2'] = await startServer('serde');
    servers['go'] = await startServer('go');
  });
  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.close()));
  });
  const url = (name: string) => servers[name]?.url ?? '';

  it('replays against an identical server with no divergence, against a changed one with the live divergences', async () => {
    const cwd = await exampleProject();
    const recorded = await runCli(cwd, ['record', '--target', `rust=${url('serde')}`]);
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('recorded 14 case(s) of rust');
    expect(recorded.stdout).toContain(
      'next: parity run --baseline-recording recordings/rust --candidate NAME=URL',
    );

    const entry = JSON.parse(
      await readFile(join(cwd, 'recordings/rust/records/get-one.json'), 'utf8'),
    );
    expect(entry).toMatchObject({
      schemaVersion: 1,
      caseId: 'records/get-one',
      request: { method: 'GET', path: '/v1/records/3' },
      response: { status: 200 },
    });
    // Pretty-printed, with the u64 balance written exactly.
    const text = await readFile(join(cwd, 'recordings/rust/records/get-one.json'), 'utf8');
    expect(text).toContain('"balance": 18446744073709551615');
    expect(text).toContain('\n    "status": 200,');

    const same = await runCli(cwd, [
      'run',
      '--baseline-recording',
      'recordings/rust',
      '--candidate',
      `rust2=${url('serde2')}`,
      '--no-tracker',
    ]);
    expect(same.stderr).toBe('');
    expect(same.code).toBe(0);
    const sameReport = await latestReport(cwd);
    expect(sameReport.summary).toMatchObject({ cases: 14, equal: 14, divergent: 0, errors: 0 });
    expect(sameReport.baseline).toEqual({
      name: 'rust',
      url: url('serde'),
      recording: 'recordings/rust',
      // The recorded answers show their runtime as the live ones do (serde's error texts).
      runtime: { name: 'rust', from: expect.stringMatching(/^body: /) },
    });

    const replayed = await runCli(cwd, [
      'run',
      '--baseline-recording',
      'recordings/rust',
      '--candidate',
      `go=${url('go')}`,
      '--no-tracker',
      '--fail-on',
      'none',
    ]);
    expect(replayed.code).toBe(0);
    const fromRecording = await latestReport(cwd);
    const live = await runCli(cwd, [
      'run',
      '--baseline',
      `rust=${url('serde2')}`,
      '--candidate',
      `go=${url('go')}`,
      '--no-tracker',
      '--fail-on',
      'none',
    ]);
    expect(live.code).toBe(0);
    const liveReport = await latestReport(cwd);
    const divergences = (r: typeof liveReport) =>
      r.results
        .filter((x) => x.verdict === 'divergent')
        .map((x) => [x.caseId, x.kinds, x.fingerprint]);
    expect(fromRecording.summary.divergent).toBeGreaterThan(5);
    expect(divergences(fromRecording)).toEqual(divergences(liveReport));
  });

  it('refuses to overwrite a recording without --update, and refreshes it with', async () => {
    const cwd = await exampleProject();
    await runCli(cwd, ['record', 'cases/records', '--target', `rust=${url('serde')}`]);
    const again = await runCli(cwd, [
      'record',
      'cases/records',
      '--target',
      `rust=${url('serde')}`,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'recordings/rust holds a recording already; pass --update to refresh it',
    );
    const updated = await runCli(cwd, [
      'record',
      'cases/records',
      '--target',
      `rust=${url('serde')}`,
      '--update',
    ]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('updated 8 case(s) of rust');
    const manifest = JSON.parse(
      await readFile(join(cwd, 'recordings/rust/recording.json'), 'utf8'),
    );
    expect(manifest.updatedAt).toBeDefined();
  });

  it('refuses a recording of a newer schema, and says which case changed since it was recorded', async () => {
    const cwd = await exampleProject();
    await runCli(cwd, ['record', 'cases/records', '--target', `rust=${url('serde')}`]);
    const file = join(cwd, 'cases/records/records.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('path: /v1/records/3', 'path: /v1/records/2'),
    );
    const stale = await runCli(cwd, [
      'run',
      'cases/records',
      '--baseline-recording',
      'recordings/rust',
      '--candidate',
      `go=${url('serde2')}`,
      '--no-tracker',
    ]);
    expect(stale.code).toBe(1);
    const report = await latestReport(cwd);
    const changed = report.results.find((r) => r.caseId === 'records/get-one');
    expect(changed?.baseline.error).toEqual({
      code: 'PARITY_RECORDING_STALE',
      message:
        'records/get-one changed since it was recorded (re-record it: parity record --update)',
    });

    const manifestPath = join(cwd, 'recordings/rust/recording.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, schemaVersion: 99 }));
    const newer = await runCli(cwd, [
      'run',
      '--baseline-recording',
      'recordings/rust',
      '--candidate',
      `go=${url('go')}`,
    ]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain(
      'recording recordings/rust: was written by a newer parity (schemaVersion 99; this parity reads up to 1): upgrade parity, or record it again',
    );
    const both = await runCli(cwd, [
      'run',
      '--baseline-recording',
      'recordings/rust',
      '--baseline',
      `a=${url('go')}`,
      '--candidate',
      `go=${url('go')}`,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      '--baseline-recording replaces the live baseline: drop --baseline',
    );
  });

  describe('secrets and noise', () => {
    let noisy: TestServer;
    let counter = 0;
    beforeAll(async () => {
      noisy = await startTestServer((req, res) => {
        counter++;
        json(
          res,
          200,
          { id: 7, requestId: `req-${counter}`, token: req.headers['authorization'] ?? null },
          { 'set-cookie': 'session=abc; HttpOnly' },
        );
      });
    });
    afterAll(() => noisy.close());

    const CASES = `suite: api
cases:
  - id: me
    request:
      method: GET
      path: /me
      headers: { authorization: "Bearer \${env:API_TOKEN}" }
`;

    it('records a binary body as base64 and a compressed one decoded, and replays both as equal', async () => {
      const { gzipSync } = await import('node:zlib');
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe]);
      const server = await startTestServer((req, res) => {
        if (req.url === '/logo') {
          res.writeHead(200, { 'content-type': 'image/png' });
          res.end(bytes);
        } else {
          res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
          res.end(gzipSync('{"zipped":true}'));
        }
      });
      try {
        const cwd = await tempProject({
          'cases/files.yaml':
            'suite: files\ncases:\n  - id: logo\n    request: { method: GET, path: /logo }\n  - id: zipped\n    request: { method: GET, path: /zipped }\n',
        });
        expect((await runCli(cwd, ['record', '--target', `old=${server.url}`])).code).toBe(0);
        const logo = JSON.parse(
          await readFile(join(cwd, 'recordings/old/files/logo.json'), 'utf8'),
        );
        expect(logo.response.body).toEqual({ kind: 'base64', base64: bytes.toString('base64') });
        const zipped = JSON.parse(
          await readFile(join(cwd, 'recordings/old/files/zipped.json'), 'utf8'),
        );
        expect(zipped.response.body).toEqual({ kind: 'json', json: { zipped: true } });
        const run = await runCli(cwd, [
          'run',
          '--baseline-recording',
          'recordings/old',
          '--candidate',
          `new=${server.url}`,
          '--no-tracker',
        ]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
      } finally {
        await server.close();
      }
    });

    it('redacts secrets before writing, and applies the noise learned at record time', async () => {
      const cwd = await tempProject({ 'cases/api.yaml': CASES });
      const env = { API_TOKEN: 'super-secret-token-123' };
      const plain = await runCli(
        cwd,
        ['record', '--target', `old=${noisy.url}`, '--out', 'rec/plain'],
        { env },
      );
      expect(plain.code).toBe(0);
      const entry = await readFile(join(cwd, 'rec/plain/api/me.json'), 'utf8');
      expect(entry).not.toContain('super-secret-token-123');
      expect(entry).toContain('"token": "Bearer ${env:API_TOKEN}"');
      expect(entry).toContain('"set-cookie": "[redacted]"');

      // Without learned noise (and without the second look, which would see the candidate's
      // requestId change between two requests) the changing requestId diverges…
      const without = await runCli(
        cwd,
        [
          'run',
          '--baseline-recording',
          'rec/plain',
          '--candidate',
          `new=${noisy.url}`,
          '--no-tracker',
          '--second-look',
          '0',
        ],
        { env },
      );
      expect(without.code).toBe(1);
      expect((await latestReport(cwd)).results[0]?.changes?.map((c) => c.path)).toEqual([
        '/requestId',
      ]);

      // …recorded twice, the recording carries it, and the run masks it.
      const learned = await runCli(
        cwd,
        ['record', '--target', `old=${noisy.url}`, '--out', 'rec/noisy', '--noise'],
        { env },
      );
      expect(learned.stdout).toContain('noise learned for 1 endpoint(s)');
      const manifest = JSON.parse(await readFile(join(cwd, 'rec/noisy/recording.json'), 'utf8'));
      expect(manifest.noise).toEqual({ endpoints: { 'GET /me': { ignore: ['/requestId'] } } });
      const masked = await runCli(
        cwd,
        [
          'run',
          '--baseline-recording',
          'rec/noisy',
          '--candidate',
          `new=${noisy.url}`,
          '--no-tracker',
        ],
        { env },
      );
      expect(masked.stderr).toBe('');
      expect(masked.code).toBe(0);
    });
  });
});

describe('the recording command line', () => {
  it('keeps nothing of a new recording the target answered none of, so the next attempt needs no --update', async () => {
    const cwd = await tempProject({
      'cases/s.yaml': 'suite: s\ncases:\n  - id: one\n    request: { method: GET, path: /one }\n',
    });
    const down = await runCli(cwd, [
      'record',
      '--target',
      `a=http://127.0.0.1:${await closedPort()}`,
    ]);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain('parity: a answered no case');
    expect(down.stderr).toContain('nothing recorded');
    expect(down.stdout).not.toContain('next:');
    await expect(readdir(join(cwd, 'recordings'))).resolves.toEqual([]);
    const server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const up = await runCli(cwd, ['record', '--target', `a=${server.url}`]);
      expect(up.code, up.stderr).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('suggests the run that replays exactly what was recorded: the same cases and selection', async () => {
    const server = await startTestServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({
        'lib/s.yaml':
          'suite: s\ncases:\n  - id: one\n    tags: [smoke]\n    request: { method: GET, path: /one }\n  - id: two\n    request: { method: GET, path: /two }\n',
      });
      const recorded = await runCli(cwd, [
        'record',
        'lib',
        '--tag',
        'smoke',
        '--target',
        `a=${server.url}`,
        '--out',
        'rec/my one',
      ]);
      expect(recorded.code, recorded.stderr).toBe(0);
      const next = /next: (.*)/.exec(recorded.stdout)?.[1] ?? '';
      expect(next).toBe(
        "parity run lib --tag smoke --baseline-recording 'rec/my one' --candidate NAME=URL",
      );
      // Run as printed (the candidate named), it replays without a stale-recording error.
      const argv = ['lib', '--tag', 'smoke', '--baseline-recording', 'rec/my one'];
      const replayed = await runCli(cwd, [
        'run',
        ...argv,
        '--candidate',
        `b=${server.url}`,
        '--no-tracker',
      ]);
      expect(replayed.code, replayed.stderr).toBe(0);
    } finally {
      await server.close();
    }
  });
});
