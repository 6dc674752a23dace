/**
 * Case files as `import` will write them (built by `cases.ts` and
 * `session.ts`, written by `render.ts`).
 */
import type { CaptureModel } from './types.js';

/** A request as a case writes it. */
export interface RequestModel {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
  /** Exact bytes (not UTF-8 text), base64. */
  readonly base64?: string;
}

/** One step of a flow (a session, `session.ts`). */
export interface StepModel {
  readonly id: string;
  readonly comments: readonly string[];
  readonly request: RequestModel;
  readonly capture?: Readonly<Record<string, CaptureModel>>;
}

/** One case as it will be written. */
export interface CaseModel {
  readonly id: string;
  /** Comment lines written above the case. */
  readonly comments: readonly string[];
  readonly description: string | undefined;
  readonly request: RequestModel;
}

/** A session's flow as it will be written: its steps in source order. */
export interface FlowModel {
  readonly id: string;
  readonly comments: readonly string[];
  readonly steps: readonly StepModel[];
  /** Some step writes: the file opts in (`sideEffects: true`). */
  readonly sideEffects: boolean;
}

/** One case file as it will be written: cases, or one flow (a session). */
export interface CaseFileModel {
  /** File name: `<suite>.yaml`. */
  readonly name: string;
  /** The origin its requests were sent to, when the source names one. */
  readonly origin?: string | undefined;
  readonly suite: string;
  readonly cases: readonly CaseModel[];
  readonly flow?: FlowModel;
}
