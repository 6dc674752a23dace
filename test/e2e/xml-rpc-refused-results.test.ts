/**
 * Issue 43, rule 29 on XML-RPC: a result against a fault, both `200`, is one
 * side accepting what the other refused. The fault sits below the body's
 * top (`<methodResponse><fault>`), so each operation's acceptance is its own
 * row, as a JSON-RPC `error` against a `result` is: two operations the
 * candidate accepts where the baseline faults are two rows, not one change
 * across operations. Kept apart: a read both sides ran keeps its own row.
 * Two fixtures of other
 * methods and members: a store and a ledger.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { causesText, xmlRpcSuite } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  /** Two operations the baseline refuses with a fault and the candidate runs. */
  readonly operations: readonly [string, string];
  /** A read both run, whose struct names one member otherwise on each side. */
  readonly read: string;
  readonly member: readonly [string, string];
}

const STORE: Fixture = {
  name: 'a store',
  operations: ['store.reserve', 'store.adjust'],
  read: 'store.item',
  member: ['qty', 'quantity'],
};

const LEDGER: Fixture = {
  name: 'a ledger',
  operations: ['ledger_post', 'ledger_close'],
  read: 'ledger_entry',
  member: ['amt', 'amount'],
};

const answer = (inner: string) => `<?xml version="1.0"?><methodResponse>${inner}</methodResponse>`;

const fault = (message: string) =>
  answer(
    `<fault><value><struct><member><name>faultCode</name><value><int>12</int></value></member><member><name>faultString</name><value><string>${message}</string></value></member></struct></value></fault>`,
  );

const result = (member: string, value: number) =>
  answer(
    `<params><param><value><struct><member><name>${member}</name><value><int>${value}</int></value></member></struct></value></param></params>`,
  );

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const member = f.member[candidate ? 1 : 0];
  return startServer((_req, res, body) => {
    const method = /<methodName>([^<]*)</.exec(body)?.[1] ?? '';
    res.writeHead(200, { 'content-type': 'text/xml' });
    const refused = f.operations.includes(method) && !candidate;
    res.end(refused ? fault(`${method} needs a whole number of 0 or more`) : result(member, 3));
  });
}

const cases = (f: Fixture) =>
  xmlRpcSuite([
    ['first', f.operations[0]],
    ['second', f.operations[1]],
    ['read', f.read],
  ]);

describe.each([STORE, LEDGER])('a result against a 200 fault is the operation’s: $name', (f) => {
  it('one row per operation the candidate accepts where the baseline faults', async () => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(causes);
    const ids = (c: (typeof causes)[number] | undefined) => [...(c?.caseIds ?? [])].sort();
    const [first, second] = f.operations.map((operation) =>
      causes.find((c) => c.summary.startsWith(`/ ${operation}:`)),
    );
    expect(first?.summary, all).toContain('`/methodResponse/fault`');
    expect(ids(first), all).toEqual(['rpc/first']);
    expect(ids(second), all).toEqual(['rpc/second']);
    // Kept apart: the read both sides ran (a member named otherwise) keeps a row of its own.
    const read = causes.find((c) => ids(c).includes('rpc/read'));
    expect(ids(read), all).toEqual(['rpc/read']);
    expect(causes, all).toHaveLength(3);
  });
});
