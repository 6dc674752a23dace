/**
 * `parity fuzz`: the case library (or an OpenAPI document) seeds the fuzz
 * loop (`judge/fuzz/engine.ts`), which sends every input through the run's own
 * pipeline; each new divergence (a root cause, by input rule where the rule
 * tells divergences apart: `judge/fuzz/rule.ts`) is written as a case file, and
 * the written cases are then replayed by `runParity` itself, so the report,
 * the tracker rows and the exit code are those of a run — and each case is
 * shown to reproduce under `parity run`.
 */

import { type Case, isWriteMethod } from '../contract/model/case.js';
import type { Observation } from '../contract/observation.js';
import { addCredentialValues, literalSecrets } from '../core/redact/literal-credentials.js';
import { createRedactor, type Redactor } from '../core/redact/redact.js';
import { openRunLibrary } from '../io/cases/library.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { type RunConfig, resolveTargets } from '../io/config/targets.js';
import { restorer } from '../io/recording/entry.js';
import { readTrackerRows } from '../io/tracker/write.js';
import { type Budget, DEFAULT_BUDGET } from '../judge/fuzz/budget.js';
import { isCrash } from '../judge/fuzz/crash.js';
import { type FuzzProgress, runFuzz } from '../judge/fuzz/engine.js';
import { parseResetRequest, type ResetSpec } from '../judge/fuzz/reset.js';
import { withPlaceholders } from '../judge/fuzz/secrets.js';
import { type Seed, seedsOf } from '../judge/fuzz/seeds.js';
import { createSender } from '../judge/fuzz/sender.js';
import type { FuzzCases, FuzzSummary } from '../judge/fuzz/summary.js';
import type { FuzzEnd } from '../reporters/fuzz-summary.js';
import type { RunFolder } from '../reporters/report/run-folder.js';
import {
  createReporters,
  type Reporter,
  type ReporterFailure,
  type RunReporter,
} from '../reporters/reporter.js';
import { ParityError } from '../util/errors.js';
import { withReplay, writeFindings } from './fuzz/fuzz-cases.js';
import { librarySeeds, openApiSeeds } from './fuzz/fuzz-seeds.js';
import { writeSuspects } from './fuzz/fuzz-suspects.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { newRunId } from './run/run-id.js';
import type { Selection } from './run/selected.js';
import { type RunVerdict, verdictOf } from './run/verdict.js';
import { preflightWriters } from './run/writers.js';
import { type RunOutcome, runParity } from './run.js';

/** What `parity fuzz` is asked to do: the config flags, the seed selection, the fuzzing switches. */
export type FuzzOptions = ConfigFlags &
  Selection & {
    readonly seed?: number | undefined;
    readonly budget?: Budget | undefined;
    /** Where case files are written (default `cases/fuzz`). */
    readonly out?: string | undefined;
    readonly allowWrites?: true | undefined;
    readonly resetCommand?: string | undefined;
    readonly resetRequest?: string | undefined;
    /** Seeds from this OpenAPI/Swagger document's operations instead of the case library. */
    readonly openapi?: string | undefined;
  };

/** What exploring ends with, before the fuzz run's reporters are told. */
type Explored =
  /**
   * A target answered no seed, so nothing was explored; or it stopped
   * answering during the exploration (`stopped`), so no finding is kept (exit 3).
   */
  | {
      readonly kind: 'unreachable';
      readonly targets: readonly string[];
      readonly stopped: boolean;
      readonly summary: FuzzSummary;
      readonly config: RunConfig;
    }
  /** Explored; `replay` is the run of the written cases (absent when none was written). */
  | {
      readonly kind: 'done';
      readonly summary: FuzzSummary;
      readonly replay: RunOutcome | undefined;
      /** The replay's verdict under the config's fail policy (absent without a replay). */
      readonly verdict: RunVerdict | undefined;
      /** A side stopped answering after an input: a finding, never replayed (it would stop it again). */
      readonly crashed: boolean;
      readonly config: RunConfig;
    };

/** What a fuzz run ends with: as explored, and the reporters that failed (each left out, the run went on). */
export type FuzzOutcome = Explored & { readonly reporterFailures: readonly ReporterFailure[] };

