/**
 * Issue 43: a server's own version, answered to a call that asks for it.
 * Two releases of one server each answer their own version string to a
 * version call (`name/vX.Y.Z/platform`), as the call's whole answer: no
 * member names it, only the call does. It is no row; a call that asks for
 * another thing's version (a protocol's) keeps its row, and so does the
 * planted real change. Two fixtures: a JSON-RPC node (`web3_clientVersion`
 * in the body) and a REST server (`GET /app-version`, a JSON string body).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

function rpcNode(candidate: boolean): Promise<TestServer> {
  const release = candidate ? '2.0.1' : '1.4.2';
  return startServer((_req, res, body) => {
    const call = JSON.parse(body || '{}') as { id?: number; method?: string };
    const answer = (result: unknown) => json(res, 200, { jsonrpc: '2.0', id: call.id, result });
    if (call.method === 'node_clientVersion') return answer(`LedgerNode/v${release}/linux-x64`);
    // Another thing's version: the wire protocol's, which the candidate moved on.
    if (call.method === 'node_protocolVersion')
      return answer(candidate ? 'wire/1.1.0' : 'wire/1.0.0');
    // The planted real change: the candidate's default fee.
    if (call.method === 'node_fee') return answer(candidate ? '0x2' : '0x1');
    return answer(null);
  });
}

function restServer(candidate: boolean): Promise<TestServer> {
  const release = candidate ? '5.0.0-beta.2' : '4.12.7';
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/app-version') return json(res, 200, `Storefront ${release}`);
    if (url.pathname === '/schema-version') return json(res, 200, candidate ? '3.0.0' : '2.9.0');
    if (url.pathname === '/tax') return json(res, 200, { rate: candidate ? 0.2 : 0.19 });
    return json(res, 404, { error: 'no route' });
  });
}

const rpcCases = `suite: node
defaults:
  headers: { content-type: application/json }
cases:
  - id: client
    request: { method: POST, path: /, json: { jsonrpc: "2.0", id: 1, method: node_clientVersion, params: [] } }
  - id: protocol
    request: { method: POST, path: /, json: { jsonrpc: "2.0", id: 2, method: node_protocolVersion, params: [] } }
  - id: fee
    request: { method: POST, path: /, json: { jsonrpc: "2.0", id: 3, method: node_fee, params: [] } }
`;

const restCases = `suite: store
cases:
  - id: version
    request: { method: GET, path: /app-version }
  - id: schema
    request: { method: GET, path: /schema-version }
  - id: tax
    request: { method: GET, path: /tax }
`;

describe("a server's own version, answered to a version call", () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a JSON-RPC node', rpcNode, rpcCases, 'node/client', ['node/protocol', 'node/fee']],
    ['a REST server', restServer, restCases, 'store/version', ['store/schema', 'store/tax']],
  ])('%s: no row for its version, rows for the rest', async (_, start, library, own, kept) => {
    const [baseline, candidate] = await Promise.all([start(false), start(true)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(library, baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary} ${c.caseIds.join(',')}`);
    expect(rows, rows.join('\n')).toHaveLength(2);
    expect(causes.flatMap((c) => c.caseIds).sort()).toEqual([...kept].sort());
    expect(causes.flatMap((c) => c.caseIds)).not.toContain(own);
  });
});
