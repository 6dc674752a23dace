/**
 * Rule 34 (issue 43): on an RPC path every call is a `POST`, so a call one
 * side answered and the other refused is a write (whose later answers on the
 * path are its consequences) only where its name or its refusal says so. A
 * read (`catalog.listItems`, `ledger_getAccounts`) and a call the refusing
 * side does not have (a `404`, a JSON-RPC `-32601`) change nothing: the later
 * answers keep their rows. Kept apart: a write refused for its content on one
 * side, then a read that differs, stays that write's consequence. Two
 * fixtures of other protocols, methods and members: an XML-RPC catalogue and
 * a JSON-RPC ledger.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { reportOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  /** A read one side lacks; a call with no verb one side lacks; a read that differs on its own. */
  readonly read: string;
  readonly introspect: string;
  readonly own: string;
  /** A write the candidate refuses for its content, and the read that shows it. */
  readonly write: string;
  readonly after: string;
  /** Builds a call's body, and answers a result, an unknown method and a refusal. */
  readonly call: (method: string) => string;
  readonly methodOf: (body: string) => string | undefined;
  readonly result: (res: ServerResponse, value: string | number) => void;
  readonly unknown: (res: ServerResponse) => void;
  readonly refuse: (res: ServerResponse) => void;
}

const xml = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(`<?xml version="1.0"?>${body}`);
};

const xmlValue = (value: string | number) =>
  typeof value === 'number' ? `<int>${value}</int>` : `<string>${value}</string>`;

const CATALOG: Fixture = {
  name: 'an XML-RPC catalogue',
  read: 'catalog.listItems',
  introspect: 'catalog.methodHelp',
  own: 'catalog.unit',
  write: 'catalog.addItem',
  after: 'catalog.size',
  call: (method) =>
    `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params></params></methodCall>`,
  methodOf: (body) => /<methodName>([^<]*)</.exec(body)?.[1],
  result: (res, value) =>
    xml(
      res,
      200,
      `<methodResponse><params><param><value>${xmlValue(value)}</value></param></params></methodResponse>`,
    ),
  unknown: (res) => void res.writeHead(404).end(),
  refuse: (res) => {
    res.writeHead(400, { 'content-type': 'text/plain' });
    res.end('quantity must be a whole number');
  },
};

const LEDGER: Fixture = {
  name: 'a JSON-RPC ledger',
  read: 'ledger_getAccounts',
  introspect: 'ledger_introspect',
  own: 'ledger_currency',
  write: 'ledger_sendPayment',
  after: 'ledger_balance',
  call: (method) => JSON.stringify({ jsonrpc: '2.0', id: 7, method, params: [] }),
  methodOf: (body) => {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'method' in parsed
      ? String(parsed.method)
      : undefined;
  },
  result: (res, value) => json(res, 200, { jsonrpc: '2.0', id: 7, result: value }),
  unknown: (res) =>
    json(res, 500, {
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32601, message: 'the requested call is unavailable' },
    }),
  refuse: (res) =>
    json(res, 400, {
      jsonrpc: '2.0',
      id: 7,
      error: { code: -32000, message: 'insufficient funds for the payment' },
    }),
};

/**
 * The baseline serves every method; the candidate lacks the read and the
 * call with no verb, refuses the write, and names its own unit. Each side
 * counts the writes it accepted.
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  let written = 0;
  return startServer((_req, res, body) => {
    const method = f.methodOf(body);
    if (candidate && (method === f.read || method === f.introspect)) return f.unknown(res);
    if (method === f.own) return f.result(res, candidate ? 'piece' : 'each');
    if (method === f.write) {
      if (candidate) return f.refuse(res);
      written += 1;
      return f.result(res, written);
    }
    if (method === f.after) return f.result(res, written);
    return f.result(res, 'a description of the service');
  });
}

/** A serial sequence: the call with no verb, the own read, the read, the own read again, the write, the read after it. */
function cases(f: Fixture): string {
  const contentType = f.name.includes('XML') ? 'text/xml' : 'application/json';
  const line = (id: string, method: string) =>
    `  - id: ${id}\n    request: { method: POST, path: /, headers: { content-type: ${contentType} }, text: '${f.call(method)}' }`;
  return [
    'suite: rpc',
    'serial: true',
    'cases:',
    line('introspect', f.introspect),
    line('own-first', f.own),
    line('read', f.read),
    line('own-again', f.own),
    line('write', f.write),
    line('after', f.after),
    '',
  ].join('\n');
}

type Result = RunReport['results'][number];

const findingsOf = (report: RunReport, id: string) => {
  const result: Result | undefined = report.results.find((r) => r.caseId === `rpc/${id}`);
  return result !== undefined && 'findings' in result ? result.findings : [];
};

describe.each([CATALOG, LEDGER])('an RPC call counts as a write only on evidence: $name', (f) => {
  it('a read or a call the other side lacks is no write; a write refused for its content is', async () => {
    const report = await reportOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(report.rootCauses ?? []);
    // Neither the call with no verb that the candidate lacks nor the read explains the own value.
    for (const id of ['own-first', 'own-again']) {
      const findings = findingsOf(report, id);
      expect(findings.length, `${id} ${all}`).toBeGreaterThan(0);
      expect(
        findings.map((finding) => finding.consequenceOf),
        `${id} ${all}`,
      ).toEqual(findings.map(() => undefined));
    }
    // Kept apart: the write refused for its content explains the read after it.
    const write = findingsOf(report, 'write');
    const after = findingsOf(report, 'after');
    expect(after.length, all).toBeGreaterThan(0);
    expect(
      after.map((finding) => finding.consequenceOf),
      all,
    ).toEqual(after.map(() => write[0]?.fingerprint));
    // The calls the candidate lacks keep their rows (one, where their refusal is one reason: rule 30).
    const rowOf = (method: string) =>
      report.rootCauses?.find((c) => c.endpoints.includes(`POST / ${method}`));
    for (const [method, id] of [
      [f.read, 'rpc/read'],
      [f.introspect, 'rpc/introspect'],
    ] as const) {
      const ids = rowOf(method)?.caseIds ?? [];
      expect(ids, all).toContain(id);
      expect(
        ids.filter((c) => c.startsWith('rpc/own') || c === 'rpc/after'),
        all,
      ).toEqual([]);
    }
  });
});
