/**
 * Issue 43 with real servers: the candidate describes an element of a
 * record's list with other members (one renamed with other words, one
 * gained, two lost), in a list of records and in a read of one: one row, not
 * a `key-rename` row beside the restructure (docs/tracker.md rule 2).
 * Planted beside it, in other answers: the same rename alone in another
 * object, a row of its own. Two fixtures with other field names.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly list: string;
  readonly from: string;
  readonly to: string;
  readonly gained: string;
  readonly lost: readonly [string, string];
  readonly other: string;
}

const FIRST: Fixture = {
  name: 'attachments of messages',
  path: '/email',
  list: 'attachments',
  from: 'fileName',
  to: 'filename',
  gained: 'size',
  lost: ['length', 'checksum'],
  other: 'sender',
};
const SECOND: Fixture = {
  name: 'parcels of shipments',
  path: '/shipments',
  list: 'parcels',
  from: 'barCode',
  to: 'barcode',
  gained: 'grams',
  lost: ['weight', 'carrierRef'],
  other: 'depot',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const element = (i: number) =>
    candidate
      ? { [f.to]: `item-${i}`, kind: 'text', [f.gained]: 30 + i }
      : { [f.from]: `item-${i}`, kind: 'text', [f.lost[0]]: 30 + i, [f.lost[1]]: `a${i}f0` };
  const record = (i: number) => ({ id: i, subject: `record ${i}`, [f.list]: [element(i)] });
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === f.path) return json(res, 200, [record(1), record(2)]);
    if (path === `${f.path}/1`) return json(res, 200, record(1));
    // Another object whose member is renamed the same way, and nothing else.
    const other = candidate ? { [f.to]: 'main' } : { [f.from]: 'main' };
    return json(res, 200, { [f.other]: other });
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: list
    request: { method: GET, path: ${f.path} }
  - id: read
    request: { method: GET, path: ${f.path}/1 }
  - id: other
    request: { method: GET, path: /${f.other} }
`;

describe('a member renamed inside its object’s restructure is part of it', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    const restructure = causes.find((c) => c.cause?.type === 'structure');
    expect(restructure?.caseIds).toEqual(['s/list', 's/read']);
    const paths =
      restructure?.cause?.type === 'structure'
        ? [restructure.cause.change, ...(restructure.cause.together ?? [])].map((c) => c.path)
        : [];
    expect(paths).toEqual(
      expect.arrayContaining([`/${f.list}/*/${f.from}`, `/${f.list}/*/${f.to}`]),
    );
    const rename = causes.find((c) => c.cause?.type === 'pattern');
    expect(rename?.caseIds).toEqual(['s/other']);
  });
});
