/**
 * What the walks over a flow's or serial sequence's answers share
 * (`references.ts`, `sequence-ids.ts`): a side's structured body, the side
 * with a new value in it, and the sequence an exchange belongs to.
 */
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import { isTreeBody, type TreeBody, treeWithValue } from '../wire/tree-body.js';

export type Structured = TreeBody;

/** The side's JSON, XML or bencode body; undefined for any other body or no answer. */
export function structuredBody(side: SideOutcome): Structured | undefined {
  if (side.outcome !== 'response') return undefined;
  const { body } = side.response;
  return isTreeBody(body) ? body : undefined;
}

/** Both sides' structured bodies, where both answered one kind of JSON, XML or bencode; else undefined. */
export function bothStructured(exchange: Exchange): [Structured, Structured] | undefined {
  const left = structuredBody(exchange.baseline);
  const right = structuredBody(exchange.candidate);
  return left === undefined || right === undefined || left.kind !== right.kind
    ? undefined
    : [left, right];
}

/** The side with `value` in place of its structured body's value. */
export function withStructuredValue(
  side: SideOutcome,
  body: Structured,
  value: unknown,
): SideOutcome {
  if (side.outcome !== 'response') return side;
  return { outcome: 'response', response: { ...side.response, body: treeWithValue(body, value) } };
}

/** The sequence an exchange belongs to: its flow, or its serial sequence; undefined for a plain case. */
export function sequenceKeyOf(exchange: Exchange): string | undefined {
  const { flow, serial } = exchange.case;
  if (flow !== undefined) return `flow:${flow.id}`;
  return serial === undefined ? undefined : `serial:${serial}`;
}

/**
 * The widest sequence an exchange belongs to: its serial file (a flow inside
 * one runs in its order too), else its flow; undefined for a plain case.
 */
export function widestSequenceOf(exchange: Exchange): string | undefined {
  const { serial } = exchange.case;
  return serial === undefined ? sequenceKeyOf(exchange) : `serial:${serial}`;
}
