/**
 * Holds a flow's steps until its last step is in, so that every step's output
 * hides every secret the flow captured: a token captured at step 3 may
 * already show in step 1's answer (a sign-up that returns the key the flow
 * reads only later from `/me`), and step 1's result (or recorded entry) would
 * otherwise be written before the token was known. `run` and `record` both
 * go through it. Pure.
 */

import type { Case, FlowExchange } from '../../contract/model/case.js';
import type { Exchange } from '../../contract/model/exchange.js';
import { secretValues } from '../../core/flow/secrets.js';

export interface FlowHold<T> {
  /**
   * Takes the output of `testCase`: returns what is ready to go out (the item
   * alone when the case is no flow step, the flow's items in the order they
   * came once its last step is in), or undefined while the flow runs.
   */
  add(testCase: Case, item: T): T[] | undefined;
  /** The items of every flow still held (a flow cut short by an interrupted run). */
  rest(): T[][];
}

export function createFlowHold<T>(): FlowHold<T> {
  const flows = new Map<string, T[]>();
  return {
    add(testCase, item) {
      const flow = testCase.flow;
      if (flow === undefined) return [item];
      const items = flows.get(flow.id) ?? [];
      items.push(item);
      if (items.length < flow.steps) {
        flows.set(flow.id, items);
        return undefined;
      }
      flows.delete(flow.id);
      return items;
    },
    rest() {
      const held = [...flows.values()];
      flows.clear();
      return held;
    },
  };
}

/** Each side's variables after the last of `steps` that ran (each step's are all captured so far). */
export function lastVariables<S, V>(
  steps: readonly S[],
  of: (step: S) => { readonly index: number; readonly variables: V } | undefined,
): V | undefined {
  let last: { readonly index: number; readonly variables: V } | undefined;
  for (const step of steps) {
    const found = of(step);
    if (found !== undefined && (last === undefined || found.index > last.index)) last = found;
  }
  return last?.variables;
}

/** A step of a run as the pool reported it: answered, or not sent (and why). */
export type HeldStep =
  | { readonly position: number; readonly exchange: Exchange }
  | { readonly position: number; readonly skipped: Case; readonly reason: string };

/**
 * A run's released steps in run order, each exchange carrying the flow's last
 * variables (`FlowExchange.secretsFrom`) for the result's redactor.
 */
export function withFlowSecrets(steps: readonly HeldStep[]): HeldStep[] {
  const secretsFrom = lastVariables(
    steps,
    (step): { index: number; variables: FlowExchange['variables'] } | undefined => {
      if (!('exchange' in step) || step.exchange.flow === undefined) return undefined;
      return {
        index: step.exchange.case.flow?.index ?? -1,
        variables: step.exchange.flow.variables,
      };
    },
  );
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  if (secretsFrom === undefined) return ordered;
  return ordered.map((step) => {
    if (!('exchange' in step) || step.exchange.flow === undefined) return step;
    const flow = { ...step.exchange.flow, secretsFrom };
    return { ...step, exchange: { ...step.exchange, flow } };
  });
}

/** The secret values a flow's released steps captured, each with its placeholder. */
export function capturedSecrets(steps: readonly HeldStep[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of steps) {
    if (!('exchange' in step)) continue;
    const secrets = step.exchange.case.flow?.secrets;
    const variables = step.exchange.flow?.secretsFrom ?? step.exchange.flow?.variables;
    if (secrets === undefined || secrets.size === 0 || variables === undefined) continue;
    for (const [value, placeholder] of secretValues(secrets, [
      variables.baseline,
      variables.candidate,
    ])) {
      out.set(value, placeholder);
    }
  }
  return out;
}
