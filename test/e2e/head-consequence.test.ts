/**
 * A HEAD answers the headers its GET would: where one side sends an error
 * page and the other an empty 404 (Python's http.server against
 * http-server), `GET /missing.txt` is the row `4xx bodies: text vs empty`
 * and `HEAD /missing.txt`'s `content-type` difference sits under it. A
 * HEAD whose header differs while its GET's body does not keeps its row,
 * and a tracker's older row for the HEAD's header is superseded, its
 * Decision kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

function server(errorPage: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.url === '/notes.txt') {
      // The candidate's HEAD alone names another type: its GET's body is the same.
      const type = !errorPage && req.method === 'HEAD' ? 'text/markdown' : 'text/plain';
      res.writeHead(200, { 'content-type': type }).end('notes\n');
      return;
    }
    if (!errorPage) {
      res.writeHead(404).end();
      return;
    }
    const page = '<html><body><h1>Error response</h1><p>Error code: 404</p></body></html>\n';
    res.writeHead(404, { 'content-type': 'text/html' }).end(page);
  });
}

const head = `suite: head
defaults:
  rules: { headers: [content-type] }
cases:
  - id: missing-head
    request: { method: HEAD, path: /missing.txt }
  - id: notes-head
    request: { method: HEAD, path: /notes.txt }
`;
const get = `suite: get
defaults:
  rules: { headers: [content-type] }
cases:
  - id: missing
    request: { method: GET, path: /missing.txt }
  - id: notes
    request: { method: GET, path: /notes.txt }
`;

describe("a HEAD's headers that describe the body its GET showed differing", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it("sit under the GET's row; an older row of theirs is superseded, its Decision kept", async () => {
    const baseline = await server(true);
    const candidate = await server(false);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/head.yaml': head, 'cases/get.yaml': get });
    const targets = ['--baseline', `py=${baseline.url}`, '--candidate', `node=${candidate.url}`];
    // A first run of the HEADs alone: the header difference is a row of its own.
    const first = await runCli(cwd, ['run', ...targets, 'cases/head.yaml']);
    expect(first.code, first.stdout).toBe(1);
    const tracker = join(cwd, 'docs', 'ARCHITECTURE_COMPARISON.md');
    const before = await readFile(tracker, 'utf8');
    const row = /^\| (PAR-\d+) \| _open_ \| header \| `HEAD \/missing\.txt` .*\| \|$/m.exec(before);
    expect(row, before).not.toBeNull();
    // A person's Decision, written by hand in the row's last cell.
    await writeFile(
      tracker,
      before.replace(row?.[0] ?? '', `${row?.[0].slice(0, -1)}we send no error page |`),
    );

    const run = await runCli(cwd, ['run', ...targets]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = (report.rootCauses ?? []).filter((c) => c.caseIds.length > 0);
    expect(causes.map((c) => [c.summary, c.caseIds, c.consequences ?? []])).toEqual([
      ['4xx bodies: text vs empty', ['get/missing', 'head/missing-head'], ['head/missing-head']],
      ['header `content-type` differs: `text/plain` vs `text/markdown`', ['head/notes-head'], []],
    ]);
    const after = await readFile(tracker, 'utf8');
    const superseded = after.split('\n').find((line) => line.startsWith(`| ${row?.[1]} |`));
    expect(superseded).toMatch(
      /\| _superseded_ \| header \|.*superseded by PAR-\d+ · .*\| we send no error page \|$/,
    );
  });
});
