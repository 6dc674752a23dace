/**
 * Issue 43: one status decision over several paths, with real servers. The
 * candidate follows a routing convention (clean URLs; trailing slashes) the
 * baseline does not: it redirects every path of one form, on GET and POST,
 * whether the baseline holds the file (200) or not (404), and serves the
 * path it redirects to, which the baseline does not have. That is one row.
 * A redirect of the same status pair to a path no rule gives (a moved page)
 * stays a row of its own. Two fixtures with other names and rules.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** Paths the baseline serves; each the candidate redirects to `clean(path)` and serves there. */
  readonly files: readonly string[];
  readonly missing: string;
  readonly clean: (path: string) => string;
  readonly summary: string;
}

const CLEAN_URLS: Fixture = {
  name: 'clean URLs',
  files: ['/index.html', '/about.html', '/team.html'],
  missing: '/gone.html',
  clean: (path) => path.replace(/(index)?\.html$/, ''),
  summary: 'candidate redirects (301) to the same path without the `.html` extension',
};

const SLASHES: Fixture = {
  name: 'trailing slashes',
  files: ['/shelves', '/books', '/loans'],
  missing: '/nothing',
  clean: (path) => `${path}/`,
  summary: 'candidate redirects (301) to the same path with a trailing `/`',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = (name: string) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<p>${name}</p>`);
    };
    if (path === '/moved') {
      if (!candidate) return page('moved');
      res.writeHead(301, { location: '/elsewhere' });
      return void res.end();
    }
    if (!candidate) {
      if (f.files.includes(path)) return page(path);
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('not found');
    }
    if (f.files.includes(path) || path === f.missing) {
      res.writeHead(301, { location: f.clean(path) });
      return void res.end();
    }
    const file = f.files.find((one) => f.clean(one) === path);
    if (file !== undefined) return page(file);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
}

function cases(f: Fixture): string {
  const [a = '', b = ''] = f.files;
  return `suite: site
cases:
  - id: first
    request: { method: GET, path: ${a} }
  - id: second
    request: { method: GET, path: ${b} }
  - id: post
    request: { method: POST, path: ${a}, text: x }
  - id: missing
    request: { method: GET, path: ${f.missing} }
  - id: clean
    request: { method: GET, path: ${f.clean(b)} }
  - id: moved
    request: { method: GET, path: /moved }
`;
}

describe('one routing convention, one status row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([CLEAN_URLS, SLASHES])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/site.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const rule = causes.filter((c) => c.summary.startsWith(f.summary));
    expect(rule).toHaveLength(1);
    expect([...(rule[0]?.caseIds ?? [])].sort()).toEqual(
      ['site/clean', 'site/first', 'site/missing', 'site/post', 'site/second'].sort(),
    );
    // The moved page shares the status pair, not the rule: its own row.
    const moved = causes.filter((c) => c.caseIds.includes('site/moved'));
    expect(moved.map((c) => c.summary)).toEqual(['status 200 → 301 on GET /moved']);
    expect(causes).toHaveLength(2);
  });
});
