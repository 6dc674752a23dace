/**
 * Issue 43, with real servers: a member one answer alone gains as `null`,
 * beside the other members its object gains there, is part of that
 * restructure (docs/tracker.md rule 2), not an `absent vs null` row of its
 * own. Planted beside it, in the same answer: a member retyped (an integer
 * written as a string), a row of its own. Two fixtures with other names.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly object: string;
  readonly old: Record<string, unknown>;
  readonly gained: Record<string, unknown>;
  readonly empty: string;
  readonly count: string;
}

const FIRST: Fixture = {
  name: "a server's options",
  path: '/config',
  object: 'options',
  old: { logfile: 'mb.log', loglevel: 'info', mock: false },
  gained: { formatter: 'default', log: { level: 'info' }, origin: false },
  empty: 'apikey',
  count: 'workers',
};
const SECOND: Fixture = {
  name: "a profile's preferences",
  path: '/me',
  object: 'preferences',
  old: { skin: 'dark', lang: 'en' },
  gained: { theme: { name: 'dark' }, locale: 'en-GB', compact: true },
  empty: 'timezone',
  count: 'pageSize',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((_req, res) => {
    const object = candidate ? { ...f.gained, [f.empty]: null } : f.old;
    return json(res, 200, { [f.count]: candidate ? '4' : 4, [f.object]: object });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: read
    request: { method: GET, path: ${f.path} }
`;

describe('a null member of one answer’s restructure is part of it', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    expect(summaries.some((s) => s.startsWith('absent vs null'))).toBe(false);
    const restructure = causes.find((c) => c.summary.startsWith(`${f.path}: candidate adds`));
    expect(restructure?.summary).toContain(`\`/${f.object}/${f.empty}\``);
    expect(summaries.filter((s) => s.includes(f.count))).toHaveLength(1);
  });
});
