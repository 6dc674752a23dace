/**
 * An XML-RPC fault (issue 43): an XML-RPC server answers a call it refuses
 * with a success status (`200`) and `<methodResponse><fault>`, a struct of
 * `faultCode` and `faultString`, as a JSON-RPC server answers its `error`.
 * Such an answer accepted nothing. Read from an XML body as its tree
 * (`core/xml/tree.ts`: `{methodResponse: {fault: {value: {struct: {member:
 * […]}}}}}`). Pure.
 */
import { isJsonObject } from '../normalise/json.js';

/** An XML-RPC value's text: untyped (`<value>x</value>`) or in its one type element. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!isJsonObject(value)) return undefined;
  const inner = Object.values(value);
  return inner.length === 1 && typeof inner[0] === 'string' ? inner[0] : undefined;
}

/** The members of a fault's struct, by name. */
function faultMembers(fault: Record<string, unknown>): Map<string, unknown> {
  const value = fault['value'];
  const struct = isJsonObject(value) ? value['struct'] : undefined;
  const listed = isJsonObject(struct) ? struct['member'] : undefined;
  const members = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
  const out = new Map<string, unknown>();
  for (const member of members) {
    if (isJsonObject(member) && typeof member['name'] === 'string') {
      out.set(member['name'], member['value']);
    }
  }
  return out;
}

/**
 * The `faultString` of an XML-RPC fault answer (`''` when it has none), or
 * undefined for any other body (a result, another document, no XML).
 */
export function xmlRpcFault(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const response = body['methodResponse'];
  if (!isJsonObject(response)) return undefined;
  const fault = response['fault'];
  if (!isJsonObject(fault)) return undefined;
  return valueText(faultMembers(fault).get('faultString')) ?? '';
}

/** `Comparison.faults` of two bodies (their trees), spread into a comparison; `{}` when neither is a fault. */
export function faultsOf(
  baseline: unknown,
  candidate: unknown,
): { faults?: { baseline?: string; candidate?: string } } {
  const b = xmlRpcFault(baseline);
  const c = xmlRpcFault(candidate);
  if (b === undefined && c === undefined) return {};
  return {
    faults: {
      ...(b === undefined ? {} : { baseline: b }),
      ...(c === undefined ? {} : { candidate: c }),
    },
  };
}
