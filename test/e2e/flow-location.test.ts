/**
 * A captured `Location` used as a whole path (`path: "{{location}}"`): an
 * absolute URL gives its path and query, a path is sent as it is. Each side
 * gets its own: real servers that assign their own ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: notes
sideEffects: true
cases:
  - id: create-read
    steps:
      - id: create
        request: { method: POST, path: /notes, json: { text: hi } }
        capture: { location: { header: location } }
      - id: read
        request: { method: GET, path: "{{location}}" }
`;

function notes(firstId: number, absolute: boolean): Promise<TestServer> {
  let next = firstId;
  const server = startServer((req, res) => {
    if (req.method === 'POST') {
      const id = next++;
      const path = `/notes/${id}?v=2`;
      res.writeHead(201, { location: absolute ? `http://${req.headers.host}${path}` : path });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ text: 'hi' }));
  });
  return server;
}

let rust: TestServer;
let go: TestServer;
beforeAll(async () => {
  rust = await notes(7, true);
  go = await notes(1007, false);
});
afterAll(async () => Promise.all([rust.close(), go.close()]));

describe('a captured Location as the whole path', () => {
  it("sends each side's own path and query, from an absolute URL or a path", async () => {
    const cwd = await tempProject({ 'cases/notes.yaml': CASES });
    const run = await runPair(cwd, `rust=${rust.url}`, `go=${go.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(rust.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /notes',
      'GET /notes/7?v=2',
    ]);
    expect(go.requests.at(-1)?.url).toBe('/notes/1007?v=2');
    expect((await latestReport(cwd)).summary).toMatchObject({ cases: 2, divergent: 0 });
  });

  it('is refused outside a flow, where no value is captured', async () => {
    const cwd = await tempProject({
      'cases/s.yaml':
        'suite: s\ncases:\n  - id: a\n    request: { method: GET, path: "{{x}}" }\n  - id: b\n    request: { method: GET, path: x }\n',
    });
    const checked = await runCli(cwd, ['validate']);
    expect(checked.code).toBe(2);
    // Each problem once: the case's own check and the request schema's never both fire.
    expect(checked.stderr.trim().split('\n')).toEqual([
      'cases/s.yaml:4:35: cases[0].request.path must start with "/" (got "{{x}}")',
      'cases/s.yaml:6:35: cases[1].request.path must start with "/" (got "x")',
      '2 problem(s) in 1 file(s); nothing was sent',
    ]);
  });
});
