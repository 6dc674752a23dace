/**
 * A report has a bounded size per case, whatever the servers send: a 10 MB
 * JSON key, 200 levels of 1,000-character keys above 2,000 differing
 * members, a 5-million-digit number. Keys, paths, values and numbers are cut
 * with a marker and their full size; each format holds at most
 * {@link PER_CASE} bytes per such case; a run of 16 of them stays under
 * 500 MB of memory (the child's maximum RSS, from `/usr/bin/time -v`); and
 * `parity report --from` reads back every report parity wrote.
 */
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { bundledBin } from './helpers.js';

/** The documented bound of one case in one report format (docs/failure-handling.md). */
const PER_CASE = 2 * 1024 * 1024;

const BIG_KEY = 'k'.repeat(10_000_000);
const DIGITS = (last: string) => `${'7'.repeat(4_999_999)}${last}`;

/** 200 levels of 1,000-character keys above 2,000 members that differ. */
function deep(side: number): string {
  const keys = Array.from(
    { length: 200 },
    (_, n) => `${String(n).padStart(4, '0')}${'d'.repeat(996)}`,
  );
  const leaf = `{${Array.from({ length: 2000 }, (_, n) => `"m${n}":${n + side}`).join(',')}}`;
  return `${keys.map((k) => `{"${k}":`).join('')}${leaf}${'}'.repeat(keys.length)}`;
}

const ANSWERS: Record<string, (side: number) => string> = {
  key: (side) => `{"${BIG_KEY}":${side}}`,
  keyAdded: (side) => (side === 0 ? `{"${BIG_KEY}":1}` : '{}'),
  deep,
  number: (side) => `{"n":${DIGITS(side === 0 ? '1' : '2')}}`,
};

/** The bin under `/usr/bin/time -v`: its outcome and its maximum resident set, in bytes. */
async function measured(args: readonly string[], cwd: string) {
  const bin = await bundledBin();
  const child = spawn('/usr/bin/time', ['-v', process.execPath, bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  const exit = Number(/Exit status: (\d+)/.exec(stderr)?.[1] ?? code);
  return { code: exit, stderr, rss: kb * 1024 };
}

async function reportFiles(cwd: string): Promise<Map<string, number>> {
  const folder = join(cwd, 'reports', 'latest');
  const sizes = new Map<string, number>();
  for (const name of await readdir(folder)) sizes.set(name, (await stat(join(folder, name))).size);
  return sizes;
}

describe('reports bounded per case', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const serve = (side: number) =>
      startServer((req, res) => {
        const name = (req.url ?? '/').slice(1).replace(/-\d+$/, '');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(ANSWERS[name]?.(side) ?? '{}');
      });
    [a, b] = await Promise.all([serve(0), serve(1)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  // One run holds every claim: it was two (the four answers once each for the
  // sizes, then 16 cases for the memory), and the 16-case run alone shows both,
  // each format's bound being per case (at most 16 × 2 MiB for 16 such cases).
  it('a run of 16 such cases stays under 500 MB of memory, at most 2 MiB per case per format, and report --from reads it back', async () => {
    const names = Object.keys(ANSWERS);
    const count = 16;
    const cases = Array.from({ length: count }, (_, n) => {
      const name = names[n % names.length] ?? 'key';
      return `  - id: ${name}-${n}\n    request: { method: GET, path: /${name}-${n} }`;
    });
    const cwd = await tempProject({ 'cases/h.yaml': `suite: h\ncases:\n${cases.join('\n')}\n` });
    const run = await measured(
      [
        'run',
        '--baseline',
        `a=${a.url}`,
        '--candidate',
        `b=${b.url}`,
        '--no-tracker',
        '--timeout',
        '120000',
        // The second look is on (its default): it holds a second pair of answers only up to
        // `secondLookBytes` (1 MiB), so the 10 MB key and the 5-million-digit number are not
        // sent again (once measured at 543 MiB when they were). The reports' cuts of the 10 MB
        // key are strings of their own (`util/text.ts` headOf): as views of their parents they
        // kept every 10 MB key alive to the end of the run (peaks of 512-529 MiB; 321-456 after).
      ],
      cwd,
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.rss, `max RSS ${Math.round(run.rss / 2 ** 20)} MiB`).toBeLessThan(500 * 2 ** 20);
    const sizes = await reportFiles(cwd);
    expect(sizes.size).toBeGreaterThan(3);
    for (const [name, size] of sizes) {
      expect(size, `${name}: ${size} bytes`).toBeLessThan(count * PER_CASE);
    }
    // report.html per case: each case's row in its data block (deep cases took ~2.9 MB each
    // before report.html cut a row to its bound, src/reporters/report/html/row-bound.ts).
    const html = await readFile(join(cwd, 'reports', 'latest', 'report.html'), 'utf8');
    const data = /id="parity-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    const rows = data.split('{"id":"h/').slice(1);
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      expect(Buffer.byteLength(row, 'utf8'), row.slice(0, 12)).toBeLessThan(PER_CASE);
    }
    const report = JSON.parse(
      await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8'),
    ) as RunReport;
    // The 200 levels of keys (about 220 KB) may be looked at again; the 10 MB key and the
    // 5-million-digit number are over the bound, and each one skipped says so.
    const skipped = report.results.filter((r) => r.secondLookSkipped !== undefined);
    expect(report.secondLook?.tooLarge).toBe(skipped.length);
    expect(skipped.length).toBeGreaterThan(0);
    for (const result of skipped) {
      expect(result.caseId).toMatch(/^h\/(key|number)-\d+$/);
      expect(result.secondLookSkipped?.maxBytes).toBe(1024 * 1024);
    }
    const again = await measured(['report', '--from', 'latest', '--out', 'again'], cwd);
    expect(again.code, again.stderr).toBe(0);
    await access(join(cwd, 'again', 'report.md'));
  }, 600_000);
});
