/**
 * A JSON-RPC error answer (tracker rule 55, issue 43): the body a JSON-RPC
 * server sends for a call it refused, whatever the HTTP status it came with.
 * JSON-RPC over HTTP answers most refusals `200` (the specification speaks of
 * its envelope, not of HTTP), so a `200` whose body is an error object is a
 * refusal, not an accepted call: a server that answered a body it could not
 * parse with `200` and the parse error `-32700` wrote nothing, like the other
 * side that refused it `400`.
 *
 * An error answer is an object with an `id` member (`null` where the server
 * could not read one) and an `error` member that is an object with a numeric
 * `code` (JSON-RPC 2.0) or any value other than `null` (1.0), and no `result`
 * other than `null` (1.0 writes both, the unused one `null`); a batch's answer
 * is one when it is a non-empty list of them. A body with a `result`, a body
 * without `id`, or an `error` member of another envelope (`{error, message}`
 * with no `id`) is none. Pure.
 */
import { isJsonObject } from '../normalise/json.js';

/** True when `error` is a JSON-RPC error member: 2.0's object with a numeric code, or 1.0's non-null value. */
function isErrorMember(error: unknown): boolean {
  if (isJsonObject(error)) return typeof error['code'] === 'number';
  return error !== null && error !== undefined;
}

/** True when `body` is a JSON-RPC error answer, or a batch of them (see the module comment). */
export function isRpcErrorAnswer(body: unknown): boolean {
  if (Array.isArray(body)) return body.length > 0 && body.every(isRpcErrorAnswer);
  if (!isJsonObject(body) || !('id' in body)) return false;
  const result = body['result'];
  return isErrorMember(body['error']) && (result === undefined || result === null);
}
