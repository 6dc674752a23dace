/**
 * Issue 43 item 2, tracker rule 58 on REST error envelopes, with real
 * servers: one side's error envelope against the other's on several
 * endpoints is one row, whether one side writes a bare string where the
 * other writes an object (`{"error": "not found"}` against `{"error":
 * {"code", "message", "details"}}`) or both write an object whose code
 * (one transition), message and an added list change in exactly the same
 * answers. Two fixtures of other names (`error`/`details` on 404s,
 * `problem`/`errors` on 410s).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { jsonOf, routeCaseFile, routeServer } from '../helpers/route-answers.js';
import { causesText } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  readonly status: number;
  readonly member: string;
  readonly list: string;
  readonly routes: readonly string[];
}

const BOOKS: Fixture = {
  name: '`error` and `details` on 404s',
  status: 404,
  member: 'error',
  list: 'details',
  routes: ['books', 'authors', 'shelves'],
};

const FEEDS: Fixture = {
  name: '`problem` and `errors` on 410s',
  status: 410,
  member: 'problem',
  list: 'errors',
  routes: ['feeds', 'channels', 'episodes'],
};

/** `/route/1`: a string against an object; `/route/2`: two objects, code, message and list changed. */
function answerOf(f: Fixture, candidate: boolean, path: string) {
  const [, route = '', n = ''] = path.split('/');
  const noun = route.replace(/s$/, '');
  if (n === '1') {
    const object = { code: 'GONE_OR_MISSING', message: `${noun} 1 is unknown`, [f.list]: [] };
    return jsonOf(f.status, { [f.member]: candidate ? object : `no such ${noun}` });
  }
  const object = candidate
    ? { code: 'E_MISSING', message: `${noun} 2 is unknown here`, [f.list]: [{ at: noun }] }
    : { code: 'missing', message: `cannot find ${noun} 2` };
  return jsonOf(f.status, { [f.member]: object });
}

const cases = (f: Fixture, n: number) =>
  routeCaseFile(
    's',
    Object.fromEntries(f.routes.map((route) => [`${route}-${n}`, `GET /${route}/${n}`])),
  );

describe.each([BOOKS, FEEDS])('one error envelope on several endpoints: $name', (f) => {
  it('a string against an object is one row', async () => {
    const causes = await rootCausesOfServers(cases(f, 1), (candidate) =>
      routeServer((_method, path) => answerOf(f, candidate, path)),
    );
    const all = causesText(causes);
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.caseIds, all).toHaveLength(f.routes.length);
  });

  it('an object whose code, message and list change in the same answers is one row', async () => {
    const causes = await rootCausesOfServers(cases(f, 2), (candidate) =>
      routeServer((_method, path) => answerOf(f, candidate, path)),
    );
    const all = causesText(causes);
    expect(causes, all).toHaveLength(1);
    expect(causes[0]?.summary, all).toMatch(new RegExp(`^error object \`/${f.member}\``));
    expect(causes[0]?.caseIds, all).toHaveLength(f.routes.length);
  });
});
