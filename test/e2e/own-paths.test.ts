/**
 * Each side's own file system, where an answer names it
 * (`core/normalise/own-paths.ts`): an error page's stack trace names the
 * files of each installation and their lines, and a not-found error quotes
 * the path each server looked for what the request named. Those are
 * compared as `{{source}}` and `{{path}}`, listed under `generated`, so two
 * installations of one server make no row; what is around them still
 * differs (another error's words, a path to something the request did not
 * name, a trace on one side only). Two fixtures: a Node-style server (V8
 * frames in an HTML page, an `ENOENT … stat '…'` message) and a
 * Python-style one (a traceback in a text body, a quoted path in `detail`).
 */
import { describe, expect, it } from 'vitest';
import { latestReport, reportOfServers, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The error page's content type and how it writes a trace, from the side's install folder. */
  readonly page: { readonly type: string; readonly trace: (root: string, shift: number) => string };
  /** Where a missing file is asked for, the member that names it, and the message. */
  readonly files: string;
  readonly member: string;
  readonly missing: (root: string, name: string) => string;
  /** Each side's install and data folders. */
  readonly roots: readonly [string, string];
}

const NODE: Fixture = {
  name: 'Node-style: V8 frames in an HTML page, an ENOENT message',
  page: {
    type: 'text/html; charset=utf-8',
    trace: (root, shift) =>
      `<!DOCTYPE html>\n<html><body>\n<pre>SyntaxError: Unexpected end of JSON input<br> &nbsp; &nbsp;at JSON.parse (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at parse (${root}/node_modules/body-parser/lib/types/json.js:${89 + shift}:19)<br> &nbsp; &nbsp;at ${root}/node_modules/body-parser/lib/read.js:128:18<br> &nbsp; &nbsp;at IncomingMessage.emit (node:events:524:28)</pre>\n</body></html>\n`,
  },
  files: '/library',
  member: 'message',
  missing: (root, name) => `ENOENT: no such file or directory, stat '${root}/lib/${name}'`,
  roots: ['/srv/tmp/store-a81Kx2', '/srv/tmp/store-Q7pz0e'],
};
const PYTHON: Fixture = {
  name: 'Python-style: a traceback in a text body, a quoted path in detail',
  page: {
    type: 'text/plain; charset=utf-8',
    trace: (root, shift) =>
      `Traceback (most recent call last):\n  File "${root}/app/views.py", line ${40 + shift}, in create\n    payload = json.loads(body)\n  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads\njson.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n`,
  },
  files: '/reports',
  member: 'detail',
  missing: (root, name) => `No such file: "${root}/data/reports/${name}"`,
  roots: ['/opt/reporter-1.2', '/home/svc/reporter-2.0'],
};

/** `odd`: the side also words its missing-file error otherwise, or names another file. */
function server(f: Fixture, candidate: boolean, odd = false): Promise<TestServer> {
  const root = f.roots[candidate ? 1 : 0];
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      res.writeHead(400, { 'content-type': f.page.type });
      res.end(f.page.trace(root, candidate ? 4 : 0));
      return;
    }
    if (path.startsWith(`${f.files}/`)) {
      const name = path.slice(f.files.length + 1);
      const message = odd ? f.missing(root, 'index.json') : f.missing(root, name);
      return json(res, 404, { [f.member]: message });
    }
    return json(res, 404, { error: 'no route' });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: malformed
    request: { method: POST, path: /items, text: '{"a":' }
  - id: missing
    request: { method: GET, path: ${f.files}/no-such-entry }
`;

describe("each side's own file paths", () => {
  it.each([NODE, PYTHON])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    const [b, c] = [baseline, candidate];
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${b.url}`, `b=${c.url}`);
    await Promise.all([b.close(), c.close()]);
    expect(run.code, run.stdout).toBe(0);
    const report = await latestReport(cwd);
    const result = (id: string) => report.results.find((r) => r.caseId === id);
    expect(result('s/malformed')?.verdict).toBe('equal');
    expect(result('s/missing')?.verdict).toBe('equal');
    expect(result('s/malformed')?.generated?.[0]).toMatch(
      /^body \(\d+ source locations of the sides' own installations/,
    );
    expect(result('s/missing')?.generated).toEqual([
      `/${f.member} (a file path of the side's own: where it looked for \`no-such-entry\`, which the request named)`,
    ]);
  });

  it.each([NODE, PYTHON])(
    '$name: a path to something the request did not name still differs',
    async (f) => {
      const report = await reportOfServers(cases(f), (candidate) =>
        server(f, candidate, candidate),
      );
      const causes = report.rootCauses ?? [];
      expect(causes.map((c) => c.caseIds)).toEqual([['s/missing']]);
      const missing = report.results.find((r) => r.caseId === 's/missing');
      expect(missing?.changes?.map((c) => c.path)).toEqual([`/${f.member}`]);
    },
  );
});
