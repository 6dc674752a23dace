/**
 * When an RPC call accepted on one side only counts as a write (tracker rule
 * 34, issue 43). On an RPC path every call is a `POST` to one path (JSON-RPC,
 * XML-RPC, SOAP, `X-Amz-Target`), so the method says nothing of whether the
 * call changed state: `system.listMethods` answered by one side and refused
 * `404` by the other changed nothing, and the later answers of the path are
 * no consequences of it. Such a call (its endpoint names an operation,
 * `core/compare/operation.ts`) is a write only where the exchange or its
 * name says it may have changed state:
 *
 * - its name reads as a read (its first verb, below, is `get`, `list`, …):
 *   **no write**, whatever the refusal;
 * - its name reads as a write (`add`, `set`, `send`, …): **a write**, even
 *   where the other side lacks the operation (the accepting side wrote);
 * - otherwise it is a write unless the refusal says **the operation does not
 *   exist** on the refusing side rather than that a write was refused: a
 *   `404`, `405` or `501` (the path is served, its call is not), a JSON-RPC
 *   `-32601` (`Method not found`), or a reason that says so (`method … is not
 *   supported`, `unknown method`, `no such operation`).
 *
 * The verb is the first word of the operation's last segment (after its last
 * `.`, `:`, `#` or `/`), its words split at `_`, `-` and a capital:
 * `system.listMethods` → `list`, `eth_getBalance` → `get` (a namespace
 * such as `eth` is no verb, so the first word that is one counts),
 * `Kinesis_20131202.PutRecord` → `put`. Both lists stay small and general;
 * a name with no verb of either (`eth_blockNumber`, `stock.adjust`) is read
 * by its exchange alone. Pure.
 */
import type { AssessedDivergence } from '../../contract/assessment.js';
import type { RootCause } from '../../contract/root-cause.js';
import { operationOfEndpoint } from '../../core/compare/endpoint.js';
import { isRpcErrorAnswer } from '../../core/compare/rpc-error-answers.js';
import { isJsonObject } from '../../core/normalise/json.js';

/** Verbs of a call that reads: it changes nothing, whatever it answers. */
const READ_VERBS: ReadonlySet<string> = new Set([
  'get',
  'list',
  'read',
  'fetch',
  'find',
  'search',
  'query',
  'describe',
  'show',
  'count',
  'view',
  'call',
  'estimate',
]);

/** Verbs of a call that writes. */
const WRITE_VERBS: ReadonlySet<string> = new Set([
  'add',
  'append',
  'create',
  'insert',
  'put',
  'set',
  'update',
  'upsert',
  'patch',
  'replace',
  'delete',
  'remove',
  'send',
  'submit',
  'write',
  'store',
  'save',
  'transfer',
]);

/** Statuses that say the refusing side does not serve the call at all. */
const UNKNOWN_OPERATION_STATUSES: ReadonlySet<number> = new Set([404, 405, 501]);

/** JSON-RPC's (and the XML-RPC fault codes') "requested method not found". */
const METHOD_NOT_FOUND = -32601;

/** A reason that says the operation does not exist (values elided: `method … is not supported`). */
const UNKNOWN_OPERATION_REASON =
  /\b(?:method|operation|action|procedure)\b[^.]{0,60}?\b(?:not found|not supported|unsupported|does not exist|not implemented|unknown)\b|\b(?:unknown|unsupported|no such|invalid)\s+(?:method|operation|action|procedure)\b/i;

/** What an operation's name says of the call: `read`, `write`, or nothing. */
export function verbKindOf(operation: string): 'read' | 'write' | undefined {
  const last = operation.slice(Math.max(...[...'.:#/'].map((c) => operation.lastIndexOf(c))) + 1);
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .map((word) => word.toLowerCase());
  for (const word of words) {
    if (READ_VERBS.has(word)) return 'read';
    if (WRITE_VERBS.has(word)) return 'write';
  }
  return undefined;
}

/** True when a JSON body is a JSON-RPC error `-32601`, alone or in a batch. */
function methodNotFound(body: unknown): boolean {
  if (Array.isArray(body)) return body.some(methodNotFound);
  if (!isJsonObject(body)) return false;
  const error = body['error'];
  return isJsonObject(error) && error['code'] === METHOD_NOT_FOUND;
}

/** True when the refusing side's answer says the operation does not exist (see the module comment). */
function unknownOperation(result: AssessedDivergence, cause: RootCause): boolean {
  if (cause.type !== 'status') return false;
  const refusing = cause.baseline >= 400 ? 'baseline' : 'candidate';
  const status = result[refusing].status;
  if (status !== undefined && UNKNOWN_OPERATION_STATUSES.has(status)) return true;
  if (methodNotFound(result.bodies[refusing])) return true;
  return cause.reason !== undefined && UNKNOWN_OPERATION_REASON.test(cause.reason);
}

/** The side that answered `2xx` a status one side accepted and the other refused. */
function acceptingSide(cause: RootCause & { type: 'status' }): 'baseline' | 'candidate' {
  return Math.floor(cause.baseline / 100) === 2 ? 'baseline' : 'candidate';
}

/**
 * True when `cause`, a status one side accepted and the other refused, is a
 * write of `result`'s call: never where the accepting side's body is a
 * JSON-RPC error answer (rule 55, `core/compare/rpc-error-answers.ts`: it
 * refused the call in its envelope); else always for a request that names no
 * operation (its method says so), and on an RPC path as the module comment
 * says.
 */
export function countsAsWrite(result: AssessedDivergence, cause: RootCause): boolean {
  // A `2xx` whose body is a JSON-RPC error refused the call too: nothing was written (rule 55).
  if (cause.type === 'status' && isRpcErrorAnswer(result.bodies[acceptingSide(cause)]))
    return false;
  const operation = operationOfEndpoint(result.endpoint);
  if (operation === undefined) return true;
  const verb = verbKindOf(operation);
  if (verb !== undefined) return verb === 'write';
  return !unknownOperation(result, cause);
}
