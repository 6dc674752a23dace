/**
 * One flow as its steps run: each side's variables, kept apart (the
 * candidate's request uses the candidate's id and ETag), and the reason the
 * remaining steps cannot run once a step failed in transport on a side.
 * Steps are sent one at a time, every side at once. A run has two sides
 * (baseline and candidate); `parity record` has one (the recorded target).
 */

import type {
  Captured,
  Case,
  CaseRequest,
  FlowStep,
  Variables,
} from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { bindRequest } from '../../core/flow/bind.js';
import { capture, describeSource } from '../../core/flow/capture.js';
import { placeholder } from '../../core/flow/template.js';
import { describeUntil } from '../../core/flow/until.js';
import { planOf } from '../../core/request/plan.js';
import type { TargetClient } from './client.js';
import { type Waited, waitUntil } from './until-wait.js';

/** A flow step's case. */
export type StepCase = Case & { readonly flow: FlowStep };

/** One side of a sent step: its request as bound, its answer, its variables after the step's captures. */
export interface SentSide {
  readonly request: CaseRequest;
  /** The last answer (a step with `until` may have been sent more than once). */
  readonly answer: SideOutcome;
  readonly variables: Variables;
  /** A step with `until`: the sends it took on this side, and whether its last answer met it. */
  readonly waited?: { readonly tries: number; readonly met: boolean };
}

/** How a flow run sends. */
export interface FlowRunOptions {
  /** Checked while a step with `until` waits: once true (a signal), it stops waiting. */
  readonly stopped?: (() => boolean) | undefined;
}

/** What became of one step: sent (each side's request and answer), or not sent and why. */
export type StepOutcome<S extends string> =
  | {
      readonly kind: 'sent';
      readonly sides: Readonly<Record<S, SentSide>>;
      /** Captures of this step that found nothing, one line each (`baseline: capture {{id}} …`). */
      readonly problems: readonly string[];
    }
  | { readonly kind: 'skipped'; readonly reason: string };

/** Runs the steps of one flow, in order; create one per flow. */
export interface FlowRun<S extends string> {
  step(testCase: StepCase): Promise<StepOutcome<S>>;
}

/** One side's state: its client, its variables, and why a variable has no value there. */
interface SideState<S extends string> {
  readonly name: S;
  readonly client: TargetClient;
  readonly vars: Map<string, Captured>;
  /** Why a variable has no value on this side (its capture found nothing). */
  readonly why: Map<string, string>;
}

/** A flow run over `clients`, one per side, named by their keys (in messages too). */
export function createFlowRun<S extends string>(
  clients: Readonly<Record<S, TargetClient>>,
  options: FlowRunOptions = {},
): FlowRun<S> {
  // The keys of a record typed by S are S (built by the caller, not parsed input).
  const sides = (Object.keys(clients) as S[]).map(
    (name): SideState<S> => ({ name, client: clients[name], vars: new Map(), why: new Map() }),
  );
  let stopped: string | undefined;
  return {
    async step(testCase) {
      const { flow } = testCase;
      if (flow.skip !== undefined) return { kind: 'skipped', reason: flow.skip };
      if (stopped !== undefined) return { kind: 'skipped', reason: stopped };
      const missing = unbound(flow, sides);
      if (missing !== undefined) return { kind: 'skipped', reason: missing };
      // Identical answers are decoded once (`DecodeShare`): one object for every side.
      const share = {};
      const sent = await Promise.all(
        sides.map(async (side) => {
          const request = bindRequest(testCase.request, side.vars);
          const plan = planOf(request);
          const answer = await side.client.send(plan, share, testCase);
          if (flow.until === undefined) return { side, request, answer };
          // Each side waits on its own; a send again shares no decoding with the other side.
          const waited = await waitUntil(flow.until, answer, {
            send: () => side.client.send(plan, undefined, testCase),
            once: side.client.recorded === true,
            stopped: options.stopped,
          });
          return { side, request, answer: waited.answer, waited };
        }),
      );
      stopped = transportStop(flow, sent);
      const problems: string[] = [];
      const out = {} as Record<S, SentSide>;
      for (const { side, request, answer, waited } of sent) {
        if (waited !== undefined) problems.push(...unmetLine(flow, side.name, waited));
        captureSide(flow, answer, side, problems);
        const variables = new Map(side.vars);
        out[side.name] =
          waited === undefined
            ? { request, answer, variables }
            : {
                request,
                answer,
                variables,
                waited: { tries: waited.tries, met: waited.unmet === undefined },
              };
      }
      return { kind: 'sent', sides: out, problems };
    },
  };
}

/** The reason the step cannot be built: a variable it uses has no value on a side. */
function unbound(flow: FlowStep, sides: readonly SideState<string>[]): string | undefined {
  for (const name of flow.uses) {
    const missing = sides.filter((side) => !side.vars.has(name));
    const [first] = missing;
    if (first === undefined) continue;
    const reason = first.why.get(name) ?? 'it was never captured';
    // Neither side has it: say so, not only the first side's name.
    const whose =
      missing.length > 1 && missing.length === sides.length
        ? sides.length === 2
          ? 'value on either side'
          : 'value on any side'
        : `${first.name} value`;
    return `not sent: ${placeholder(name)} has no ${whose} (${reason})`;
  }
  return undefined;
}

/** The unmet `until` of one side, as an unmet expectation of the step (none when it was met). */
function unmetLine(flow: FlowStep, side: string, waited: Waited): string[] {
  const { unmet } = waited;
  if (unmet === undefined || flow.until === undefined) return [];
  const tries = `${waited.tries} ${waited.tries === 1 ? 'try' : 'tries'}`;
  const budget = unmet.interrupted
    ? `${tries} of ${flow.until.tries} (the run was stopped)`
    : tries;
  return [`${side}: until ${describeUntil(flow.until)} not met after ${budget}: ${unmet.reason}`];
}

/** Why the flow stops after this step: a side that failed in transport. */
function transportStop(
  flow: FlowStep,
  sent: readonly { readonly side: SideState<string>; readonly answer: SideOutcome }[],
): string | undefined {
  for (const { side, answer } of sent) {
    if (answer.outcome === 'transport-error') {
      return `not sent: the ${side.name} failed in transport at step "${flow.step}" (${answer.error.code}), so the later steps have nothing to build on`;
    }
  }
  return undefined;
}

function captureSide(
  flow: FlowStep,
  answer: SideOutcome,
  side: SideState<string>,
  problems: string[],
): void {
  if (answer.outcome !== 'response') return;
  for (const spec of flow.captures) {
    const outcome = capture(spec, answer.response);
    if (outcome.ok || standsIn(flow, spec.name, side.client)) {
      const text = placeholder(spec.name);
      side.vars.set(spec.name, outcome.ok ? outcome.captured : { value: text, text });
      side.why.delete(spec.name);
      continue;
    }
    // A value the step meant to refresh is not used stale.
    side.vars.delete(spec.name);
    const line = `${side.name}: capture ${placeholder(spec.name)} (${describeSource(spec)}) found nothing: ${outcome.reason}`;
    side.why.set(spec.name, `step "${flow.step}": ${outcome.reason}`);
    problems.push(line);
  }
}

/**
 * A recording keeps no secret: where a secret variable's value was, it holds
 * a placeholder or `[redacted]`, so the capture may find nothing there. The
 * recorded side's requests are never sent, so the variable's placeholder
 * stands in for its value and the flow goes on.
 */
function standsIn(flow: FlowStep, name: string, client: TargetClient): boolean {
  return client.recorded === true && flow.secrets.has(name);
}
