/**
 * What `parity fuzz` prints: how much was explored and how fast, how many new
 * root causes and input rules, then the root causes grouped by kind (input
 * acceptance, status mapping, server errors, error envelope, response body,
 * headers), each with the rules that showed it (a root cause split by rule,
 * `judge/fuzz/rule.ts`) or the mutation that found it, and the case files; and the
 * same as JSON for `--json`; then the replay of the written cases as `parity
 * run` prints a run. The renderers are pure; `fuzzConsoleReporter` is the
 * reporter (`reporter.ts`) that prints them when the fuzz run ends, and
 * `fuzzProgressReporter` the progress line it clears first.
 */

import type { RunReport } from '../contract/report.js';
import { describeBudget } from '../judge/fuzz/budget.js';
import type { FuzzProgress } from '../judge/fuzz/engine.js';
import { explainRootCause, type SideNames } from '../judge/fuzz/explain.js';
import { FUZZ_GROUPS, GROUP_TITLES } from '../judge/fuzz/root-cause.js';
import { splitByRule } from '../judge/fuzz/rule.js';
import type { TalliedDiscovery } from '../judge/fuzz/shrink-finding.js';
import type { FuzzSummary, WrittenFinding } from '../judge/fuzz/summary.js';
import { type Colors, colorsFor } from '../util/colors.js';
import { displayPath } from '../util/paths.js';
import { nounOf } from '../util/words.js';
import {
  type ConsoleIo,
  type ConsoleStream,
  machineSummary,
  type OutputFlags,
  printSummary,
} from './console-reporters.js';
import type { Reporter } from './reporter.js';

const count = (n: number) => n.toLocaleString('en-US');
const countOf = (n: number, word: string) => `${count(n)} ${nounOf(n, word)}`;

/** Inputs per second over the exploration. */
export function inputRate(inputs: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((inputs / elapsedMs) * 1000) : 0;
}

/** `12,345 inputs · 1,180/s · 3 new root causes · 5 input rules`: the progress line's text. */
export function progressText(p: FuzzProgress): string {
  return `${countOf(p.inputs, 'input')} · ${count(inputRate(p.inputs, p.elapsedMs))}/s · ${countOf(p.rootCauses, 'new root cause')} · ${countOf(p.distinct, 'input rule')}`;
}

/** The findings by root cause, in the order each root cause was first found. */
function byRootCause(findings: readonly TalliedDiscovery[]): TalliedDiscovery[][] {
  const out = new Map<string, TalliedDiscovery[]>();
  for (const f of findings) out.set(f.rootCause.key, [...(out.get(f.rootCause.key) ?? []), f]);
  return [...out.values()];
}

function caseOf(summary: FuzzSummary, finding: TalliedDiscovery): WrittenFinding | undefined {
  return summary.cases.written.find((w) => w.finding === finding);
}

function foundLine(summary: FuzzSummary, finding: TalliedDiscovery, c: Colors) {
  const written = caseOf(summary, finding);
  const where =
    written === undefined
      ? c.yellow('not written: no case file sends exactly this request')
      : `→ ${written.file}${written.reproduced === false ? c.yellow(' (did not reproduce on replay)') : ''}`;
  const { mutation } = finding.found;
  const also = finding.alsoBy.length > 0 ? `; also by ${finding.alsoBy.join(', ')}` : '';
  const hits = `${countOf(finding.hits, 'input')}${also}`;
  return c.dim(`      found by ${mutation.name}: ${mutation.detail} (${hits}) `) + where;
}

/** One root cause: what it is (with its number of input rules, when several), then a line per finding. */
function causeLines(
  summary: FuzzSummary,
  findings: TalliedDiscovery[],
  names: SideNames,
  c: Colors,
) {
  const [first] = findings;
  if (first === undefined) return [];
  const rules =
    splitByRule(first.rootCause) && findings.length > 1
      ? ` (${countOf(findings.length, 'input rule')})`
      : '';
  return [
    `    ${explainRootCause(first.rootCause, names)}${rules}`,
    ...findings.map((finding) => foundLine(summary, finding, c)),
  ];
}

/** `(2 root causes, 5 input rules)`, or `(2)` when each root cause is one rule. */
function groupCount(findings: readonly TalliedDiscovery[], causes: number): string {
  return findings.length === causes
    ? `(${count(causes)})`
    : `(${countOf(causes, 'root cause')}, ${countOf(findings.length, 'input rule')})`;
}

