/**
 * Issue 43: a type change whose values are also per-instance is one row. One
 * side writes the port it listens on (each instance its own) as a string, the
 * other as a number (its own, or a default it reports whatever it listens
 * on): the type is one decision (an integer as a string), and the values,
 * each side's own port by the run's evidence (a member named for a port, a
 * port number on both sides, in no request, one value per side), are no
 * second one. A planted real change of the same family whose values differ
 * for real (a counter offset by one) keeps its type row and its value row.
 * Two fixtures with other names and the string on the other side.
 */
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Api {
  readonly path: string;
  readonly port: string;
  readonly counter: string;
  /** Which side writes the port as a string. */
  readonly stringSide: 'baseline' | 'candidate';
}

const MAIL: Api = { path: '/config', port: 'smtpPort', counter: 'retries', stringSide: 'baseline' };
const QUEUE: Api = {
  path: '/status',
  port: 'admin_port',
  counter: 'depth',
  stringSide: 'candidate',
};

function server(api: Api, side: 'baseline' | 'candidate'): Promise<TestServer> {
  // Each instance's own port, drawn at start (a default on the number side, as maildev 3 reports 1025).
  const own = side === api.stringSide ? String(randomInt(20_000, 60_000)) : 1025;
  // The planted real change: the same family, values offset by one.
  const counter = side === api.stringSide ? '3' : 4;
  return startServer((req, res) =>
    req.url === api.path
      ? json(res, 200, { [api.port]: own, [api.counter]: counter, name: 'relay' })
      : json(res, 404, { error: 'no route' }),
  );
}

const cases = (api: Api) => `suite: own
cases:
  - id: read
    request: { method: GET, path: ${api.path} }
`;

describe("a type change whose values are each side's own", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['smtpPort, string on the baseline', MAIL],
    ['admin_port, string on the candidate', QUEUE],
  ])('%s: one type row; the planted offset keeps its two rows', async (_, api) => {
    const [baseline, candidate] = await Promise.all([
      server(api, 'baseline'),
      server(api, 'candidate'),
    ]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(api), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`).sort();
    const string = api.stringSide === 'baseline' ? 'string vs number' : 'number vs string';
    // The two type changes travel together (one family row); the port's values make no row.
    const fields = [api.port, api.counter].sort().map((f) => `\`${f}\``);
    expect(rows).toEqual([
      `shape integer as ${string} at ${fields.join(', ')}`,
      `value ${api.path}: value of \`/${api.counter}\` differs`,
    ]);
  });
});
