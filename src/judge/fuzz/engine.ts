/**
 * The fuzz loop. The seeds run first, as written: their root causes are
 * known (the case library already shows them) and never reported again, nor
 * are those the tracker already has a row for. Then
 * inputs from the deterministic stream (`generate.ts`) run through `send` (the
 * normal pipeline) with `concurrency` in flight, until the budget is spent.
 * Results are taken in input order whatever order they complete in, so the
 * first input to show a divergence is the same on every run; that input is
 * shrunk (`shrink.ts`) while exploration goes on. A divergence is a root
 * cause, or for the causes an input rule tells apart (one side accepts what
 * the other rejects, or fails), a root cause and the rule (`rule.ts`).
 * A side that stops answering (`crash.ts`) is seen at the input that made it
 * fail: with a reset hook that brings it back, that input is a finding of its
 * own; without one, nothing more is sent and the inputs around the first
 * failure are kept as suspects.
 */
import type { Case } from '../../contract/model/case.js';
import type { Observation } from '../../contract/observation.js';
import type { Budget } from './budget.js';
import { crashCause, failedSides, type SideName, suspectsOf } from './crash.js';
import { type Generated, inputStream } from './generate.js';
import type { MutationName } from './mutations.js';
import { toCase } from './request.js';
import { type FuzzCause, rootCausesOf } from './root-cause.js';
import { divergenceKey } from './rule.js';
import type { Seed } from './seeds.js';
import {
  type Discovery,
  type ShrinkFindingInput,
  sameInputOnce,
  shrinkFinding,
  type TalliedDiscovery,
} from './shrink-finding.js';

/** What the fuzz loop takes (`send` and `shrinkLimit` are shrinking's too). */
export interface FuzzEngineInput extends ShrinkFindingInput {
  readonly seeds: readonly Seed[];
  readonly budget: Budget;
  /** `--seed`: the input stream's seed. */
  readonly seedNumber: number;
  readonly concurrency: number;
  /** Distinct divergences shrunk and reported at most (the rest are counted). */
  readonly maxFindings: number;
  /** Milliseconds, monotonic (`performance.now`). */
  readonly clock: () => number;
  readonly onProgress?: (progress: FuzzProgress) => void;
  /** Root-cause keys already decided on elsewhere (the tracker's rows): never reported as new. */
  readonly tracked?: ReadonlySet<string>;
  /**
   * With a reset hook that can bring a stopped target back (a command, run
   * before every input, one input at a time): sends `testCase` after the
   * hook, then `probe` as it is, in one turn (no reset between). An input
   * after which a side fails the probe is then a finding of its own, and
   * exploring goes on.
   */
  readonly sendProbed?: (testCase: Case, probe: Case) => Promise<Probed>;
}

/** An input's result, and the liveness probe's sent right after it. */
export interface Probed {
  readonly result: Observation;
  readonly probe: Observation;
}

export interface FuzzProgress {
  readonly inputs: number;
  readonly elapsedMs: number;
  /** New distinct divergences (root cause × input rule) so far. */
  readonly distinct: number;
  /** New root causes so far. */
  readonly rootCauses: number;
}

export interface FuzzRun {
  /** Root causes the seeds themselves show (not reported again). */
  readonly known: readonly FuzzCause[];
  /** Sides that answered no seed at all (nothing was explored). */
  readonly unreachable: readonly ('baseline' | 'candidate')[];
  /**
   * Sides that answered the seeds, then stopped answering during the
   * exploration (and no reset hook brought them back): their failures since
   * are not about the inputs, so no finding is kept but the suspects.
   */
  readonly stoppedAnswering: readonly ('baseline' | 'candidate')[];
  /**
   * When a side stopped answering: the inputs that may have stopped it, most
   * likely first (`suspectsOf`), and what of the budget was not sent.
   */
  readonly stopped?: Stopped;
  readonly inputs: number;
  /** Exploration time, shrinking included. */
  readonly elapsedMs: number;
  /** Inputs whose result diverged (known root causes included). */
  readonly divergentInputs: number;
  readonly findings: readonly TalliedDiscovery[];
  /** Distinct new divergences past `maxFindings`, not shrunk. */
  readonly unshrunk: number;
  /** Distinct root causes the exploration showed that `tracked` holds (not reported as new). */
  readonly tracked: number;
}

/** A side that stopped answering without a reset hook to bring it back. */
export interface Stopped {
  readonly sides: readonly SideName[];
  /** 0-based index of the first input a stopped side failed. */
  readonly firstFailure: number;
  readonly suspects: readonly Generated[];
  /** The budget left unsent: inputs for a count budget, milliseconds for a time budget. */
  readonly notSent: { readonly inputs: number } | { readonly ms: number };
}

