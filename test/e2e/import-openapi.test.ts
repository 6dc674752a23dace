/**
 * `parity import openapi` against real servers: the `next:` command runs as
 * printed (only the candidate's `URL` filled in), and what reaches the server
 * is what the document describes: its base path once, parameters in their
 * style, exact 64-bit numbers, and a path's operations in document order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server answering every request alike, so both sides agree. */
async function server(): Promise<TestServer> {
  const started = await startServer((_req, res) => json(res, 200, { ok: true }));
  servers.push(started);
  return started;
}

/** The `parity run …` words of the import's `next:` lines. */
function nextRun(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('parity run '));
  if (line === undefined) throw new Error(`no next run command in:\n${stdout}`);
  return line.trim().split(/\s+/).slice(1);
}

/** Runs the printed command with `new=URL` given `candidate`'s URL; what did each server see? */
async function runAsPrinted(cwd: string, stdout: string, candidate: TestServer) {
  const words = nextRun(stdout).map((w) => (w === 'new=URL' ? `new=${candidate.url}` : w));
  const run = await runCli(cwd, words);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return words;
}

const items = (origin: string) => `openapi: 3.0.3
info: { title: items, version: "1" }
servers: [{ url: "${origin}/api/v2" }]
paths:
  /items:
    get:
      parameters:
        - name: filter
          in: query
          style: deepObject
          explode: true
          schema: { type: object }
          example: { role: admin, active: true }
        - { name: tag, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: string } }, example: [a, b] }
      responses: { "200": { description: ok } }
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: integer }, example: 12345678901234567890 }
    get:
      responses: { "200": { description: ok } }
    patch:
      requestBody:
        content:
          application/json:
            example: { id: 12345678901234567890, name: x }
      responses: { "200": { description: ok } }
    delete:
      responses: { "204": { description: gone } }
`;

describe('parity import openapi', () => {
  it('the next command runs as printed: the base path is sent once, in the cases only', async () => {
    const [baseline, candidate] = [await server(), await server()];
    const cwd = await tempProject({ 'api.yaml': items(baseline.url) });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml', '--out', 'cases/o30']);
    expect(imported.code, imported.stderr).toBe(0);
    const words = await runAsPrinted(cwd, imported.stdout, candidate);
    expect(words).toContain(`old=${baseline.url}`);
    for (const side of [baseline, candidate]) {
      expect(side.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /api/v2/items?filter%5Brole%5D=admin&filter%5Bactive%5D=true&tag=a%7Cb',
        'GET /api/v2/items/12345678901234567890',
        // Document order: the PATCH reaches the item before the DELETE removes it.
        'PATCH /api/v2/items/12345678901234567890',
        'DELETE /api/v2/items/12345678901234567890',
      ]);
      expect(side.requests[2]?.body).toBe('{"id":12345678901234567890,"name":"x"}');
    }
  });

  it('takes the origin of a server URL with variables from their defaults', async () => {
    const [baseline, candidate] = [await server(), await server()];
    const cwd = await tempProject({
      'api.yaml': `openapi: 3.1.0
info: { title: vars, version: "1" }
servers:
  - url: "{scheme}://127.0.0.1:{port}/{base}"
    variables:
      scheme: { default: http, enum: [http, https] }
      port: { default: "${baseline.port}" }
      base: { default: v1 }
paths:
  /ping:
    get: { responses: { "200": { description: ok } } }
`,
    });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml']);
    expect(nextRun(imported.stdout)).toContain(`old=${baseline.url}`);
    await runAsPrinted(cwd, imported.stdout, candidate);
    expect(baseline.requests.map((r) => r.url)).toEqual(['/v1/ping']);
  });

  it('a relative server URL gives the cases its path and the next command a placeholder origin', async () => {
    const cwd = await tempProject({
      'api.yaml': `openapi: 3.1.0
info: { title: relative, version: "1" }
servers: [{ url: /api }]
paths:
  /ping:
    get: { responses: { "200": { description: ok } } }
`,
    });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml']);
    expect(imported.stdout).toContain(
      "note: the document's server URL is relative, so no origin: the cases' paths start with /api",
    );
    expect(imported.stdout).toContain(
      'parity run cases/imported --baseline old=URL --candidate new=URL\n',
    );
    expect(imported.stdout).not.toContain('127.0.0.1');
  });

  it("an operation's own servers send its cases there: one printed run per origin", async () => {
    const [api, apiCandidate, uploads, uploadsCandidate] = [
      await server(),
      await server(),
      await server(),
      await server(),
    ];
    const cwd = await tempProject({
      'api.yaml': `openapi: 3.0.3
info: { title: gh, version: "1" }
servers: [{ url: "${api.url}/api" }]
paths:
  /repos/{id}/assets:
    servers: [{ url: "${uploads.url}/up" }]
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    post:
      requestBody: { content: { application/json: { example: { a: 1 } } } }
      responses: { "201": { description: made } }
  /repos/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
    get: { responses: { "200": { description: ok } } }
    delete:
      servers: [{ url: "${uploads.url}" }]
      responses: { "204": { description: gone } }
`,
    });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      `note: 2 operation(s) are served at ${uploads.url} (their own servers), not at the document's ${api.url}: POST /up/repos/{id}/assets, DELETE /repos/{id}`,
    );
    const runs = imported.stdout
      .split('\n')
      .filter((l) => l.trim().startsWith('parity run '))
      .map((l) => l.trim().split(/\s+/).slice(1));
    expect(runs.map((words) => words.find((w) => w.startsWith('old=')))).toEqual([
      `old=${api.url}`,
      `old=${uploads.url}`,
    ]);
    for (const [words, candidate] of [
      [runs[0] ?? [], apiCandidate],
      [runs[1] ?? [], uploadsCandidate],
    ] as const) {
      const run = await runCli(
        cwd,
        words.map((w) => (w === 'new=URL' ? `new=${candidate.url}` : w)),
      );
      expect(run.code, run.stdout + run.stderr).toBe(0);
    }
    const seen = (side: TestServer) => side.requests.map((r) => `${r.method} ${r.url}`).sort();
    for (const side of [api, apiCandidate]) expect(seen(side)).toEqual(['GET /api/repos/1']);
    for (const side of [uploads, uploadsCandidate])
      expect(seen(side)).toEqual(['DELETE /repos/1', 'POST /up/repos/1/assets']);
  });
});
