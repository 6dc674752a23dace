/**
 * What `parity fuzz` found and wrote, as its reporters read it
 * (`reporters/fuzz-summary.ts`): the summary of a fuzz run, its written
 * findings and the suspects file. Types only.
 */
import type { Budget } from './budget.js';
import type { runFuzz, Stopped } from './engine.js';
import type { TalliedDiscovery } from './shrink-finding.js';

export interface WrittenFinding {
  readonly finding: TalliedDiscovery;
  /** `fuzz/<name>`. */
  readonly caseId: string;
  readonly path: string;
  /** As messages show it (relative to the working folder). */
  readonly file: string;
  /** After the replay: whether `parity run` showed the same root cause (undefined before). */
  readonly reproduced?: boolean;
}

export interface FuzzCases {
  /** The output folder, as messages show it. */
  readonly outDir: string;
  /** One per finding; findings that shrank to the same request share its file. */
  readonly written: readonly WrittenFinding[];
  /** Findings no case file could hold exactly (e.g. a `${env:…}` in a path), with why. */
  readonly notWritten: readonly { readonly finding: TalliedDiscovery; readonly reason: string }[];
}

/** The suspects file, once written (or why it was not). */
export interface WrittenSuspects {
  readonly sides: readonly ('baseline' | 'candidate')[];
  /** 0-based index of the first input a stopped side failed. */
  readonly firstFailure: number;
  readonly count: number;
  /** As messages show it; undefined when no case file could hold the inputs exactly. */
  readonly file: string | undefined;
  readonly notSent: Stopped['notSent'];
}

/** How the fuzzing went, whatever came of it. */
export interface FuzzSummary {
  readonly seedNumber: number;
  readonly budget: Budget;
  readonly seeds: number;
  /** Seed cases left out because they write and writes were not allowed. */
  readonly unsafeSkipped: number;
  /** Where the seeds came from: the case library, or an OpenAPI document (its path). */
  readonly seedSource:
    | { readonly kind: 'library' }
    | { readonly kind: 'openapi'; readonly file: string; readonly notes: readonly string[] };
  readonly run: Awaited<ReturnType<typeof runFuzz>>;
  readonly cases: FuzzCases;
  /** When a target stopped answering with no reset command to find which input did it. */
  readonly suspects?: WrittenSuspects;
}