interface Tally {
  hits: number;
  readonly alsoBy: Set<MutationName>;
}

/** Runs `items` through `work` with at most `limit` at once, results in item order. */
async function inOrder<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

const failedAll = (results: readonly Observation[], side: 'baseline' | 'candidate') =>
  results.length > 0 && results.every((r) => r[side].error !== undefined);

/** Runs the fuzz loop (see the module comment). */
export async function runFuzz(input: FuzzEngineInput): Promise<FuzzRun> {
  const started = input.clock();
  const seedResults = await inOrder(input.seeds, input.concurrency, (seed) =>
    input.send(seed.case),
  );
  const unreachable = (['baseline', 'candidate'] as const).filter((side) =>
    failedAll(seedResults, side),
  );
  const known = new Map<string, FuzzCause>();
  seedResults.forEach((result, i) => {
    const seed = input.seeds[i];
    if (seed === undefined) return;
    for (const cause of rootCausesOf(result, seed.endpoint)) known.set(cause.key, cause);
  });
  const empty = {
    known: [...known.values()],
    unreachable,
    stoppedAnswering: [] as ('baseline' | 'candidate')[],
    inputs: 0,
    divergentInputs: 0,
  };
  if (unreachable.length > 0 || input.seeds.length === 0) {
    return { ...empty, elapsedMs: input.clock() - started, findings: [], unshrunk: 0, tracked: 0 };
  }
  const answered = (_: unknown, i: number) => {
    const result = seedResults[i];
    return result !== undefined && result.verdict !== 'skipped' && failedSides(result).length === 0;
  };
  // The liveness probe: a plain seed when there is one (a flow step sends its flow's earlier steps too).
  const live =
    input.seeds.find((seed, i) => seed.case.flow === undefined && answered(seed, i)) ??
    input.seeds.find(answered);
  const explored = await explore(input, known, started, live?.case);
  const { death, ...found } = explored;
  if (death !== undefined) {
    const elapsedMs = input.clock() - started;
    const { budget } = input;
    const notSent =
      budget.kind === 'inputs'
        ? { inputs: Math.max(0, budget.count - found.inputs) }
        : { ms: Math.max(0, Math.round(budget.ms - elapsedMs)) };
    const stopped: Stopped = { ...death, notSent };
    const stoppedAnswering = death.sides;
    return { ...empty, ...found, stoppedAnswering, stopped, findings: [], unshrunk: 0, elapsedMs };
  }
  const stoppedAnswering = await stillAnswering(input, seedResults);
  if (stoppedAnswering.length > 0) {
    const elapsedMs = input.clock() - started;
    return { ...empty, ...found, stoppedAnswering, findings: [], unshrunk: 0, elapsedMs };
  }
  return { ...empty, ...found, elapsedMs: input.clock() - started };
}

/** Inputs kept for naming suspects, at most (the last ones sent). */
const KEPT_SENT = 256;

/** Seeds sent again after the exploration, at most: enough to tell a target that went down. */
const LIVENESS_SEEDS = 3;

/**
 * The sides that answered seeds before the exploration and answer none of
 * them after it (a server that crashed or was stopped mid-run: every input
 * since failed in transport, and shrinking against it always "reproduces").
 */
async function stillAnswering(
  input: FuzzEngineInput,
  seedResults: readonly Observation[],
): Promise<('baseline' | 'candidate')[]> {
  const answered = input.seeds.filter((_, i) => {
    const result = seedResults[i];
    return result?.baseline.error === undefined && result?.candidate.error === undefined;
  });
  const again = await inOrder(answered.slice(0, LIVENESS_SEEDS), input.concurrency, (seed) =>
    input.send(seed.case),
  );
  return (['baseline', 'candidate'] as const).filter((side) => failedAll(again, side));
}

