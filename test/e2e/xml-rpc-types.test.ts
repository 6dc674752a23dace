/**
 * Rule 35 (issue 43): an XML-RPC `<value>` whose one type element is another
 * on each side (`<double>20.0</double>` vs `<int>20</int>`) is one type
 * transition, keyed by the two type names, wherever it recurs: in a struct
 * member of one operation, in a list of another, in a whole result of a
 * third. One row listing every operation, not one per resource. Kept apart:
 * another pair of types is another row. Two fixtures of other methods,
 * members and types: a shop's prices (`double` vs `int`) and a counter's
 * sizes (`i8` vs `string`).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { causesText, xmlRpcSuite } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  /** A read of one record, a list of records, a total: each answers the member typed. */
  readonly record: string;
  readonly list: string;
  readonly total: string;
  readonly member: string;
  /** Each side's type of the member, and a second pair of types at another member. */
  readonly types: readonly [string, string];
  readonly other: { readonly member: string; readonly types: readonly [string, string] };
}

const SHOP: Fixture = {
  name: 'a shop',
  record: 'shop.item',
  list: 'shop.items',
  total: 'shop.value',
  member: 'price',
  types: ['double', 'int'],
  other: { member: 'code', types: ['int', 'i4'] },
};

const COUNTER: Fixture = {
  name: 'a counter',
  record: 'counter_entry',
  list: 'counter_entries',
  total: 'counter_sum',
  member: 'size',
  types: ['i8', 'string'],
  other: { member: 'since', types: ['string', 'base64'] },
};

const typed = (type: string, text: string) => `<value><${type}>${text}</${type}></value>`;

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const side = candidate ? 1 : 0;
  const type = f.types[side];
  const otherType = f.other.types[side];
  const text = (n: number) => (type === 'double' ? `${n}.0` : String(n));
  const record = (n: number) =>
    `<value><struct><member><name>${f.member}</name>${typed(type, text(n))}</member><member><name>${f.other.member}</name>${typed(otherType, 'MjAyNg')}</member><member><name>label</name>${typed('string', `r${n}`)}</member></struct></value>`;
  return startServer((_req, res, body) => {
    const method = /<methodName>([^<]*)</.exec(body)?.[1];
    const result =
      method === f.record
        ? record(20)
        : method === f.list
          ? `<value><array><data>${record(20)}${record(5)}</data></array></value>`
          : typed(type, text(25));
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(
      `<?xml version="1.0"?><methodResponse><params><param>${result}</param></params></methodResponse>`,
    );
  });
}

const cases = (f: Fixture) =>
  xmlRpcSuite([
    ['record', f.record],
    ['list', f.list],
    ['total', f.total],
  ]);

describe.each([SHOP, COUNTER])('an XML-RPC type renamed is one transition: $name', (f) => {
  it('one row per pair of types, listing every operation that shows it', async () => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number] | undefined) => [...(c?.caseIds ?? [])].sort();
    const [b, c] = f.types;
    const main = causes.find(
      (cause) => cause.summary.includes(`<${b}>`) && cause.summary.includes(`<${c}>`),
    );
    expect(ids(main), all).toEqual(['rpc/list', 'rpc/record', 'rpc/total']);
    const [ob, oc] = f.other.types;
    const other = causes.find(
      (cause) => cause.summary.includes(`<${ob}>`) && cause.summary.includes(`<${oc}>`),
    );
    expect(ids(other), all).toEqual(['rpc/list', 'rpc/record']);
    expect(causes, all).toHaveLength(2);
  });
});
