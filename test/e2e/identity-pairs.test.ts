/**
 * A server's own version found again: the run sets a release version aside
 * as each side's own where a member names it (`/version`, `serverVersion`),
 * and the same two values are each side's own wherever else the two sides
 * answer them, at a member of any name and in a list's records (every
 * plugin an installation lists carries the installation's version; a map of
 * components names it under the component's name). Two fixtures with other
 * names; a record with a version of its own (another pair) still differs.
 */
import { describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** Where the server names its version, and the member. */
  readonly about: string;
  readonly member: string;
  readonly versions: readonly [string, string];
  /** A list whose records each carry the installation's version, at `field`. */
  readonly list: string;
  readonly field: string;
  /** A map naming the version under a component's name. */
  readonly map: string;
  readonly component: string;
  /** A record whose own version differs between the sides by another pair. */
  readonly own: readonly [string, string];
}

const PLUGINS: Fixture = {
  name: 'plugins listed with the version, a components map',
  about: '/about',
  member: 'version',
  versions: ['1.4.2', '2.0.1'],
  list: '/plugins',
  field: 'version',
  map: '/health',
  component: 'core',
  own: ['0.9.1', '0.9.2'],
};
const EXTENSIONS: Fixture = {
  name: 'extensions with a release member, a build map',
  about: '/status',
  member: 'serverVersion',
  versions: ['v3.2.0', 'v3.3.0-rc.1'],
  list: '/extensions',
  field: 'release',
  map: '/build',
  component: 'engine',
  own: ['v1.0.0', 'v1.1.0'],
};

function start(f: Fixture) {
  return (candidate: boolean) => {
    const version = f.versions[candidate ? 1 : 0];
    const own = f.own[candidate ? 1 : 0];
    return startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === f.about) return json(res, 200, { name: 'store', [f.member]: version });
      if (path === f.list) {
        return json(res, 200, [
          { name: 'alpha', [f.field]: version, enabled: true },
          { name: 'beta', [f.field]: version, enabled: false },
          { name: 'gamma', [f.field]: own, enabled: true },
        ]);
      }
      if (path === f.map) return json(res, 200, { ok: true, parts: { [f.component]: version } });
      return json(res, 404, { error: 'not found' });
    });
  };
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: about
    request: { method: GET, path: ${f.about} }
  - id: list
    request: { method: GET, path: ${f.list} }
  - id: map
    request: { method: GET, path: ${f.map} }
`;

describe("a server's own version, found again in records and maps", () => {
  it.each([PLUGINS, EXTENSIONS])('$name', async (f) => {
    const [baseline, candidate] = [await start(f)(false), await start(f)(true)];
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    await Promise.all([baseline.close(), candidate.close()]);
    // The record with a version of its own awaits evidence (id-like values, no evidence either way).
    expect(run.code, run.stdout).toBe(0);
    const report = await latestReport(cwd);
    const causes = report.rootCauses ?? [];
    const all = JSON.stringify(causes.map((c) => c.summary));
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.caseIds).toEqual(['s/list']);
    expect(causes[0]?.places).toEqual([`/*/${f.field}`]);
    const list = report.results.find((r) => r.caseId === 's/list');
    expect(list?.changes?.map((c) => c.path)).toEqual([`/2/${f.field}`]);
    expect(causes[0]?.unsettled).toBe(true);
    const result = (id: string) => report.results.find((r) => r.caseId === id);
    expect(result('s/map')?.verdict).toBe('equal');
    expect(result('s/map')?.generated).toEqual([
      `/parts/${f.component} (the same two values as at /${f.member} of s/about, found per-instance there)`,
    ]);
    expect(result('s/list')?.generated).toContain(
      `/0/${f.field} (the same two values as at /${f.member} of s/about, found per-instance there)`,
    );
  });
});