/** Progress callbacks and reporters, for the command line. */
export interface FuzzHooks {
  readonly onProgress?: (progress: FuzzProgress) => void;
  /**
   * The fuzz run's reporters, as the run's reporter choices (`--reporter`,
   * the config's `reporters`) decide them: told when it ends (`onEnd`, with
   * the summary and the replay), behind one multiplexer, as a run tells its
   * own (the console's fuzz summary, `reporters/fuzz-summary.ts`).
   */
  readonly reporters?: (choices: RunConfig['reporters']) => readonly Reporter<FuzzEnd>[];
  /**
   * More reporters of the replay (the run of the case files written), as the
   * run's reporter choices (`--reporter`, the config's `reporters`) decide
   * them: GitHub Actions' output, from the CLI. Its report files follow the
   * same choices (`reporters/choose.ts`).
   */
  readonly replayReporters?: (choices: RunConfig['reporters']) => readonly RunReporter[];
}

const DEFAULT_SEED = 1;
const SHRINK_LIMIT = 300;
const MAX_FINDINGS = 50;

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

/** `--allow-writes` needs both targets marked disposable. */
function checkWrites(config: RunConfig): void {
  for (const target of [config.baseline, config.candidate]) {
    if (target.disposable !== true) {
      throw usage(
        `--allow-writes: target "${target.name}" is not marked disposable; set targets.${target.name}.disposable: true in the config (only for an instance whose data may be changed)`,
      );
    }
  }
}

function resetOf(options: FuzzOptions): ResetSpec | undefined {
  if (options.resetCommand !== undefined && options.resetRequest !== undefined) {
    throw usage('give --reset-command or --reset-request, not both');
  }
  if (options.resetCommand !== undefined) return { kind: 'command', command: options.resetCommand };
  return options.resetRequest === undefined ? undefined : parseResetRequest(options.resetRequest);
}

/**
 * Whether fuzzing the case writes: its method does, or it is a flow step
 * after one that does (each input sends the flow's earlier steps again).
 */
function writes(testCase: Case): boolean {
  if (isWriteMethod(testCase.request.method)) return true;
  return testCase.flow?.before?.some((step) => isWriteMethod(step.request.method)) === true;
}

/**
 * What every answer the fuzzer observes is redacted with: the run's secrets
 * and the credentials the seed cases write as literals (a token after
 * `Bearer`, a cookie, a credential query value), which a server may echo.
 * The seeds and the case files written keep such a literal as the library
 * wrote it (it is sent as written: no placeholder could be restored), but no
 * result, report or printed line holds it. Undefined when the seeds write none.
 */
function reportedRedactor(
  seeds: readonly Case[],
  headerNames: readonly string[],
  secrets: ReadonlyMap<string, string>,
): Redactor | undefined {
  const credentials = new Set<string>();
  for (const seed of seeds)
    addCredentialValues(seed.request, seed.rules.redactHeaders, credentials);
  const literal = literalSecrets(credentials, secrets);
  if (literal.secrets.size === 0) return undefined;
  return createRedactor({ headerNames, secrets: new Map([...literal.secrets, ...secrets]) });
}

/** The seed cases (library or OpenAPI document), and those fuzzed (only those that write nothing without `--allow-writes`). */
async function seedCases(config: RunConfig, options: FuzzOptions, env: AppContext['env']) {
  if (options.openapi !== undefined && (options.cases?.length ?? 0) > 0) {
    throw usage('give seed cases or --openapi, not both');
  }
  const source =
    options.openapi === undefined
      ? await librarySeeds(config, options, env)
      : await openApiSeeds(options.openapi, config, options, env);
  const { cases } = source;
  const allowed = cases.filter((c) => options.allowWrites === true || !writes(c));
  if (cases.length === 0)
    throw usage('no seed cases selected (check the paths, --filter and --tag)');
  if (allowed.length === 0) {
    const writing = cases.filter((c) => isWriteMethod(c.request.method));
    const methods = [...new Set(writing.map((c) => c.request.method))];
    const after = writing.length < cases.length ? ', or is a flow step after one that writes' : '';
    throw usage(
      `every selected seed case writes (${methods.join(', ')})${after}: pass --allow-writes, with both targets marked disposable in the config`,
    );
  }
  return { ...source, allowed };
}

