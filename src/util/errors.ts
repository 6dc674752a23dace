/**
 * The few errors parity throws: bad input and broken invariants. Failures of the
 * APIs under test are never thrown; they are data in an `Exchange`.
 * Each error has a stable `code`; the CLI maps codes to exit codes.
 */

export type ParityErrorCode =
  /** A case file does not parse or validate. */
  | 'PARITY_CASES_INVALID'
  /** A case file of a streamed library changed between the check and the run. */
  | 'PARITY_CASES_CHANGED'
  /** The config file or flags do not validate. */
  | 'PARITY_CONFIG_INVALID'
  /** A `${env:NAME}` names an unset variable. */
  | 'PARITY_ENV_UNSET'
  /** Command-line usage is wrong. */
  | 'PARITY_USAGE'
  /** The tracker file cannot be parsed; it is left untouched. */
  | 'PARITY_TRACKER_INVALID'
  /** A report folder or the tracker's folder cannot be written (checked before anything is sent). */
  | 'PARITY_OUTPUT_UNWRITABLE'
  /** Another parity process holds the tracker's lock for too long. */
  | 'PARITY_TRACKER_LOCKED'
  /** A report file is unreadable or of an unsupported schema version. */
  | 'PARITY_REPORT_INVALID'
  /** `parity fuzz`'s reset hook (command or request) failed. */
  | 'PARITY_RESET_FAILED'
  /** A file to import (HAR, Postman, curl, OpenAPI) or a recording does not parse or validate. */
  | 'PARITY_INPUT_INVALID'
  /** A file parity would write exists already (and `--force` was not given). */
  | 'PARITY_WOULD_OVERWRITE'
  /** The system refused a write (a full disk, a quota, a file size limit, a read-only file system). */
  | 'PARITY_WRITE_FAILED';

/** One problem in an input file, already placed at its source position. */
export interface InputProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The field path, e.g. `cases[3].request.method` (empty for a syntax error). */
  readonly field: string;
  readonly message: string;
}

export class ParityError extends Error {
  override readonly name = 'ParityError';
  readonly code: ParityErrorCode;
  /** Every problem found, when the error is about input files. */
  readonly problems: readonly InputProblem[];

  constructor(
    code: ParityErrorCode,
    message: string,
    options: { cause?: unknown; problems?: readonly InputProblem[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

/** `file:line:col: field message` — one line per problem, the format `validate` prints. */
export function formatProblem(problem: InputProblem): string {
  return placed(problem, '');
}

/** `file:line:col: warning: field message`, with the label given (e.g. coloured). */
export function formatWarning(problem: InputProblem, label = 'warning:'): string {
  return placed(problem, ` ${label}`);
}

function placed(problem: InputProblem, label: string): string {
  const where = `${problem.file}:${problem.line}:${problem.column}:${label}`;
  return problem.field === ''
    ? `${where} ${problem.message}`
    : `${where} ${problem.field} ${problem.message}`;
}

/** A Node error carrying one of `codes` (`ENOENT`, `EEXIST`, …): how a failed file operation says why. */
export function hasCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}
