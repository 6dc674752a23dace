/**
 * A case file of one `GET` per reason a fixture refuses for (`?why=ID`, case
 * id `s/ID`), and the root causes a run's report lists for one such case:
 * the shape of the tests that plant one message per request.
 */
import type { RunReport } from '../../src/contract/report.js';
import { json, startServer, type TestServer } from './http.js';

type RootCauses = NonNullable<RunReport['rootCauses']>;

/** `suite: s` with one case per id, each `GET route?why=ID`. */
export function whyCases(route: string, ids: readonly string[]): string {
  const lines = ids.map(
    (id) => `  - id: ${id}\n    request: { method: GET, path: ${route}, query: { why: ${id} } }`,
  );
  return `suite: s\ncases:\n${lines.join('\n')}\n`;
}

/** The root causes whose cases include `s/ID`. */
export function rowsOfCase(causes: RootCauses, id: string): RootCauses {
  return causes.filter((c) => c.caseIds?.includes(`s/${id}`));
}

/**
 * A server that answers `?why=ID` with `answerOf(ID)` (status and JSON body),
 * and 200 `{"ok": true}` where that is undefined.
 */
export function whyServer(
  answerOf: (why: string | null) => readonly [status: number, body: unknown] | undefined,
): Promise<TestServer> {
  return startServer((req, res) => {
    const found = answerOf(new URL(req.url ?? '/', 'http://x').searchParams.get('why'));
    if (found === undefined) return json(res, 200, { ok: true });
    return json(res, found[0], found[1]);
  });
}

/** The root causes' summaries and cases, for an assertion's message. */
export function shownCauses(causes: RootCauses): string {
  return JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
}