/** Fuzzes (see the module comment); throws for bad input before anything is sent. */
export async function fuzzParity(
  options: FuzzOptions,
  context: AppContext,
  hooks: FuzzHooks = {},
): Promise<FuzzOutcome> {
  const outcome = await fuzzAndReplay(options, context, hooks);
  const { baseline, candidate } = outcome.config;
  const replay = outcome.kind === 'done' ? outcome.replay : undefined;
  const reporters = createReporters<FuzzEnd>(hooks.reporters?.(outcome.config.reporters) ?? []);
  await reporters.onEnd({
    summary: outcome.summary,
    names: { baseline: baseline.name, candidate: candidate.name },
    replay: replay === undefined ? undefined : { report: replay.report, dir: replay.written.dir },
  });
  return { ...outcome, reporterFailures: reporters.failures() };
}

/** Fuzzes: the seeds, the exploration, the written cases and their replay. */
async function fuzzAndReplay(
  options: FuzzOptions,
  context: AppContext,
  hooks: FuzzHooks,
): Promise<Explored> {
  const project = await openProject(options, context, 'all');
  const config: RunConfig = {
    ...project.config,
    ...resolveTargets(project.config, 'baseline+candidate'),
  };
  if (options.allowWrites === true) checkWrites(config);
  // The writers of the replay's report and tracker are checked before the first request.
  const { folder } = await preflightWriters(config, newRunId(context.now()), context.host);
  try {
    return await explore(config, { project, options, context, hooks, folder });
  } finally {
    await folder.discard();
  }
}

interface Exploration {
  readonly project: Awaited<ReturnType<typeof openProject>>;
  readonly options: FuzzOptions;
  readonly context: AppContext;
  readonly hooks: FuzzHooks;
  /** Where the replay's reports go (removed unpublished when nothing is replayed). */
  readonly folder: RunFolder;
}

async function explore(config: RunConfig, exploration: Exploration): Promise<Explored> {
  const { project, options, context, hooks, folder } = exploration;
  const reset = resetOf(options);
  const { cases, allowed, redactHeaders, notes, flows } = await seedCases(
    config,
    options,
    project.env,
  );
  // Root causes with a row that is not resolved are decided on already (a resolved one coming back is news).
  const rows = config.trackerPath === undefined ? [] : await readTrackerRows(config.trackerPath);
  const tracked = new Set(rows.filter((r) => r.status !== 'resolved').map((r) => r.fingerprint));
  const targetSecrets = [config.baseline, config.candidate].flatMap((t) => [...(t.secrets ?? [])]);
  const secrets = new Map([...project.secrets(), ...targetSecrets]);
  const redact = createRedactor({ headerNames: redactHeaders, secrets });
  // Secrets are fuzzed and shrunk only as their placeholders (`judge/fuzz/secrets.ts`).
  const seeds = seedsOf(allowed.map((c) => withPlaceholders(c, redact)));
  const reported = reportedRedactor(allowed, redactHeaders, secrets) ?? redact;
  const seedNumber = options.seed ?? DEFAULT_SEED;
  const budget = options.budget ?? DEFAULT_BUDGET;
  const sender = createSender({
    config,
    redact: reported,
    restore: restorer(secrets),
    flows,
    reset,
    shell: { cwd: context.cwd, env: context.env },
  });
  let run: Awaited<ReturnType<typeof runFuzz>>;
  try {
    await sender.checkReset();
    run = await runFuzz({
      seeds,
      send: sender.send,
      budget,
      seedNumber,
      concurrency: reset === undefined ? config.concurrency : 1,
      shrinkLimit: SHRINK_LIMIT,
      maxFindings: MAX_FINDINGS,
      clock: () => performance.now(),
      tracked,
      ...(sender.sendProbed === undefined ? {} : { sendProbed: sender.sendProbed }),
      ...(hooks.onProgress === undefined ? {} : { onProgress: hooks.onProgress }),
    });
    // A crash found last may have left a target down: the reset brings it back for the replay.
    if (run.findings.some((f) => isCrash(f.rootCause))) await sender.checkReset();
  } finally {
    await sender.close();
  }
  const seedSource =
    options.openapi === undefined
      ? ({ kind: 'library' } as const)
      : ({ kind: 'openapi', file: options.openapi, notes } as const);
  const unsafeSkipped = cases.length - allowed.length;
  const base = { seedNumber, budget, seeds: seeds.length, unsafeSkipped, seedSource, run };
  const stopped = run.stoppedAnswering.length > 0;
  const sides = stopped ? run.stoppedAnswering : run.unreachable;
  const targets = sides.map((side) => config[side].name);
  if (targets.length > 0) {
    const suspects =
      run.stopped === undefined
        ? undefined
        : await writeSuspects({
            stopped: run.stopped,
            config,
            outDir: options.out,
            command: commandLine(seedNumber, budget),
            redact,
            env: project.env,
          });
    const summary = { ...base, cases: NO_CASES, ...(suspects === undefined ? {} : { suspects }) };
    return { kind: 'unreachable', targets, stopped, summary, config };
  }
  return replayed(config, {
    base,
    seeds,
    flows,
    redact,
    reported,
    options,
    context,
    env: project.env,
    folder,
    hooks,
  });
}

