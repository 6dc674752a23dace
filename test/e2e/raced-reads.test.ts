/**
 * A read that raced its own side's change of state
 * (`core/normalise/raced.ts`): a server that answers a write before the
 * write took effect (a deploy answered before the deployed route serves, a
 * file saved under a temporary name and renamed after the answer), read
 * right after in a flow or serial sequence, shows the state before on one
 * side and after on the other. The read is sent once more to each side
 * right away; the second answers agree, so it is judged on them: no row,
 * the result's `raced` says which side's answer changed. A difference both
 * looks show stays a row. Two fixtures: a deploy whose route one side
 * serves from the second request on (a status), a saved file one side lists
 * under a temporary name once (a value), each racing on another side.
 */
import { describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The side whose write takes effect only after its answer (at its next request). */
  readonly late: 'baseline' | 'candidate';
  readonly cases: string;
  /** The read that raced, and the read whose difference is real. */
  readonly raced: string;
  readonly real: string;
  readonly words: RegExp;
  readonly server: (late: boolean, candidate: boolean) => Promise<TestServer>;
}

const DEPLOY: Fixture = {
  name: 'a route served once the deploy has started',
  late: 'candidate',
  raced: 's/flow/status',
  real: 's/flow/version',
  words: /^the candidate answered 404 first, then 200 as the baseline did$/,
  cases: `suite: s
sideEffects: true
cases:
  - id: flow
    steps:
      - id: deploy
        request: { method: POST, path: /flows, json: { routes: [status] } }
      - id: status
        request: { method: GET, path: /status }
      - id: version
        request: { method: GET, path: /about }
`,
  server: (late, candidate) => {
    const routes = new Set<string>();
    // A late side starts what it deployed once it answered the request after the deploy.
    let pending: readonly string[] = [];
    return startServer((req, res, body) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const starting = pending;
      pending = [];
      setImmediate(() => {
        for (const route of starting) routes.add(route);
      });
      if (req.method === 'POST') {
        const next = (JSON.parse(body) as { routes: string[] }).routes;
        if (late) pending = next;
        else for (const route of next) routes.add(route);
        return json(res, 200, { rev: 'r1' });
      }
      if (path === '/about') return json(res, 200, { api: candidate ? 'v2' : 'v1' });
      if (!routes.has(path.slice(1))) return json(res, 404, { error: 'no route' });
      return json(res, 200, { ok: true });
    });
  },
};

const FILES: Fixture = {
  name: 'a saved file listed under its temporary name once',
  late: 'baseline',
  raced: 's/listing',
  real: 's/quota',
  words: /^the baseline answered 200 with another body first, then the candidate's$/,
  cases: `suite: s
serial: true
sideEffects: true
cases:
  - id: save
    request: { method: PUT, path: /files/lights.json, json: { on: true } }
  - id: listing
    request: { method: GET, path: /files }
  - id: quota
    request: { method: GET, path: /quota }
`,
  server: (late, candidate) => {
    const files: { name: string }[] = [];
    let renaming: { name: string } | undefined;
    return startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'PUT') {
        const name = path.slice('/files/'.length);
        const entry = { name: late ? `${name}.$$$` : name };
        files.push(entry);
        if (late) renaming = entry;
        res.writeHead(204);
        res.end();
        return;
      }
      if (path === '/quota') return json(res, 200, { left: candidate ? 100 : 50 });
      const listed = files.map((file) => ({ fn: file.name }));
      // The rename lands once the listing that saw the temporary name was answered.
      if (renaming !== undefined) {
        renaming.name = renaming.name.replace(/\.\$\$\$$/, '');
        renaming = undefined;
      }
      return json(res, 200, listed);
    });
  },
};

describe("a read that raced its side's own change of state", () => {
  it.each([DEPLOY, FILES])('$name', async (f) => {
    const baseline = await f.server(f.late === 'baseline', false);
    const candidate = await f.server(f.late === 'candidate', true);
    const cwd = await tempProject({ 'cases/s.yaml': f.cases });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    await Promise.all([baseline.close(), candidate.close()]);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('raced: 1 read(s) of a flow or serial sequence');
    const report = await latestReport(cwd);
    const result = (id: string) => report.results.find((r) => r.caseId === id);
    expect(result(f.raced)?.verdict).toBe('equal');
    expect(result(f.raced)?.raced).toHaveLength(1);
    expect(result(f.raced)?.raced?.[0]).toMatch(f.words);
    expect(report.summary.raced).toBe(1);
    // A difference a second look shows again is judged as it is: a row.
    expect(result(f.real)?.verdict).toBe('divergent');
    expect(result(f.real)?.raced).toBeUndefined();
    expect(report.rootCauses?.map((c) => c.caseIds)).toEqual([[f.real]]);
  });
});
