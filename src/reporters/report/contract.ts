/**
 * `RunReport`: the one canonical, versioned artefact of a run (report.json).
 * Markdown, console and the other formats are pure renderings of it.
 *
 * Zod first: the schema in `contract-schema.ts` is the source, and the types
 * here are inferred from it (`z.output`), so a writer cannot drift from its
 * reader. `Known<…>` drops the index signature a loose object infers (the
 * reader keeps fields a newer parity added; code must not read them) and
 * makes every field readonly.
 *
 * Parts of a report whose type another module owns and builds (a case's
 * result, the summary, the root-cause list, noise, coverage, regression, a
 * shard) keep that module's type: those types carry more than the wire can
 * (`?: never` on fields a verdict never has, unions of known literals), and
 * replacing them would re-type every stage that makes them. For each, the
 * build checks both directions below: what the reader returns is the owned
 * type (a reader never hands code a value it does not expect), and the owned
 * type is what the reader accepts (a writer never writes what it cannot read
 * back; the bug this closes: a `--noise` report `--compare-to` refused).
 */
import type * as z from 'zod';
import type { SideRuntimes } from '../../contract/model/runtime.js';
import type { ShardInfo } from '../../io/cases/shard.js';
import type { NoiseSection } from '../../judge/noise/types.js';
import type { CoverageSection } from '../../judge/results/coverage.js';
import type { RegressionSummary } from '../../judge/results/regression.js';
import type { RootCauseEntry } from '../../judge/results/root-causes.js';
import type { RunSummary } from '../../judge/results/summary.js';
import type { CaseResult } from '../../judge/results/types.js';
import type {
  bailedSchema,
  interruptionSchema,
  mergedFromSchema,
  reportSchema,
  targetSchema,
  trackerOutcomeSchema,
} from './contract-schema.js';

/** `T` without the `[key: string]: unknown` of a loose object, readonly, all the way down. */
export type Known<T> = T extends readonly unknown[]
  ? { readonly [I in keyof T]: Known<T[I]> }
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: Known<T[K]> }
    : T;

type Shape = z.output<typeof reportSchema>;

/** A side of the run: its name, its URL (redacted), its recording and runtime when known. */
export type TargetRef = Known<z.output<typeof targetSchema>>;
/** What a run changed in the tracker: row ids per change. */
export type TrackerOutcome = Known<z.output<typeof trackerOutcomeSchema>>;
/** A run stopped by a signal (see `interruptionSchema`). */
export type Interruption = Known<z.output<typeof interruptionSchema>>;
/** A run `--bail` stopped (see `bailedSchema`). */
export type Bailed = Known<z.output<typeof bailedSchema>>;
/** One shard report combined by `parity merge`. */
export type MergedFrom = Known<z.output<typeof mergedFromSchema>>;

/** The parts of a report whose type another module owns (checked both ways below). */
interface Owned {
  readonly summary: RunSummary;
  /**
   * In report.json: every result, in run order (files in path order, cases in
   * file order). In memory after a run (`RunOutcome.report`): only the results
   * a reader must see (see `isNotable`); report.json holds the rest.
   */
  readonly results: readonly CaseResult[];
  /** Present with `--compare-to`: divergent cases new / persisting / not compared, root causes fixed. */
  readonly regression?: RegressionSummary;
  /** Present on a `--shard` run. */
  readonly shard?: ShardInfo;
  /** With `--noise`: the noise learned per endpoint and the flaky baselines. */
  readonly noise?: NoiseSection;
  /**
   * The decisions: one entry per root cause the run showed (with every case
   * and endpoint) and per tracker row it resolved, open ones first.
   */
  readonly rootCauses?: readonly RootCauseEntry[];
  /** The endpoints the run exercised and, with an OpenAPI document, its operations. */
  readonly coverage?: CoverageSection;
}

/** report.json, schemaVersion 3: the schema's fields, with the owned parts typed by their owners. */
export type RunReport = Omit<Known<Shape>, keyof Owned> & Owned;

// Both directions, per owned part: `Reads` (the reader's output is the owned
// type) and `Writes` (the owned type is what the reader takes in). A failing
// check is a type error on the constant below it.
type Both<Owner, Out, In> = [Out] extends [Owner] ? ([Owner] extends [In] ? true : false) : false;
type OutShape = Known<Shape>;
type InShape = Known<z.input<typeof reportSchema>>;
type Part<K extends keyof OutShape> = Exclude<OutShape[K], undefined>;
type InPart<K extends keyof InShape> = Exclude<InShape[K], undefined>;

export const REPORT_PARTS_MATCH_OWNERS: {
  readonly summary: Both<RunSummary, Part<'summary'>, InPart<'summary'>>;
  readonly results: Both<CaseResult, Part<'results'>[number], InPart<'results'>[number]>;
  readonly regression: Both<RegressionSummary, Part<'regression'>, InPart<'regression'>>;
  readonly shard: Both<ShardInfo, Part<'shard'>, InPart<'shard'>>;
  readonly noise: Both<NoiseSection, Part<'noise'>, InPart<'noise'>>;
  readonly rootCauses: Both<
    RootCauseEntry,
    Part<'rootCauses'>[number],
    InPart<'rootCauses'>[number]
  >;
  readonly coverage: Both<CoverageSection, Part<'coverage'>, InPart<'coverage'>>;
  /** The report as code builds it is what the reader takes in. */
  readonly whole: [RunReport] extends [InShape] ? true : false;
} = {
  summary: true,
  results: true,
  regression: true,
  shard: true,
  noise: true,
  rootCauses: true,
  coverage: true,
  whole: true,
};

/** The report ran every case of the library: selected whole, not a shard, not interrupted. */
export function coversLibrary(
  report: Pick<RunReport, 'wholeLibrary' | 'shard' | 'interrupted'>,
): boolean {
  return (
    report.wholeLibrary === true && report.shard === undefined && report.interrupted === undefined
  );
}

/** Each side's runtime as the report names it, for fix hints in its terms. */
export function runtimesOf(report: Pick<RunReport, 'baseline' | 'candidate'>): SideRuntimes {
  return { baseline: report.baseline.runtime?.name, candidate: report.candidate.runtime?.name };
}
