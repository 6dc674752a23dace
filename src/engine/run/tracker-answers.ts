/**
 * The previous report's answers beside this run's, for the tracker's evidence
 * (`io/tracker/evidence.ts`): a case whose baseline now answers another status
 * than when it showed a row answers in another state (the document it
 * created exists now), so it proves nothing about the row. Read only when a
 * row could resolve: its listed cases all compared and none showed it.
 */
import { join } from 'node:path';
import type { AssessedObservation } from '../../contract/assessment.js';
import { isWriteMethod } from '../../contract/model/case.js';
import type { RunReport } from '../../contract/report.js';
import type { CaseAnswer, CaseAnswers, TrackerObservation } from '../../io/tracker/types.js';
import { readExistingTrackerRows } from '../../io/tracker/write.js';
import type { IdSet } from '../../judge/results/regression.js';
import { ParityError } from '../../util/errors.js';

/** What `trackerAnswers` needs of the run. */
export interface AnswersInput {
  readonly trackerPath: string;
  readonly observations: readonly TrackerObservation[];
  readonly compared: IdSet;
  /** The results the run holds in memory. */
  readonly held: readonly AssessedObservation[];
  /** Reads back results the run keeps on disk only (plainly equal ones). */
  read(caseIds: ReadonlySet<string>): Promise<AssessedObservation[]>;
  /** The `--compare-to` report, when given; else the reports folder's `latest` is read. */
  readonly previous: RunReport | undefined;
  readonly reportsDir: string;
}

function answerOf(result: AssessedObservation): CaseAnswer {
  const stateful =
    result.flow !== undefined ||
    result.serial !== undefined ||
    isWriteMethod(result.request.method);
  return {
    status: result.baseline.status,
    causes: (result.findings ?? []).map((finding) => finding.fingerprint),
    ...(stateful ? { stateful } : {}),
  };
}

/** The listed cases of rows this run could resolve: not shown, every listed case compared. */
async function casesToWeigh(input: AnswersInput): Promise<Set<string>> {
  const rows = await readExistingTrackerRows(input.trackerPath).catch(() => undefined);
  const shown = new Set(input.observations.map((obs) => obs.fingerprint));
  const ids = new Set<string>();
  for (const row of rows ?? []) {
    if (row.status !== 'open' && row.status !== 'awaiting' && row.status !== 'covered') continue;
    if (shown.has(row.fingerprint)) continue;
    const compared = row.caseIds.filter((id) => input.compared.has(id));
    for (const id of compared) ids.add(id);
  }
  return ids;
}

/** The report `latest` points at (the run before this one), if there is a readable one. */
async function latestReport(reportsDir: string): Promise<RunReport | undefined> {
  const { readReport } = await import('../../reporters/report/read.js');
  try {
    return await readReport(join(reportsDir, 'latest', 'report.json'));
  } catch (error) {
    if (error instanceof ParityError) return undefined;
    throw error;
  }
}

/**
 * The answers of the cases the tracker will weigh, before (the previous
 * report) and now; undefined when no row could resolve. Without a previous
 * report, `before` knows none and `withoutPrevious` says so: a stateful case
 * that compared equal then proves nothing (`io/tracker/evidence.ts`).
 */
export async function trackerAnswers(input: AnswersInput): Promise<CaseAnswers | undefined> {
  const ids = await casesToWeigh(input);
  if (ids.size === 0) return undefined;
  const previous = input.previous ?? (await latestReport(input.reportsDir));
  const before = new Map<string, CaseAnswer>();
  for (const result of previous?.results ?? []) {
    if (ids.has(result.caseId)) before.set(result.caseId, answerOf(result));
  }
  const now = new Map<string, CaseAnswer>();
  for (const result of input.held) {
    if (ids.has(result.caseId)) now.set(result.caseId, answerOf(result));
  }
  const wanted = (id: string) => (previous === undefined || before.has(id)) && !now.has(id);
  const missing = new Set([...ids].filter(wanted));
  if (missing.size > 0) {
    for (const result of await input.read(missing)) now.set(result.caseId, answerOf(result));
  }
  return {
    before: (id) => before.get(id),
    now: (id) => now.get(id),
    ...(previous === undefined ? { withoutPrevious: true } : {}),
  };
}
