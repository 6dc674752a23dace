/**
 * Holds a flow's steps until its last step is in, so that every step's result
 * hides every secret the flow captured: a token captured at step 3 may
 * already show in step 1's answer (a login that returns it, read only later
 * from `/me`), and step 1's result would otherwise be built before the token
 * was known. Steps are released in run order, each exchange carrying the
 * flow's last variables (`FlowExchange.secretsFrom`). The steps of a flow cut
 * short (an interrupted run) are released by `rest()`. Pure.
 */
import type { Case } from '../model/case.js';
import type { Exchange } from '../model/exchange.js';
import type { FlowExchange } from '../model/flow.js';

/** A step as the pool reported it: answered, or not sent (and why). */
export type HeldStep =
  | { readonly position: number; readonly exchange: Exchange }
  | { readonly position: number; readonly skipped: Case; readonly reason: string };

export interface FlowHold {
  /** Takes a step of the flow `testCase.flow`; releases the flow once all its steps are in. */
  add(testCase: Case, step: HeldStep): void;
  /** Releases every flow still held. */
  rest(): void;
}

/** The variables of the flow's last answered step (each step's are all captured so far). */
function lastVariables(steps: readonly HeldStep[]): FlowExchange['variables'] | undefined {
  let last: { index: number; variables: FlowExchange['variables'] } | undefined;
  for (const step of steps) {
    if (!('exchange' in step)) continue;
    const index = step.exchange.case.flow?.index ?? -1;
    const variables = step.exchange.flow?.variables;
    if (variables !== undefined && (last === undefined || index > last.index)) {
      last = { index, variables };
    }
  }
  return last?.variables;
}

export function createFlowHold(release: (step: HeldStep) => void): FlowHold {
  const flows = new Map<string, HeldStep[]>();
  const releaseFlow = (steps: HeldStep[]): void => {
    const secretsFrom = lastVariables(steps);
    steps.sort((a, b) => a.position - b.position);
    for (const step of steps) {
      const flow = 'exchange' in step ? step.exchange.flow : undefined;
      if (!('exchange' in step) || flow === undefined || secretsFrom === undefined) release(step);
      else release({ ...step, exchange: { ...step.exchange, flow: { ...flow, secretsFrom } } });
    }
  };
  return {
    add(testCase, step) {
      const flow = testCase.flow;
      if (flow === undefined) {
        release(step);
        return;
      }
      const steps = flows.get(flow.id) ?? [];
      steps.push(step);
      if (steps.length < flow.steps) {
        flows.set(flow.id, steps);
        return;
      }
      flows.delete(flow.id);
      releaseFlow(steps);
    },
    rest() {
      const held = [...flows.values()];
      flows.clear();
      for (const steps of held) releaseFlow(steps);
    },
  };
}
