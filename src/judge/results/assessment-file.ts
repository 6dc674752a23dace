/**
 * assessment.json: a run's assessment (`assessment.ts`) on disk, beside the
 * observations it lays over (results.ndjson). results.ndjson is never
 * rewritten to show an assessment: a reader that wants what report.json lists
 * reads both and combines them with `assessed` (`readAssessedResults`).
 */
import { join } from 'node:path';
import type {
  AssessedObservation,
  AssessmentJson,
  AssessmentJsonV1,
} from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { DecisionRow } from '../../contract/root-cause.js';
import { readRegularText, writeFileAtomic } from '../../util/fs.js';
import type { Assessment } from './assessment.js';
import { assessed } from './assessment.js';
import { rowFingerprintOf } from './consequences.js';
import { maskingOf } from './judged-again.js';
import { hasFindings } from './types.js';

export const ASSESSMENT_FILE = 'assessment.json';
export const OBSERVATIONS_FILE = 'results.ndjson';

/**
 * `assessment` as JSON: the rows are those of the root causes `listed` (the
 * results the assessment covers, as observed) show.
 */
export function assessmentJson(
  assessment: Assessment,
  listed: readonly Observation[],
): AssessmentJson {
  const { rowOf } = assessment;
  let rows: Record<string, Pick<DecisionRow, 'id' | 'status'>> | null = null;
  if (rowOf !== undefined) {
    rows = {};
    for (const observation of listed) {
      // The rows are looked up by what the case shows once masked and classified.
      const shown = assessed(observation, { ...assessment, rowOf: undefined });
      if (!hasFindings(shown)) continue;
      for (const finding of shown.findings) {
        const fingerprint = rowFingerprintOf(finding);
        const row = rowOf(fingerprint);
        if (row !== undefined) rows[fingerprint] = { id: row.id, status: row.status };
      }
    }
  }
  return {
    schemaVersion: 2,
    clusters: Object.fromEntries(assessment.clusters.changes),
    recurring: Object.fromEntries(assessment.clusters.recurring),
    ...(assessment.clusters.statusBodies === undefined
      ? {}
      : { statusBodies: [...assessment.clusters.statusBodies] }),
    masks: Object.fromEntries(assessment.masked.steps),
    regression: Object.fromEntries(
      [...assessment.regression].map(([caseId, mark]) => [caseId, mark ?? null] as const),
    ),
    consequences: Object.fromEntries(
      [...assessment.consequences].map(([caseId, marks]) => [caseId, Object.fromEntries(marks)]),
    ),
    rows,
  };
}

/**
 * The assessment assessment.json holds. A version 1 file held each case the
 * end of its run judged again whole (`masked`), not the masks: its cases read
 * as that file says, and its assessment has no masks to write again.
 */
export function assessmentOf(json: AssessmentJson | AssessmentJsonV1): Assessment {
  const rows = json.rows === null ? undefined : new Map(Object.entries(json.rows));
  return {
    clusters: {
      changes: new Map(Object.entries(json.clusters ?? {})),
      recurring: new Map(Object.entries(json.recurring ?? {})),
      ...(json.statusBodies === undefined ? {} : { statusBodies: new Set(json.statusBodies) }),
    },
    masked:
      json.schemaVersion === 1
        ? { steps: new Map(), of: (observation) => json.masked[observation.caseId] ?? observation }
        : maskingOf(new Map(Object.entries(json.masks))),
    regression: new Map(
      Object.entries(json.regression).map(([caseId, mark]) => [caseId, mark ?? undefined]),
    ),
    consequences: new Map(
      Object.entries(json.consequences).map(([caseId, marks]) => [
        caseId,
        new Map(Object.entries(marks)),
      ]),
    ),
    rowOf:
      rows === undefined
        ? undefined
        : (fingerprint) => {
            const row = rows.get(fingerprint);
            return row === undefined ? undefined : { ...row, decision: '' };
          },
  };
}

/** Writes assessment.json into the run's folder `dir`. */
export async function writeAssessment(
  dir: string,
  assessment: Assessment,
  listed: readonly Observation[],
): Promise<void> {
  const text = `${JSON.stringify(assessmentJson(assessment, listed))}\n`;
  await writeFileAtomic(join(dir, ASSESSMENT_FILE), text, { durable: false });
}

/**
 * Every result of the run in the folder `dir`, as report.json lists it: each
 * observation of results.ndjson (completion order) with assessment.json laid
 * over it. The files are parity's own, written by this version.
 */
export async function readAssessedResults(dir: string): Promise<AssessedObservation[]> {
  const json: AssessmentJson | AssessmentJsonV1 = JSON.parse(
    await readRegularText(join(dir, ASSESSMENT_FILE)),
  );
  const assessment = assessmentOf(json);
  const lines = (await readRegularText(join(dir, OBSERVATIONS_FILE))).split('\n');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const observation: Observation = JSON.parse(line);
      return assessed(observation, assessment);
    });
}
