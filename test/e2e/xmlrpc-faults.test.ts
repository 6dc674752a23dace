/**
 * Issue 43: an XML-RPC fault (`200` with `<methodResponse><fault>`) is a
 * refusal answered with a success status, as a JSON-RPC `error` is. Against
 * a side that refuses the same call with `404` and no body, it is two
 * refusals: no write was accepted on one side, so the later answers of the
 * sequence are no consequences of it and keep their rows; the fault's
 * `faultString` is the row's reason (values elided), so two faults of other
 * reasons are two rows. Two fixtures of other methods and members: a stock
 * service and a ledger.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { causesText } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  /** A method neither side has, and one both serve (a read). */
  readonly unknown: string;
  readonly read: string;
  /** The struct member the read answers, and each side's value of it. */
  readonly member: string;
  readonly values: readonly [string, string];
}

const STOCK: Fixture = {
  name: 'a stock service',
  unknown: 'stock.rename',
  read: 'stock.unit',
  member: 'unit',
  values: ['each', 'piece'],
};

const LEDGER: Fixture = {
  name: 'a ledger',
  unknown: 'ledger_void',
  read: 'ledger_currency',
  member: 'currency',
  values: ['EUR', 'euro'],
};

const call = (method: string) =>
  `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params></params></methodCall>`;

/** A serial sequence: an unknown method, a body that is no XML, the read. */
const cases = (f: Fixture) =>
  [
    'suite: rpc',
    'serial: true',
    'cases:',
    `  - id: unknown\n    request: { method: POST, path: /, headers: { content-type: text/xml }, text: '${call(f.unknown)}' }`,
    `  - id: not-xml\n    request: { method: POST, path: /, headers: { content-type: text/xml }, text: 'name=x&n=4' }`,
    `  - id: read\n    request: { method: POST, path: /, headers: { content-type: text/xml }, text: '${call(f.read)}' }`,
    '',
  ].join('\n');

const fault = (code: number, message: string) =>
  `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>${code}</int></value></member><member><name>faultString</name><value><string>${message}</string></value></member></struct></value></fault></methodResponse>`;

/** The baseline answers every call it cannot run with a fault; the candidate with 404 and no body. */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((_req, res, text) => {
    const method = /^<\?xml[^>]*\?><methodCall><methodName>([^<]*)</.exec(text)?.[1];
    const xml = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(body);
    };
    if (method === f.read) {
      const value = f.values[candidate ? 1 : 0];
      return xml(
        `<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>${f.member}</name><value><string>${value}</string></value></member></struct></value></param></params></methodResponse>`,
      );
    }
    if (candidate) {
      res.writeHead(404).end();
      return;
    }
    if (method === undefined) {
      const column = text.indexOf('=');
      return xml(fault(1, `ExpatError: not well-formed (invalid token): line 1, column ${column}`));
    }
    return xml(fault(1, `Exception: method &quot;${method}&quot; is not supported`));
  });
}

describe.each([STOCK, LEDGER])('an XML-RPC fault is a refusal: $name', (f) => {
  it('against a 404 is two refusals: no consequences, its faultString the reason', async () => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number] | undefined) => [...(c?.caseIds ?? [])].sort();
    // The read differs on its own: a row of its own, no consequence of the fault before it.
    const read = causes.find((c) => c.endpoints.includes(`POST / ${f.read}`));
    expect(ids(read), all).toEqual(['rpc/read']);
    const unknown = causes.find((c) => c.endpoints.includes(`POST / ${f.unknown}`));
    expect(ids(unknown), all).toEqual(['rpc/unknown']);
    expect(unknown?.summary, all).toContain('is not supported');
    const notXml = causes.find((c) => ids(c).includes('rpc/not-xml'));
    expect(ids(notXml), all).toEqual(['rpc/not-xml']);
    expect(notXml?.summary, all).toContain('not well-formed');
    expect(causes, all).toHaveLength(3);
  });
});
