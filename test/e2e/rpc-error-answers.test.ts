/**
 * Rule 55 (issue 43): a JSON-RPC error answer is a refusal whatever its
 * status. A call one side answered `200` with a JSON-RPC error (a body it
 * could not parse, `-32700`) and the other refused `400` wrote nothing on
 * either side, so the later answers on the path keep their own rows. Kept
 * apart: a call one side answered with a `result` and the other refused
 * `400` is a write, whose later read stays its consequence, and the two
 * refusals, alike as statuses, stay two rows. Two fixtures of other paths,
 * methods and envelopes: a JSON-RPC 2.0 garden planner on `/rpc` and a
 * JSON-RPC 1.0 ticket desk on `/api` (`result` and `error` both written, the
 * unused one `null`).
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { reportOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { causesText } from '../helpers/rpc-cases.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** A call with no verb whose answer differs on its own; a write the candidate refuses; the read after it. */
  readonly own: string;
  readonly write: string;
  readonly after: string;
  readonly call: (method: string) => string;
  /** The baseline's `200` for a body it could not parse, and a result. */
  readonly unparsed: (res: ServerResponse) => void;
  readonly result: (res: ServerResponse, value: string | number) => void;
}

const GARDEN: Fixture = {
  name: 'a JSON-RPC 2.0 garden planner',
  path: '/rpc',
  own: 'garden.season',
  write: 'garden.plant',
  after: 'garden.beds',
  call: (method) => JSON.stringify({ jsonrpc: '2.0', id: 3, method, params: { bed: 'north' } }),
  unparsed: (res) =>
    json(res, 200, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }),
  result: (res, value) => json(res, 200, { jsonrpc: '2.0', id: 3, result: value }),
};

const DESK: Fixture = {
  name: 'a JSON-RPC 1.0 ticket desk',
  path: '/api',
  own: 'desk.motd',
  write: 'desk.openTicket',
  after: 'desk.queueLength',
  call: (method) => JSON.stringify({ id: 'q1', method, params: ['printer jam'] }),
  unparsed: (res) => json(res, 200, { result: null, error: 'could not read the call', id: null }),
  result: (res, value) => json(res, 200, { result: value, error: null, id: 'q1' }),
};

/** The method a body calls, or undefined for a body that is not JSON. */
function methodOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'method' in parsed
      ? String(parsed.method)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The baseline answers a body it cannot parse with its `200` error envelope,
 * the candidate with `400` and a line of text; the candidate names another
 * value of its own and refuses the write `400`. Each side counts its writes.
 */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  let written = 0;
  return startServer((_req, res, body) => {
    const method = methodOf(body);
    const refuse = (text: string) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(text);
    };
    if (method === undefined) return candidate ? refuse('malformed body') : f.unparsed(res);
    if (method === f.own) return f.result(res, candidate ? 'winter hours' : 'summer hours');
    if (method === f.write) {
      if (candidate) return refuse('malformed body');
      written += 1;
      return f.result(res, written);
    }
    if (method === f.after) return f.result(res, written);
    return f.result(res, 'ok');
  });
}

/** A serial sequence: a body cut short, the own call, the write, the read after it. */
function cases(f: Fixture): string {
  const line = (id: string, text: string) =>
    `  - id: ${id}\n    request: { method: POST, path: ${f.path}, headers: { content-type: application/json }, text: '${text}' }`;
  return [
    'suite: rpc',
    'serial: true',
    'cases:',
    line('cut-short', f.call(f.own).slice(0, 20)),
    line('own', f.call(f.own)),
    line('write', f.call(f.write)),
    line('after', f.call(f.after)),
    '',
  ].join('\n');
}

type Result = RunReport['results'][number];

const findingsOf = (report: RunReport, id: string) => {
  const result: Result | undefined = report.results.find((r) => r.caseId === `rpc/${id}`);
  return result !== undefined && 'findings' in result ? result.findings : [];
};

describe.each([GARDEN, DESK])('a JSON-RPC error answer is a refusal: $name', (f) => {
  it('a 200 error envelope against a 400 wrote nothing; a 200 result against a 400 did', async () => {
    const report = await reportOfServers(cases(f), (candidate) => server(f, candidate));
    const all = causesText(report.rootCauses ?? []);
    // The own value that follows the refused body is no consequence of it: its own row.
    const own = findingsOf(report, 'own');
    expect(own.length, all).toBeGreaterThan(0);
    expect(
      own.map((finding) => finding.consequenceOf),
      all,
    ).toEqual(own.map(() => undefined));
    const ownRow = report.rootCauses?.find((c) => c.caseIds.includes('rpc/own'));
    expect(ownRow?.caseIds, all).toEqual(['rpc/own']);
    // Kept apart: the write one side accepted with a result explains the read after it.
    const write = findingsOf(report, 'write');
    const after = findingsOf(report, 'after');
    expect(after.length, all).toBeGreaterThan(0);
    expect(
      after.map((finding) => finding.consequenceOf),
      all,
    ).toEqual(after.map(() => write[0]?.fingerprint));
    // The two refusals, alike as `200 → 400`, stay two rows.
    const rowOf = (id: string) => report.rootCauses?.find((c) => c.caseIds.includes(`rpc/${id}`));
    expect(rowOf('cut-short'), all).toBeDefined();
    expect(rowOf('write'), all).toBeDefined();
    expect(rowOf('cut-short')?.fingerprint, all).not.toBe(rowOf('write')?.fingerprint);
  });
});
