/**
 * The closed vocabularies the contract's records are written in: each list
 * is declared here once, the schemas (`observation.ts`, `root-cause.ts`,
 * `report.ts`) build their enums from it, and the code that makes the
 * values (compare, the tracker, the bin) types them by it. No zod here, so
 * a module that needs a list or the schema version (the bin listening for
 * signals, a writer stamping a report) does not build a schema. Pure.
 */

/**
 * report.json's schemaVersion. Bump on any incompatible change of
 * report.json, with a changelog note and an upgrader (`upgrade-v2.ts`).
 */
export const REPORT_SCHEMA_VERSION = 3;

/**
 * Signals that stop a run early (`Interruption.signal` in report.json):
 * Ctrl-C, a kill, and the hangup a closed terminal (or an ssh session that
 * dropped) sends.
 */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type InterruptSignal = (typeof INTERRUPT_SIGNALS)[number];

/** The kinds of one structural difference between two bodies. */
export const CHANGE_OPS = ['added', 'removed', 'type', 'value', 'moved'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** The kinds of a divergence (a transport failure is a run error). */
export const DIVERGENCE_KINDS = ['status', 'shape', 'value', 'header', 'transport'] as const;
export type DivergenceKind = (typeof DIVERGENCE_KINDS)[number];

/** The kinds a finding can have (a transport failure is a run error, never a finding). */
export const FINDING_KINDS = [
  'status',
  'shape',
  'value',
  'header',
] as const satisfies readonly DivergenceKind[];
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * How a case ended: `equal`; `divergent` (a root cause is still open);
 * `accepted` (every root cause decided `_accepted_`/`_wontfix_`); `error` (a
 * side failed in transport); `skipped` (not sent: a flow step that could not
 * run). In the order reports count them.
 */
export const VERDICTS = ['equal', 'divergent', 'accepted', 'error', 'skipped'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The wire-only differences an encoding note names. */
export const ENCODING_NOTE_CODES = [
  'trailing-newline',
  'whitespace',
  'key-order',
  'html-escaping',
  'escaping',
  'number-format',
  'duplicate-key',
  'charset',
  'read-by-content',
] as const;
export type EncodingNoteCode = (typeof ENCODING_NOTE_CODES)[number];

/** How a body decoded (`ResponseBody['kind']`). */
export const BODY_KINDS = [
  'empty',
  'json',
  'invalid-json',
  'xml',
  'invalid-xml',
  'bencode',
  'text',
  'binary',
  'truncated',
  'too-complex',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** How a header differs: missing on one side, or present on both with values of other classes. */
export const HEADER_DIFFERENCES = ['missing-in-baseline', 'missing-in-candidate', 'value'] as const;
export type HeaderDifference = (typeof HEADER_DIFFERENCES)[number];

/** The families of root causes. */
export const CAUSE_TYPES = ['pattern', 'status', 'header', 'body-kind', 'structure'] as const;
export type CauseType = (typeof CAUSE_TYPES)[number];

/**
 * Every cross-runtime pattern's name, in the registry's priority order
 * (`core/compare/patterns/registry.ts` registers one pattern per name, and its
 * test checks the two lists agree). Stable: part of every fingerprint of its
 * root causes and of configs (`decide --pattern`), so never rename one.
 */
export const PATTERN_NAMES = [
  'xml-rpc-type',
  'tagged-enum',
  'error-envelope',
  'key-case',
  'key-rename',
  'null-vs-absent',
  'nil-slice',
  'nil-map',
  'empty-object',
  'nesting',
  'list-envelope',
  'int-as-string',
  'bool-as-string',
  'timestamp-format',
  'drawn-format',
  'sent-vs-drawn',
  'enum-case',
  'float-format',
  'array-order',
  'xml-namespace',
] as const;
export type PatternName = (typeof PATTERN_NAMES)[number];

/**
 * The runtimes parity can name (`contract/model/runtime.ts` says what they mean).
 * Stable names: they are written in configs and in report.json.
 */
export const RUNTIMES = [
  'go',
  'rust',
  'node',
  'python',
  'java',
  'dotnet',
  'ruby',
  'php',
  'protobuf',
] as const;
export type Runtime = (typeof RUNTIMES)[number];

/**
 * A tracker row's lifecycle state; written in the Status cell as `_open_`,
 * `_accepted_`, … `_awaiting_` marks a root cause seen only where the run's
 * evidence is too thin to tell a real difference from each side's own values
 * (id-like values, a list in the order of keys each side drew): no open
 * decision until evidence (a replica of the baseline) opens it or a person
 * decides it. `_covered_` marks a root cause a comparison rule now hides
 * (the servers still differ; removing the rule reopens it). `_superseded_`
 * marks a row of the case-level scheme (before root causes) whose cases are
 * now recorded by root-cause rows; its Summary names them.
 */
export const TRACKER_STATUSES = [
  'open',
  'awaiting',
  'accepted',
  'wontfix',
  'resolved',
  'covered',
  'superseded',
] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** Row statuses whose root cause no longer fails a run (`--fail-on open`). */
export const WAIVED_STATUSES: ReadonlySet<TrackerStatus> = new Set(['accepted', 'wontfix']);

/** The statuses of a decision about a root cause (`_superseded_` rows are not root causes). */
export const DECISION_STATUSES = [
  'open',
  'awaiting',
  'accepted',
  'wontfix',
  'resolved',
  'covered',
] as const satisfies readonly TrackerStatus[];
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A divergent case's mark against the `--compare-to` report. */
export const DIVERGENCE_REGRESSIONS = ['new', 'persisting', 'not-compared'] as const;
export type DivergenceRegression = (typeof DIVERGENCE_REGRESSIONS)[number];
/** A case's mark against the `--compare-to` report: an equal one's is `fixed`. */
export type RegressionStatus = DivergenceRegression | 'fixed';
