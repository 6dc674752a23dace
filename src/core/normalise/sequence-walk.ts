/**
 * What the walks over a flow's or serial sequence's answers share
 * (`references.ts`, `sequence-ids.ts`): a side's structured body, the side
 * with a new value in it, and the sequence an exchange belongs to.
 */
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';

export type Structured = Extract<ResponseBody, { kind: 'json' | 'xml' }>;

/** The side's JSON or XML body; undefined for any other body or no answer. */
export function structuredBody(side: SideOutcome): Structured | undefined {
  if (side.outcome !== 'response') return undefined;
  const { body } = side.response;
  return body.kind === 'json' || body.kind === 'xml' ? body : undefined;
}

/** The side with `value` in place of its structured body's value. */
export function withStructuredValue(
  side: SideOutcome,
  body: Structured,
  value: unknown,
): SideOutcome {
  if (side.outcome !== 'response') return side;
  const next: ResponseBody =
    body.kind === 'json' ? { kind: 'json', value } : { kind: 'xml', value };
  return { outcome: 'response', response: { ...side.response, body: next } };
}

/** The sequence an exchange belongs to: its flow, or its serial sequence; undefined for a plain case. */
export function sequenceKeyOf(exchange: Exchange): string | undefined {
  const { flow, serial } = exchange.case;
  if (flow !== undefined) return `flow:${flow.id}`;
  return serial === undefined ? undefined : `serial:${serial}`;
}
