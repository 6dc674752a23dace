/** Case files and messages for tests of an RPC API, whose every call is a `POST /`. */

import type { RunReport } from '../../src/contract/report.js';

/** One case of such a suite: the call's `headers` and `json` as YAML flow mappings. */
export function postCase(id: string, call: { readonly headers: string; readonly json: string }) {
  return `  - id: ${id}\n    request: { method: POST, path: /, headers: ${call.headers}, json: ${call.json} }`;
}

/** A run's root causes as summary, endpoints and cases: an assertion's message. */
export function causesText(causes: NonNullable<RunReport['rootCauses']>): string {
  return JSON.stringify(
    causes.map((c) => [c.summary, c.endpoints, c.caseIds]),
    null,
    1,
  );
}

/**
 * A suite `rpc` with one case per operation and kind of call, `NAME-i` for
 * the `i`th operation, each call numbered `10 * i + 1` on in the kinds' order.
 */
export function rpcSuite<K>(
  operations: readonly string[],
  kinds: readonly (readonly [name: string, kind: K])[],
  call: (
    operation: string,
    kind: K,
    n: number,
  ) => { readonly headers: string; readonly json: string },
): string {
  const lines = operations.flatMap((operation, i) =>
    kinds.map(([name, kind], k) => postCase(`${name}-${i}`, call(operation, kind, 10 * i + k + 1))),
  );
  return `suite: rpc\ncases:\n${lines.join('\n')}\n`;
}

/** An XML-RPC call of `method` with no parameters. */
export function xmlRpcCall(method: string): string {
  return `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params></params></methodCall>`;
}

/** A suite `rpc` with one case per `[id, method]`, each an XML-RPC call `POST /` with no parameters. */
export function xmlRpcSuite(calls: readonly (readonly [id: string, method: string])[]): string {
  const lines = calls.map(
    ([id, method]) =>
      `  - id: ${id}\n    request: { method: POST, path: /, headers: { content-type: text/xml }, text: '${xmlRpcCall(method)}' }`,
  );
  return `suite: rpc\ncases:\n${lines.join('\n')}\n`;
}
