/**
 * Values compared across body kinds (docs/tracker.md rule 26), with real
 * servers: the baseline writes its errors as one format, the candidate as
 * another, each naming the error by a code; the codes agree on three routes
 * and the candidate names two others alike where the baseline names each
 * its own way. Two rows: the format, and the codes (listing both pairs);
 * never the second hidden in the first. Two fixtures with other formats and
 * members.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly baseline: (code: string) => readonly [string, string];
  readonly candidate: (code: string) => readonly [string, string];
  readonly place: string;
}

const FIRST: Fixture = {
  name: 'XML errors against JSON',
  baseline: (code) => ['application/xml', `<Error><Code>${code}</Code></Error>`],
  candidate: (code) => ['application/json', JSON.stringify({ error: { code, lang: 'en' } })],
  place: '/Error/Code',
};
const SECOND: Fixture = {
  name: 'JSON problems against XML',
  baseline: (code) => ['application/json', JSON.stringify({ problem: { type: code } })],
  candidate: (code) => ['application/xml', `<fault><reason>${code}</reason></fault>`],
  place: '/problem/type',
};

/** Route → [baseline's code, candidate's code]. */
const CODES: Readonly<Record<string, readonly [string, string]>> = {
  '/tables/taken': ['TableAlreadyExists', 'TableAlreadyExists'],
  '/rows/taken': ['EntityAlreadyExists', 'EntityAlreadyExists'],
  '/rows/stale': ['UpdateConditionNotSatisfied', 'UpdateConditionNotSatisfied'],
  '/rows/missing': ['EntityNotFound', 'ResourceNotFound'],
  '/tables/missing': ['TableNotFound', 'ResourceNotFound'],
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const [b = '', c = ''] = CODES[req.url ?? ''] ?? [];
    const [type, body] = candidate ? f.candidate(c) : f.baseline(b);
    res.writeHead(409, { 'content-type': type });
    res.end(body);
  });
}

const cases = `suite: s
cases:
${Object.keys(CODES)
  .map((path, i) => `  - id: c${i}\n    request: { method: GET, path: ${path} }`)
  .join('\n')}
`;

describe('a code one side names otherwise, in bodies of two kinds', () => {
  it.each([FIRST, SECOND])('$name: the format and the codes, two rows', async (f) => {
    const causes = await rootCausesOfServers(cases, (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    const codes = causes.find((c) => c.summary.startsWith(`value of \`${f.place}\``));
    expect(codes?.caseIds).toEqual(['s/c3', 's/c4']);
  });
});
