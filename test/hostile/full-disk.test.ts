/**
 * A disk that takes no more bytes. A full disk (ENOSPC) needs a mount to
 * make; `ulimit -f` gives the same failure of `write` for every file past
 * a size (EFBIG), with no privilege, and parity treats both (and EDQUOT,
 * EROFS, EIO) alike: the file and the reason named, exit 4, no stack trace;
 * a report that could be written is written (reports before the tracker),
 * a format that could not is named, the tracker is untouched and no lock or
 * temp file stays; an import or a recording writes nothing rather than a
 * part. A read-only folder (`chattr +i`, which holds even for root) is
 * refused before anything is written.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { bundledBin, makeReadOnly } from './helpers.js';

/** The bin run by bash with `ulimit -f blocks` (1 KiB blocks): every file it writes stops there. */
async function limited(
  blocks: number,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = await bundledBin();
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`);
  const child = spawn('bash', ['-c', `ulimit -f ${blocks}; exec ${quoted.join(' ')}`], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

const NO_TRACE = /\n\s+at |internal error|please report/;
const HEADER =
  '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n';

/** A tracker of `rows` open rows (about 170 bytes each). */
function bigTracker(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, n) =>
      `| PAR-${String(n + 1).padStart(4, '0')} | _open_ | value | \`GET /r${n}\` | \`s/r${n}\` | /r${n}: value of \`/v\` differs | 2026-01-01 | 2026-01-01 | | \`structure-${n.toString(16).padStart(12, '0')}\` | |`,
  );
  return `# Decisions\n\n<!-- parity:tracker:start -->\n${HEADER}${lines.join('\n')}\n<!-- parity:tracker:end -->\n`;
}

describe('a disk that takes no more bytes', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    // `/big` answers 400 KB that differ; anything else a small difference.
    const serve = (side: number) =>
      startServer((req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const big = req.url === '/big';
        res.end(
          JSON.stringify(
            big
              ? {
                  items: Array.from({ length: 4000 }, (_, n) => ({
                    n,
                    v: `${side}-${'x'.repeat(80)}`,
                  })),
                }
              : { v: side },
          ),
        );
      });
    [a, b] = await Promise.all([serve(0), serve(1)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });
  const targets = () => ['--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`];

  it('decide: the tracker named, exit 4, the file, no lock and no temp file left', async () => {
    const tracker = bigTracker(2000);
    const cwd = await tempProject({ 'docs/ARCHITECTURE_COMPARISON.md': tracker });
    const outcome = await limited(200, ['decide', 'PAR-0001', 'accepted', '--note', 'ok'], cwd);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    expect(outcome.code, outcome.stderr).toBe(4);
    expect(outcome.stderr).toMatch(
      /ARCHITECTURE_COMPARISON\.md.*(larger than the system allows|disk is full)/,
    );
    expect(await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8')).toBe(tracker);
    expect(await readdir(join(cwd, 'docs'))).toEqual(['ARCHITECTURE_COMPARISON.md']);
  }, 60_000);

  it('run: the reports are written, the tracker that cannot be is named and left as it was', async () => {
    // 400 KB of notes outside the table (kept byte for byte): the tracker is past the limit, the reports not.
    const tracker = `${'A note kept by hand.\n'.repeat(20_000)}\n${bigTracker(3)}`;
    const cwd = await tempProject({
      'docs/ARCHITECTURE_COMPARISON.md': tracker,
      'cases/s.yaml':
        'suite: s\ncases:\n  - id: small\n    request: { method: GET, path: /small }\n',
    });
    const outcome = await limited(200, ['run', ...targets()], cwd);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    expect(outcome.code, outcome.stderr).toBe(4);
    expect(outcome.stderr).toMatch(
      /tracker was not updated.*(larger than the system allows|disk is full)/s,
    );
    expect(await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8')).toBe(tracker);
    expect(await readdir(join(cwd, 'docs'))).toEqual(['ARCHITECTURE_COMPARISON.md']);
    const report = JSON.parse(
      await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8'),
    );
    expect(report.results.map((r: { caseId: string }) => r.caseId)).toEqual(['s/small']);
  }, 60_000);

  it('run --reports: the formats that could not be written are named, the folder stays .partial', async () => {
    const cwd = await tempProject({
      'cases/s.yaml': 'suite: s\ncases:\n  - id: big\n    request: { method: GET, path: /big }\n',
    });
    const outcome = await limited(200, ['run', ...targets(), '--reports', 'out'], cwd);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    expect(outcome.code, outcome.stderr).toBe(4);
    // The first file past the limit is named: results.ndjson (every report is made from it) or a format.
    expect(outcome.stderr).toMatch(/results\.ndjson|report\.json/);
    expect(outcome.stderr).toMatch(/\.partial/);
    expect(outcome.stderr).toMatch(/larger than the system allows|disk is full/);
    const folders = await readdir(join(cwd, 'out'));
    expect(folders.some((f) => f.endsWith('.partial'))).toBe(true);
    expect(folders).not.toContain('latest');
  }, 60_000);

  it('import --out: nothing written, the reason named', async () => {
    const cwd = await tempProject({
      'in.sh': `curl -X POST http://h/x -H 'content-type: application/json' -d '{"a":"${'y'.repeat(300_000)}"}'\n`,
    });
    const outcome = await limited(200, ['import', 'curl', 'in.sh', '--out', 'imported'], cwd);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    expect(outcome.code, outcome.stderr).toBe(4);
    expect(outcome.stderr).toMatch(/larger than the system allows|disk is full/);
    expect((await readdir(cwd)).sort()).toEqual(['in.sh']);
  }, 60_000);

  it('record --out: no recording without its recording.json', async () => {
    const cwd = await tempProject({
      'cases/s.yaml':
        'suite: s\ncases:\n  - id: small\n    request: { method: GET, path: /small }\n  - id: big\n    request: { method: GET, path: /big }\n',
    });
    const outcome = await limited(200, ['record', '--target', `a=${a.url}`, '--out', 'rec'], cwd);
    expect(outcome.stderr).not.toMatch(NO_TRACE);
    expect(outcome.code, outcome.stderr).toBe(4);
    expect(outcome.stderr).toMatch(/larger than the system allows|disk is full/);
    const left = await readdir(cwd);
    if (left.includes('rec')) {
      expect(await readdir(join(cwd, 'rec'))).toContain('recording.json');
    }
  }, 60_000);

  it('decide on a read-only docs folder: refused, exit 2, the tracker as it was', async (context) => {
    const tracker = bigTracker(3);
    const cwd = await tempProject({ 'docs/ARCHITECTURE_COMPARISON.md': tracker });
    const undo = await makeReadOnly(join(cwd, 'docs'));
    if (undo === undefined) {
      context.skip();
      return;
    }
    try {
      const outcome = await limited(100_000, ['decide', 'PAR-0001', 'accepted'], cwd);
      expect(outcome.stderr).not.toMatch(NO_TRACE);
      expect(outcome.code, outcome.stderr).toBe(2);
      expect(outcome.stderr).toMatch(/docs/);
    } finally {
      await undo();
    }
    expect(await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8')).toBe(tracker);
  }, 60_000);
});
