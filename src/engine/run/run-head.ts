/**
 * A run's report without its results and what `finish.ts` adds: the schema
 * version, the run's id and times, both targets (addresses redacted, a
 * recorded baseline named, each side's runtime), and the sections the run
 * gathered (learned noise, shard, coverage, unused rules, interruption).
 */

import type {
  Bailed,
  CoverageSection,
  Interruption,
  KnownRuntime,
  NoiseSection,
  RunReport,
  ShardInfo,
} from '../../contract/report.js';
import { REPORT_SCHEMA_VERSION } from '../../contract/vocabulary.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { RunConfig } from '../../io/config/targets.js';
import type { ReportHead } from './finish.js';
import type { RuntimeWatch } from './runtime-watch.js';
import type { SecondLookTally } from './second-look.js';

/** `http://127.0.0.1:3100`, without the trailing slash `URL.href` adds to a bare origin. */
function displayUrl(url: URL): string {
  return url.pathname === '/' && url.search === '' ? url.origin : url.href;
}

function runtimeField(runtime: KnownRuntime | undefined): { runtime?: KnownRuntime } {
  return runtime === undefined ? {} : { runtime };
}

/** What the run gathered for its report's head. */
export interface RunFacts {
  readonly runId: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly runtimes: ReturnType<RuntimeWatch['runtimes']>;
  readonly noise: NoiseSection | undefined;
  readonly unused: Pick<RunReport, 'unusedRules'>;
  readonly coverage: CoverageSection;
  readonly interrupted: Interruption | undefined;
  /** What the second look sent (`second-look.ts`). */
  readonly secondLook: SecondLookTally;
  /** `--bail` stopped the sending. */
  readonly bailed?: Bailed | undefined;
}

/** What the run was asked (`RunInput`'s fields the head shows). */
export interface HeadInput {
  readonly config: RunConfig;
  readonly redact: Redactor;
  readonly recording?: { readonly label: string } | undefined;
  readonly shard?: ShardInfo | undefined;
  readonly wholeLibrary?: boolean | undefined;
}

export function reportHead(input: HeadInput, facts: RunFacts): ReportHead {
  const { config } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    runId: facts.runId,
    startedAt: facts.startedAt.toISOString(),
    finishedAt: facts.finishedAt.toISOString(),
    baseline: {
      name: config.baseline.name,
      url: input.redact.text(displayUrl(config.baseline.url)),
      ...(input.recording === undefined ? {} : { recording: input.recording.label }),
      ...runtimeField(facts.runtimes.baseline),
    },
    candidate: {
      name: config.candidate.name,
      url: input.redact.text(displayUrl(config.candidate.url)),
      ...runtimeField(facts.runtimes.candidate),
    },
    ...(facts.noise === undefined ? {} : { noise: facts.noise }),
    ...(input.shard === undefined ? {} : { shard: input.shard }),
    // A run --bail stopped did not run the whole library, whatever it selected.
    ...(input.wholeLibrary === true && facts.bailed === undefined ? { wholeLibrary: true } : {}),
    ...facts.unused,
    coverage: facts.coverage,
    ...(facts.interrupted === undefined ? {} : { interrupted: facts.interrupted }),
    ...secondLookSection(facts.secondLook),
    ...(facts.bailed === undefined ? {} : { bailed: facts.bailed }),
  };
}

/** The second look's report section: absent when it sent nothing and skipped nothing. */
function secondLookSection(
  look: SecondLookTally,
): { secondLook: NonNullable<RunReport['secondLook']> } | Record<string, never> {
  const { max, sent, over, maxBytes, tooLarge } = look;
  if (sent === 0 && over === 0 && tooLarge === 0) return {};
  return { secondLook: { max, sent, over, ...(tooLarge === 0 ? {} : { tooLarge, maxBytes }) } };
}
