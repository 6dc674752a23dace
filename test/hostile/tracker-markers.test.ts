/**
 * Text from a server that looks like parity's own markup: the tracker's
 * markers as JSON keys and values, an HTML comment, a table row. It is data
 * in every output: the tracker takes its rows and parses again (run after
 * run), report.md holds it only inside code spans, report.html never as
 * markup, and no run leaves a lock behind.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitCodeSpans } from '../../src/util/code-span.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const START = '<!-- parity:tracker:start -->';
const END = '<!-- parity:tracker:end -->';
const NEXT_ID = '<!-- parity:next-id 900 -->';

describe('server text that holds the tracker markers', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const serve = (side: number) =>
      startServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            side === 0
              ? { [END]: 1, [START]: 2, note: END, row: '| x | y |' }
              : { note: `${START}\n${END}`, [`${END}\n`]: 3, row: '|', [NEXT_ID]: 4 },
          ),
        );
      });
    [a, b] = await Promise.all([serve(0), serve(1)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('is a row of the tracker, which parses again run after run, and no lock stays', async () => {
    const cwd = await tempProject({
      'cases/m.yaml':
        'suite: m\ncases:\n  - id: one\n    request: { method: GET, path: /one }\n  - id: two\n    request: { method: GET, path: /two }\n',
    });
    const run = () => runCli(cwd, ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`]);
    for (let round = 0; round < 2; round++) {
      const outcome = await run();
      expect(outcome.code, outcome.stderr).toBe(1);
      expect(await readdir(join(cwd, 'docs'))).toEqual(['ARCHITECTURE_COMPARISON.md']);
    }
    const tracker = await readFile(join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md'), 'utf8');
    // The server's markers are in rows (code spans); the file's own two are the only marker lines.
    expect(
      tracker.split('\n').filter((line) => line.trim().startsWith('<!-- parity:tracker')),
    ).toEqual([START, END]);
    expect(tracker).toContain(`lacks \`/${END}\``);
    expect(tracker).toContain(NEXT_ID);
    expect(tracker).not.toContain('PAR-900');
    const listed = await runCli(cwd, ['tracker']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/open/);

    const report = join(cwd, 'reports', 'latest');
    const md = await readFile(join(report, 'report.md'), 'utf8');
    const outsideSpans = splitCodeSpans(md)
      .filter((part) => !part.code)
      .map((part) => part.text)
      .join('');
    expect(outsideSpans).not.toContain('<!--');
    expect(md.split('\n').filter((line) => line.trim() === END || line.trim() === START)).toEqual(
      [],
    );
    const html = await readFile(join(report, 'report.html'), 'utf8');
    expect(html).not.toContain('<!-- parity');
    expect(html).toContain('parity:tracker:end');
  });

  it('a tracker a run already wrote such a row into reads as its table', async () => {
    const cwd = await tempProject({
      'docs/ARCHITECTURE_COMPARISON.md': [
        '# Decisions',
        '',
        START,
        '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        `| PAR-001 | _open_ | shape | \`GET /one\` | \`m/one\` | /one: candidate lacks \`/${END}\` | 2026-11-26 | 2026-11-26 | | \`structure-5fdfeae39414\` | |`,
        END,
        '',
      ].join('\n'),
    });
    const listed = await runCli(cwd, ['tracker']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('PAR-001');
  });
});