/** The exploration after the seeds: inputs until the budget is spent, findings shrunk as they come. */
async function explore(
  input: FuzzEngineInput,
  known: ReadonlyMap<string, FuzzCause>,
  started: number,
  live: Case | undefined,
) {
  const stream = inputStream(input.seeds, input.seedNumber);
  const tallies = new Map<string, Tally>();
  const shrinking: { readonly finding: Promise<Discovery>; readonly tally: Tally }[] = [];
  const causes = new Set<string>();
  const unshrunk = new Set<string>();
  const tracked = new Set<string>();
  const completed = new Map<number, { gen: Generated; result: Observation }>();
  let sent = 0;
  let handled = 0;
  let divergentInputs = 0;
  let stopped = false;
  // Stopped targets: the inputs recently sent, each input after which a side
  // stopped (with a reset hook), or the side that stopped for good (without).
  const recent = new Map<number, Generated>();
  const killers = new Map<number, SideName[]>();
  let firstFailure = Number.POSITIVE_INFINITY;
  let death: Omit<Stopped, 'notSent'> | undefined;
  const { sendProbed } = input;
  /** Sends an input; the sides down after it (probed after any input with a reset hook, else after a transport failure). */
  const attempt = async (testCase: Case): Promise<{ result: Observation; down: SideName[] }> => {
    if (live === undefined) return { result: await input.send(testCase), down: [] };
    if (sendProbed !== undefined) {
      const { result, probe } = await sendProbed(testCase, live);
      return { result, down: failedSides(probe) };
    }
    const result = await input.send(testCase);
    const failed = failedSides(result);
    if (failed.length === 0) return { result, down: [] };
    const down = failedSides(await input.send(live)).filter((side) => failed.includes(side));
    return { result, down };
  };
  /** After an input, `down` sides failed the probe: a finding with a reset hook, else the end. */
  const stoppedAfter = (gen: Generated, result: Observation, down: readonly SideName[]): void => {
    if (failedSides(result).length > 0) firstFailure = Math.min(firstFailure, gen.index);
    if (down.length === 0 || death !== undefined) return;
    if (sendProbed !== undefined) {
      killers.set(gen.index, [...down]);
      return;
    }
    stopped = true;
    const suspects = suspectsOf(recent, Math.min(firstFailure, gen.index), input.concurrency);
    death = { sides: down, firstFailure: Math.min(firstFailure, gen.index), suspects };
  };
  const { budget } = input;
  const more = () =>
    !stopped &&
    stream.seeds.length > 0 &&
    (budget.kind === 'inputs' ? sent < budget.count : input.clock() - started < budget.ms);

  const isTracked = (cause: FuzzCause): boolean => {
    // A row keyed on this request's own endpoint (a mutated path) counts for the seed's too.
    if (
      input.tracked?.has(cause.key) === true ||
      input.tracked?.has(cause.finding?.fingerprint ?? cause.key) === true
    ) {
      tracked.add(cause.key);
    }
    return tracked.has(cause.key);
  };
  const handle = (gen: Generated, result: Observation): void => {
    if (result.verdict === 'divergent') divergentInputs++;
    const rule = gen.value.value.mutation.name;
    const killed = killers.get(gen.index);
    const shown =
      killed === undefined
        ? rootCausesOf(result, gen.seed.endpoint)
        : [crashCause(gen.seed.endpoint, killed, result)];
    for (const cause of shown) {
      if (known.has(cause.key) || isTracked(cause)) continue;
      const key = divergenceKey(cause, rule);
      const tally = tallies.get(key);
      if (tally !== undefined) {
        tally.hits++;
        tally.alsoBy.add(rule);
      } else if (tallies.size < input.maxFindings) {
        const fresh: Tally = { hits: 1, alsoBy: new Set() };
        tallies.set(key, fresh);
        causes.add(cause.key);
        const order = shrinking.length;
        const kill = killed === undefined ? undefined : { sides: killed, attempt };
        const finding = shrinkFinding(input, { order, cause, gen, result, kill });
        // Awaited once exploration is over; a failure (a reset hook) stops exploring now.
        finding.catch(() => {
          stopped = true;
        });
        shrinking.push({ finding, tally: fresh });
      } else {
        unshrunk.add(key);
      }
    }
  };
  const worker = async (): Promise<void> => {
    while (more()) {
      const gen = stream.next();
      sent++;
      recent.set(gen.index, gen);
      recent.delete(gen.index - KEPT_SENT);
      const testCase = toCase(gen.seed.case, gen.value.value.request, `fuzz/input-${gen.index}`);
      const { result, down } = await attempt(testCase);
      stoppedAfter(gen, result, down);
      completed.set(gen.index, { gen, result });
      // In input order, whatever order the answers came in: findings are deterministic.
      for (let done = completed.get(handled); done !== undefined; done = completed.get(handled)) {
        completed.delete(handled++);
        handle(done.gen, done.result);
      }
      input.onProgress?.({
        inputs: handled,
        elapsedMs: input.clock() - started,
        distinct: tallies.size,
        rootCauses: causes.size,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker));
  // The tallies are complete once exploration is over.
  const findings = await Promise.all(
    shrinking.map(async ({ finding, tally }): Promise<TalliedDiscovery> => {
      const done = await finding;
      const alsoBy = [...tally.alsoBy].filter((name) => name !== done.rule);
      return { ...done, hits: tally.hits, alsoBy };
    }),
  );
  return {
    inputs: sent,
    divergentInputs,
    findings: sameInputOnce(findings),
    unshrunk: unshrunk.size,
    tracked: tracked.size,
    death,
  };
}
