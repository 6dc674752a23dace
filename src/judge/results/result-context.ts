/** What building a case's result needs besides its exchange (`build.ts`, `flow-result.ts`). */

import type { Target } from '../../contract/model/case.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { BodyFile } from '../../core/request/curl.js';

/** The run's two targets, its redactor, and where long request bodies go. */
export interface ResultContext {
  readonly baseline: Target;
  readonly candidate: Target;
  readonly redact: Redactor;
  /** Keeps request bodies too long for a repro's command line (`body-files.ts`). */
  readonly bodyFile?: BodyFile | undefined;
  /** `--baseline-recording`: the baseline answered from this recording (its repro says so). */
  readonly recording?: string | undefined;
}