const NO_CASES: FuzzCases = { written: [], notWritten: [], outDir: '' };

interface Found {
  readonly base: Omit<FuzzSummary, 'cases'>;
  readonly seeds: readonly Seed[];
  readonly flows: ReadonlyMap<string, readonly Case[]>;
  /** For the case files written: the run's secrets as their placeholders. */
  readonly redact: Redactor;
  /** For what is reported (the replay's results): the seeds' literal credentials too. */
  readonly reported: Redactor;
  readonly options: FuzzOptions;
  readonly context: AppContext;
  readonly env: AppContext['env'];
  readonly folder: RunFolder;
  readonly hooks: FuzzHooks;
}

/** Writes the findings as case files and replays them with `runParity`. */
async function replayed(config: RunConfig, found: Found): Promise<Explored> {
  const { base, options, context } = found;
  const cases = await writeFindings({
    findings: base.run.findings,
    config,
    outDir: options.out,
    command: commandLine(base.seedNumber, base.budget),
    redact: found.redact,
    env: found.env,
    seeds: found.seeds,
    flows: found.flows,
  });
  // A crash case is not replayed (it would stop the target again): it was reproduced while shrunk.
  const replayable = cases.written.filter((w) => !isCrash(w.finding.rootCause));
  const crashed = replayable.length < cases.written.length;
  if (replayable.length === 0) {
    return {
      kind: 'done',
      summary: { ...base, cases: withReplay(cases, new Map()) },
      replay: undefined,
      verdict: undefined,
      crashed,
      config,
    };
  }
  const library = await openRunLibrary(
    [...new Set(replayable.map((w) => w.path))],
    { cwd: config.cwd, env: found.env, globalRules: config.rules },
    {},
  );
  const results = new Map<string, Observation>();
  const replay = await runParity({
    config,
    cases: library.source,
    redact: found.reported,
    now: context.now,
    reporters: [
      { name: 'fuzz', onObservation: (result) => results.set(result.caseId, result) },
      ...(found.hooks.replayReporters?.(config.reporters) ?? []),
    ],
    folder: found.folder,
    host: context.host,
  });
  // Both targets answered the seeds before and after the exploration: a side that
  // fails every replayed input is the finding (a crash on those inputs), not a side down.
  const { report, written } = replay;
  const verdict = verdictOf({ report, written, unreachable: [], policy: config });
  return {
    kind: 'done',
    summary: { ...base, cases: withReplay(cases, results) },
    replay,
    verdict,
    crashed,
    config,
  };
}

/** The command that reproduces this exploration, for the written files. */
function commandLine(seed: number, budget: Budget): string {
  const amount = budget.kind === 'inputs' ? String(budget.count) : `${budget.ms}ms`;
  return `parity fuzz --seed ${seed} --budget ${amount}`;
}
