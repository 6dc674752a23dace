/**
 * Regular expressions from case files run in linear time: catastrophic
 * patterns against the bodies that make a backtracking engine run for ages
 * end at once, and syntax the linear engine lacks is refused where it is
 * written, before anything is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

/** Patterns that backtrack exponentially on V8, each with the text that makes them. */
const CATASTROPHIC: readonly [string, string][] = [
  ['^(a+)+$', `${'a'.repeat(34)}!`],
  ['^(a|a)*$', `${'a'.repeat(34)}!`],
  ['^(\\w+\\s?)*$', `${'word '.repeat(12)}!`],
  ['(x+x+)+y', 'x'.repeat(40)],
];

describe('regular expressions from case files', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const index = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n'));
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(CATASTROPHIC[index]?.[1] ?? '');
    });
  });
  afterAll(async () => server.close());

  it('capture and mask in linear time, whatever the body', async () => {
    const steps = CATASTROPHIC.map(
      ([pattern], n) =>
        `      - id: s${n}\n        request: { method: GET, path: "/t?n=${n}" }\n        capture: { v${n}: { regex: ${JSON.stringify(pattern)} } }`,
    ).join('\n');
    const masks = CATASTROPHIC.map(
      ([pattern]) => `      - { regex: ${JSON.stringify(pattern)}, with: X }`,
    ).join('\n');
    const cwd = await tempProject({
      'cases/f.yaml': `suite: f\ncases:\n  - id: flow\n    steps:\n${steps}\n`,
      'cases/m.yaml': `suite: m\ndefaults:\n  rules:\n    mask:\n${masks}\ncases:\n  - id: c\n    request: { method: GET, path: "/t?n=0" }\n`,
    });
    const started = Date.now();
    const run = await runPair(cwd, `a=${server.url}`, `b=${server.url}`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect([0, 1], run.stderr).toContain(run.code);
  });

  it('refuse lookahead and backreferences where they are written, sending nothing', async () => {
    const before = server.requests.length;
    const cwd = await tempProject({
      'cases/c.yaml': `suite: c\ncases:\n  - id: flow\n    steps:\n      - id: s\n        request: { method: GET, path: /t }\n        capture: { v: { regex: "(?=a)b" } }\n  - id: plain\n    request: { method: GET, path: /t }\n    rules:\n      mask: [{ regex: "(a)\\\\1", with: X }]\n`,
    });
    const run = await runPair(cwd, `a=${server.url}`, `b=${server.url}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /cases\/c\.yaml:7:\d+: .*capture\.v\.regex is not a valid regular expression .*no lookahead, lookbehind or backreference/,
    );
    expect(run.stderr).toMatch(
      /cases\/c\.yaml:11:\d+: .*mask\[0\]\.regex must be a valid regular expression/,
    );
    expect(server.requests.length).toBe(before);
  });
});
