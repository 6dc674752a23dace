/**
 * Issue 43, tracker rule 59 (`structured-labels.ts`) reviewed against APIs
 * it was not built for: a `content-type` that changes in exactly the answers
 * of one JSON body row is not always the row's decision. Each fixture plants
 * two real, separate decisions in the same answers of one endpoint (each read
 * twice), so rule 59's "exactly the same answers, two or more" holds:
 *
 * - a label that names another JSON format beside a VALUE that differs
 *   (a catalogue labelled `application/hal+json` whose stock counts
 *   reservations; invoices labelled `application/vnd.billing+json` whose
 *   total includes tax): a value is data, no document's new shape, so the
 *   label keeps its row and the value its own;
 * - a JSON body under a label that names NO structured format (a Go handler
 *   that forgot its header, so `net/http` sniffs `text/plain; charset=utf-8`;
 *   a download handler's `application/octet-stream`; a Node handler that
 *   sends none) beside a member or a pattern in the same answers (a nil
 *   slice written `null`, a member added): a mislabel names no document, so
 *   it is a decision of its own, never the body row's.
 *
 * - a label that names another JSON format beside a value written another
 *   way (timestamps as epoch seconds): a value pattern is an encoder's
 *   setting, no document's shape.
 *
 * - a label that names another JSON format beside a member that only the
 *   records inside change (each order line lacks `discount`, each track
 *   gains `isrc`): a new format writes its own envelope at the document's
 *   top; a member inside the records is their serializer's.
 *
 * Kept apart in every case: two rows, the body row's words naming no media
 * type.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The route read as `/route/1` and `/route/2`. */
  readonly route: string;
  /** Each side's content-type (undefined: none sent). */
  readonly types: readonly [string | undefined, string | undefined];
  /** Each side's document for read `n`. */
  readonly body: (candidate: boolean, n: number) => unknown;
  /** The body row's words. */
  readonly row: RegExp;
}

const CATALOGUE: Fixture = {
  name: 'a HAL label beside stock counted another way',
  route: 'products',
  types: ['application/json', 'application/hal+json'],
  body: (candidate, n) => ({
    sku: `SKU-${n}`,
    name: n === 1 ? 'kettle' : 'toaster',
    stock: candidate ? 10 * n - 3 : 10 * n,
  }),
  row: /`\/stock`/,
};
const INVOICES: Fixture = {
  name: 'a vendor label beside a total that includes tax',
  route: 'invoices',
  types: ['application/json; charset=utf-8', 'application/vnd.billing+json'],
  body: (candidate, n) => ({
    number: `INV-${2000 + n}`,
    currency: 'EUR',
    total: candidate ? 121 * n : 100 * n,
  }),
  row: /`\/total`/,
};
const EVENTS: Fixture = {
  name: 'a vendor label beside timestamps written as epoch seconds',
  route: 'events',
  types: ['application/json', 'application/vnd.audit+json'],
  body: (candidate, n) => {
    const at = Date.UTC(2024, 0, n, 9, 30) / 1000;
    return {
      event: `login-${n}`,
      at: candidate ? at : new Date(at * 1000).toISOString().replace('.000', ''),
    };
  },
  row: /`at`/,
};
const ORDERS: Fixture = {
  name: 'a vendor label beside a member each order line lacks',
  route: 'orders',
  types: ['application/json', 'application/vnd.shop+json'],
  body: (candidate, n) => ({
    order: `ord-${n}`,
    lines: [1, 2].map((i) => ({
      sku: `sku-${n}-${i}`,
      qty: i,
      ...(candidate ? {} : { discount: 5 * i }),
    })),
  }),
  row: /`\/lines\/\*\/discount`/,
};
const PLAYLISTS: Fixture = {
  name: 'a vendor label beside a member each track gains',
  route: 'playlists',
  types: ['application/json; charset=utf-8', 'application/vnd.music+json; charset=utf-8'],
  body: (candidate, n) => ({
    playlist: `mix-${n}`,
    tracks: ['intro', 'theme', 'outro'].map((title, i) => ({
      title: `${title}-${n}`,
      explicit: i === 1,
      ...(candidate ? { isrc: `NL-A1B-24-0000${n}${i}` } : {}),
    })),
  }),
  row: /`\/tracks\/\*\/isrc`/,
};
const TAGS: Fixture = {
  name: 'a sniffed text/plain beside a nil slice written null',
  route: 'tags',
  types: ['application/json', 'text/plain; charset=utf-8'],
  body: (candidate, n) => ({ tag: `tag-${n}`, uses: n * 4, aliases: candidate ? null : [] }),
  row: /`aliases`/,
};
const EXPORTS: Fixture = {
  name: 'a download label beside a member added',
  route: 'exports',
  types: ['application/json', 'application/octet-stream'],
  body: (candidate, n) => ({
    export: `export-${n}`,
    rows: n * 100,
    ...(candidate ? { generator: 'exporter' } : {}),
  }),
  row: /`\/generator`/,
};
const REPORTS: Fixture = {
  name: 'no label at all beside a member removed',
  route: 'reports',
  types: ['application/json', undefined],
  body: (candidate, n) => ({
    report: `weekly-${n}`,
    lines: n * 7,
    ...(candidate ? {} : { owner: 'ops-team' }),
  }),
  row: /`\/owner`/,
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const type = f.types[candidate ? 1 : 0];
  return startServer((req, res) => {
    const [, , id = '0'] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    res.writeHead(200, type === undefined ? {} : { 'content-type': type });
    res.end(JSON.stringify(f.body(candidate, Number(id))));
  });
}

const cases = (route: string) =>
  [
    'suite: s',
    'cases:',
    ...[1, 2].flatMap((n) => [
      `  - id: ${route}-${n}`,
      `    request: { method: GET, path: /${route}/${n} }`,
    ]),
  ].join('\n');

describe.each([CATALOGUE, INVOICES, EVENTS, ORDERS, PLAYLISTS, TAGS, EXPORTS, REPORTS])(
  'rule 59 kept apart: $name',
  (f) => {
    it('keeps the label its own row beside the body row', async () => {
      const causes = await rootCausesOfServers(cases(f.route), (c) => server(f, c));
      const summaries = causes.map((c) => c.summary);
      expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
      const label = causes.find((c) => c.summary.includes('`content-type`'));
      expect(label?.caseIds, JSON.stringify(summaries)).toHaveLength(2);
      const body = causes.find((c) => c !== label);
      expect(body?.summary, JSON.stringify(summaries)).toMatch(f.row);
      expect(body?.summary).not.toContain('→');
    });
  },
);

/** The class rule 59 was built for still joins under these bounds: a HAL document's `_links`. */
const CUSTOMERS: Fixture = {
  name: 'HAL documents that gain `_links` under `application/hal+json`',
  route: 'customers',
  types: ['application/json', 'application/hal+json'],
  body: (candidate, n) => ({
    customer: `cust-${n}`,
    city: n === 1 ? 'Gent' : 'Leuven',
    ...(candidate ? { _links: { self: { href: `/customers/${n}` } } } : {}),
  }),
  row: /candidate adds `\/_links`/,
};

describe('rule 59 still joins a new format’s envelope', () => {
  it(CUSTOMERS.name, async () => {
    const causes = await rootCausesOfServers(cases(CUSTOMERS.route), (c) => server(CUSTOMERS, c));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(1);
    expect(summaries[0]).toMatch(CUSTOMERS.row);
    expect(summaries[0]).toContain('`application/json` → `application/hal+json`');
  });
});