/** The console summary of a fuzzing session. */
export function renderFuzzSummary(summary: FuzzSummary, names: SideNames, c: Colors): string {
  const { run } = summary;
  const out = [
    c.bold(
      `parity fuzz: ${names.baseline} vs ${names.candidate} · seed ${summary.seedNumber} · budget ${describeBudget(summary.budget)}`,
    ),
    `  ${countOf(run.inputs, 'input')} in ${(run.elapsedMs / 1000).toFixed(1)} s (${count(inputRate(run.inputs, run.elapsedMs))}/s) · ${countOf(summary.seeds, 'seed')}${summary.unsafeSkipped > 0 ? ` (${count(summary.unsafeSkipped)} writing seeds skipped: see --allow-writes)` : ''} · ${countOf(run.known.length, 'root cause')} the seeds already show${run.tracked > 0 ? `, ${count(run.tracked)} more have a tracker row` : ''}`,
  ];
  // A time budget the seeds alone used up: say so, rather than "no new root cause" as if explored.
  if (run.inputs === 0 && summary.seeds > 0 && summary.budget.kind === 'time') {
    out.push(
      c.yellow(
        `  the seed cases took the whole budget (${describeBudget(summary.budget)}): no input was sent; give a longer --budget`,
      ),
    );
  }
  if (summary.seedSource.kind === 'openapi') {
    out.push(`  seeds: the operations of ${summary.seedSource.file}`);
    for (const note of summary.seedSource.notes) out.push(c.dim(`    ${note}`));
  }
  const found = run.findings.length;
  const causes = byRootCause(run.findings);
  out.push(
    found === 0
      ? c.green('  no new root cause')
      : c.red(
          `  ${countOf(causes.length, 'new root cause')}, ${countOf(found, 'input rule')}: ${countOf(new Set(summary.cases.written.map((w) => w.path)).size, 'case')} written to ${summary.cases.outDir}/`,
        ),
  );
  for (const group of FUZZ_GROUPS) {
    const inGroup = causes.filter(([f]) => f?.rootCause.group === group);
    if (inGroup.length === 0) continue;
    out.push('', `  ${GROUP_TITLES[group]} ${groupCount(inGroup.flat(), inGroup.length)}`);
    for (const findings of inGroup) out.push(...causeLines(summary, findings, names, c));
  }
  if (run.unshrunk > 0) {
    out.push(
      '',
      c.yellow(
        `  ${countOf(run.unshrunk, 'more input rule')} past the limit of ${found} were not shrunk or written`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

/** `--json`: the fuzzing session for machines. */
export function fuzzJson(summary: FuzzSummary, names: SideNames) {
  const { run } = summary;
  return {
    seed: summary.seedNumber,
    budget: summary.budget,
    seeds: summary.seeds,
    seedSource: summary.seedSource,
    unsafeSkipped: summary.unsafeSkipped,
    inputs: run.inputs,
    elapsedMs: Math.round(run.elapsedMs),
    inputsPerSecond: inputRate(run.inputs, run.elapsedMs),
    divergentInputs: run.divergentInputs,
    rootCauses: new Set(run.findings.map((f) => f.rootCause.key)).size,
    rules: run.findings.length,
    known: run.known.map((k) => ({ group: k.group, endpoint: k.endpoint, title: k.title })),
    findings: run.findings.map((finding) => {
      const written = caseOf(summary, finding);
      const { rootCause, found } = finding;
      return {
        rootCause: rootCause.key,
        rule: finding.rule,
        splitByRule: splitByRule(rootCause),
        group: rootCause.group,
        endpoint: rootCause.endpoint,
        baseline: rootCause.baseline,
        candidate: rootCause.candidate,
        explanation: explainRootCause(rootCause, names),
        seed: finding.seed.case.id,
        mutation: found.mutation,
        input: found.index + 1,
        hits: finding.hits,
        alsoBy: finding.alsoBy,
        caseId: written?.caseId ?? null,
        file: written?.file ?? null,
        reproduced: written?.reproduced ?? null,
      };
    }),
    unshrunk: run.unshrunk,
    tracked: run.tracked,
  };
}

/** What a fuzz run ends with: its summary, the sides' names, and the replay of the written cases. */
export interface FuzzEnd {
  readonly summary: FuzzSummary;
  readonly names: SideNames;
  /** The run of the written cases: its report and folder (absent when none was replayed). */
  readonly replay?: { readonly report: RunReport; readonly dir: string } | undefined;
}

/** Redraws the progress line at most this often. */
const PROGRESS_MS = 200;

/** The fuzz run's progress line: `update` redraws it as the run goes; it is cleared when the run ends. */
export interface FuzzProgressReporter extends Reporter<FuzzEnd> {
  readonly update: (progress: FuzzProgress) => void;
  /** Clears the line, once (the run's end does; so does a run that failed). */
  readonly stop: () => void;
}

/** The progress line on `stderr` (a terminal's: the caller decides), cleared before the summary prints. */
export function fuzzProgressReporter(stderr: ConsoleStream): FuzzProgressReporter {
  let last = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stderr.write('\r\x1b[K');
  };
  return {
    name: 'progress',
    update: (p) => {
      if (stopped || p.elapsedMs - last < PROGRESS_MS) return;
      last = p.elapsedMs;
      stderr.write(`\r\x1b[Kparity fuzz: ${progressText(p)}`);
    },
    stop,
    onEnd: stop,
  };
}

/** The fuzz run on stdout: the summary, then the replay as a run's; `--json`: both as one document. */
export function fuzzConsoleReporter(flags: OutputFlags, io: ConsoleIo): Reporter<FuzzEnd> {
  return {
    name: 'console',
    onEnd: ({ summary, names, replay }) => {
      const dir = replay === undefined ? undefined : displayPath(io.cwd, replay.dir);
      if (flags.json === true) {
        const run =
          replay === undefined || dir === undefined ? null : machineSummary(replay.report, dir);
        io.stdout.write(`${JSON.stringify({ fuzz: fuzzJson(summary, names), run }, null, 2)}\n`);
        return;
      }
      if (flags.quiet === true) return;
      io.stdout.write(renderFuzzSummary(summary, names, colorsFor(io.stdout, io.env)));
      if (replay !== undefined && dir !== undefined) {
        io.stdout.write('\n');
        printSummary(replay.report, dir, flags, io);
      }
    },
  };
}
