/** Hand-written tracker texts and run builders shared by the tracker tests. */
import type { TrackerObservation, TrackerRun } from '../../../../src/io/tracker/types.js';
import { ParityError } from '../../../../src/util/errors.js';

export const HEADER =
  '| ID | Status | Kind | Endpoint | Cases | Summary | First seen | Last seen | Resolved | Fingerprint | Decision |';
export const ALIGN = '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |';

export const ROW_A =
  '| PAR-001 | _open_ | shape | `POST /v1/validate` | `validator/a`, `validator/b` | enum tagging differs | 2024-01-01 | 2024-01-02 |  | `fp-a` | |';
export const ROW_B =
  '| PAR-002 | _accepted_ | value | `GET /v1/users/:id` | `users/get` | ids are strings \\| numbers | 2024-01-01 | 2024-01-01 |  | `fp-b` | Go is right \\| keep |';

/** A typical tracker: prose, the block with a next-id comment and a note between rows, an epilogue. */
export function standardTracker(eol = '\n'): string {
  return [
    '# Architecture comparison',
    '',
    'Some prose a human wrote.',
    '',
    '<!-- parity:tracker:start -->',
    '<!-- parity:next-id 3 -->',
    HEADER,
    ALIGN,
    ROW_A,
    '',
    '> note: PAR-001 needs a look from the API team',
    '<!-- a human comment -->',
    ROW_B,
    '<!-- parity:tracker:end -->',
    '',
    '## Epilogue',
    'Text after the end marker.',
    '',
  ].join(eol);
}

export function obs(
  fingerprint: string,
  caseIds: string[],
  more: Partial<TrackerObservation> = {},
) {
  const observation: TrackerObservation = {
    fingerprint,
    kind: 'shape',
    endpoints: ['POST /v1/validate'],
    caseIds,
    summary: `summary of ${fingerprint}`,
    ...more,
  };
  return observation;
}

export function run(
  date: string,
  observations: TrackerObservation[],
  ran: readonly string[] = observations.flatMap((o) => o.caseIds),
): TrackerRun {
  return { date, observations, ranCaseIds: new Set(ran) };
}

/** The message of the usage error `fn` throws (`PARITY_USAGE`); fails when it throws none. */
export function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ParityError && error.code === 'PARITY_USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}
