/**
 * A body that refuses in itself, whatever its status (issue 43): a JSON
 * object with a **refusal member** at its top, a member named `error`,
 * `errors`, `fault`, `faults`, `exception`, `failure` or BEP 3's `failure
 * reason` (any case) whose value is not `null`, `false`, `""` or empty; or
 * an XML-RPC `<fault>`. Read by rule 29 (`refused-answers.ts`: one side
 * refuses in its body, the other answers a result), by rule 30's catch-all
 * evidence (`shared-reasons.ts`: a success status that refuses in its body
 * is a refusal too) and by the reads of later lists (rule 38). Pure.
 */
import { isJsonObject } from '../normalise/json.js';
import { xmlRpcFault } from './xml-rpc-faults.js';

/** Top members whose value, when present and not empty, says the side refused. */
const REFUSAL_MEMBERS: ReadonlySet<string> = new Set([
  'error',
  'errors',
  'fault',
  'faults',
  'exception',
  'failure',
  // BEP 3: a BitTorrent tracker refuses with a bencoded `failure reason`, whatever its status.
  'failure reason',
]);

/** True when `key` names a refusal member (`error`, `fault`, …, any case). */
export function isRefusalMember(key: string): boolean {
  return REFUSAL_MEMBERS.has(key.toLowerCase());
}

function isRefusal(value: unknown): boolean {
  if (value === null || value === false || value === '' || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isJsonObject(value) || Object.keys(value).length > 0;
}

/** The body's refusal members (see the module comment). */
export function refusalsOf(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((key) => isRefusalMember(key) && isRefusal(body[key]));
}

/** True when `body` refused in itself: a refusal member at its top, or an XML-RPC fault. */
export function refusesInBody(body: unknown): boolean {
  if (xmlRpcFault(body) !== undefined) return true;
  return isJsonObject(body) && refusalsOf(body).length > 0;
}
