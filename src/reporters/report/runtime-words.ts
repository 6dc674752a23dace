/**
 * The sides' runtimes in one line, for the console and report.md: which
 * runtime each side is and why parity believes it, or how to tell it. Pure.
 */

import { RUNTIME_LABELS } from '../../contract/model/runtime.js';
import type { KnownRuntime, RunReport, TargetRef } from '../../contract/report.js';

function sideWords(target: TargetRef): string {
  const runtime: KnownRuntime | undefined = target.runtime;
  if (runtime === undefined) return `${target.name} unknown`;
  const why = runtime.from === 'config' ? 'config' : runtime.from;
  return `${target.name} ${RUNTIME_LABELS[runtime.name]} (${why})`;
}

/**
 * `runtimes: rust Rust (body: "missing field `x`") · go Go (config)`, with
 * what follows from it: fix hints speak a known runtime's terms, and only
 * its own; an unknown side gets runtime-neutral hints.
 */
export function runtimeLine(report: Pick<RunReport, 'baseline' | 'candidate'>): string {
  const { baseline, candidate } = report;
  const known = [baseline, candidate].filter((t) => t.runtime !== undefined).length;
  const after =
    known === 2
      ? 'fix hints speak their terms'
      : known === 1
        ? "fix hints speak the known side's terms (set `runtime:` on the other target for its own)"
        : 'fix hints are runtime-neutral (set `runtime:` per target in the config for hints in their terms)';
  return `runtimes: ${sideWords(baseline)} · ${sideWords(candidate)}: ${after}`;
}
