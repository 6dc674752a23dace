/**
 * One flow as its steps run: each side's variables, kept apart (the
 * candidate's request uses the candidate's id and ETag), and the reason the
 * remaining steps cannot run once a step failed in transport on either side.
 * Steps are sent one at a time, both sides at once.
 */

import { bindRequest } from '../flow/bind.js';
import { capture, describeSource } from '../flow/capture.js';
import { placeholder } from '../flow/template.js';
import type { Case } from '../model/case.js';
import type { Exchange, SideOutcome } from '../model/exchange.js';
import type { Captured, FlowStep } from '../model/flow.js';
import type { TargetClient } from './client.js';
import { planOf } from './plan.js';

/** What became of one step: sent (an exchange to judge), or not sent and why. */
export type StepOutcome =
  | { readonly kind: 'sent'; readonly exchange: Exchange }
  | { readonly kind: 'skipped'; readonly reason: string };

const SIDES = ['baseline', 'candidate'] as const;
type Side = (typeof SIDES)[number];

/** Runs the steps of one flow, in order; create one per flow. */
export interface FlowRun {
  step(testCase: Case & { readonly flow: FlowStep }): Promise<StepOutcome>;
}

export function createFlowRun(clients: Record<Side, TargetClient>): FlowRun {
  const vars: Record<Side, Map<string, Captured>> = { baseline: new Map(), candidate: new Map() };
  // Why a variable has no value on a side (its capture found nothing).
  const why = new Map<string, string>();
  let stopped: string | undefined;
  return {
    async step(testCase) {
      const { flow } = testCase;
      if (flow.skip !== undefined) return { kind: 'skipped', reason: flow.skip };
      if (stopped !== undefined) return { kind: 'skipped', reason: stopped };
      const missing = unbound(flow, vars, why);
      if (missing !== undefined) return { kind: 'skipped', reason: missing };
      const requests = {
        baseline: bindRequest(testCase.request, vars.baseline),
        candidate: bindRequest(testCase.request, vars.candidate),
      };
      const share = {};
      const [baseline, candidate] = await Promise.all([
        clients.baseline.send(planOf(requests.baseline), share, testCase),
        clients.candidate.send(planOf(requests.candidate), share, testCase),
      ]);
      const answers: Record<Side, SideOutcome> = { baseline, candidate };
      stopped = transportStop(flow, answers);
      const problems: string[] = [];
      for (const side of SIDES)
        captureSide(flow, answers[side], side, { vars: vars[side], why, problems });
      return {
        kind: 'sent',
        exchange: {
          case: testCase,
          baseline,
          candidate,
          flow: {
            requests,
            variables: { baseline: new Map(vars.baseline), candidate: new Map(vars.candidate) },
            problems,
          },
        },
      };
    },
  };
}

/** The reason the step cannot be built: a variable it uses has no value on a side. */
function unbound(
  flow: FlowStep,
  vars: Record<Side, ReadonlyMap<string, Captured>>,
  why: ReadonlyMap<string, string>,
): string | undefined {
  for (const name of flow.uses) {
    for (const side of SIDES) {
      if (vars[side].has(name)) continue;
      const reason = why.get(`${side}\0${name}`) ?? 'it was never captured';
      return `not sent: ${placeholder(name)} has no ${side} value (${reason})`;
    }
  }
  return undefined;
}

/** Why the flow stops after this step: a side that failed in transport. */
function transportStop(flow: FlowStep, answers: Record<Side, SideOutcome>): string | undefined {
  for (const side of SIDES) {
    const answer = answers[side];
    if (answer.outcome === 'transport-error') {
      return `not sent: the ${side} failed in transport at step "${flow.step}" (${answer.error.code}), so the later steps have nothing to build on`;
    }
  }
  return undefined;
}

function captureSide(
  flow: FlowStep,
  answer: SideOutcome,
  side: Side,
  into: { vars: Map<string, Captured>; why: Map<string, string>; problems: string[] },
): void {
  if (answer.outcome !== 'response') return;
  for (const spec of flow.captures) {
    const outcome = capture(spec, answer.response);
    if (outcome.ok) {
      into.vars.set(spec.name, outcome.captured);
      into.why.delete(`${side}\0${spec.name}`);
      continue;
    }
    // A value the step meant to refresh is not used stale.
    into.vars.delete(spec.name);
    const line = `${side}: capture ${placeholder(spec.name)} (${describeSource(spec)}) found nothing: ${outcome.reason}`;
    into.why.set(`${side}\0${spec.name}`, `step "${flow.step}": ${outcome.reason}`);
    into.problems.push(line);
  }
}
