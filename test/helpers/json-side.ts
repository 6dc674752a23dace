/** One side's answer of JSON, and the JSON it holds: the unit tests of the per-instance masks build exchanges of them. */
import type { SideOutcome } from '../../src/contract/model/exchange.js';

/** A `200` answer whose body is `value` as JSON. */
export function jsonSide(value: unknown): SideOutcome {
  return {
    outcome: 'response',
    response: {
      status: 200,
      headers: {},
      body: { kind: 'json', value },
      wireBytes: 1,
      durationMs: 1,
    },
  };
}

/** The JSON an answer holds, or undefined. */
export function jsonOf(side: SideOutcome): unknown {
  return side.outcome === 'response' && side.response.body.kind === 'json'
    ? side.response.body.value
    : undefined;
}

/** A `200` answer of JSON whose text is `text` as received (its value parsed from it). */
export function jsonTextSide(text: string): SideOutcome {
  return {
    outcome: 'response',
    response: {
      status: 200,
      headers: {},
      body: { kind: 'json', value: JSON.parse(text), text },
      wireBytes: text.length,
      durationMs: 1,
    },
  };
}
