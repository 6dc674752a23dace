/**
 * Opens a recording for a run: the manifest is read and checked now (a
 * missing, garbled or newer-schema recording stops the run before anything is
 * sent); each case's entry is read when the run reaches the case, so memory
 * does not grow with the recording. A case without an entry, whose request
 * changed since it was recorded, or a flow step that was not sent when it was
 * recorded, is a transport-error outcome that says so.
 */
import { join, relative, resolve } from 'node:path';
import type { Case } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { planRequest } from '../../core/request/plan.js';
import { parseJsonExact } from '../../core/wire/parse-json.js';
import { jsonTooDeep, tooDeepMessage, WRITTEN_DEPTH } from '../../util/depth.js';
import { ParityError } from '../../util/errors.js';
import { ReadRefused, readFailure, readRegularText } from '../../util/fs.js';
import type { RecordedAnswers } from '../http/recorded.js';
import { type BodyLimits, fromEntry, planDigest, type Restore, restorer } from './entry.js';
import {
  entrySchema,
  manifestSchema,
  RECORDING_SCHEMA_VERSION,
  type RecordingManifest,
  versionOnlySchema,
} from './schema.js';

export const MANIFEST = 'recording.json';

export interface OpenRecording {
  /** Absolute folder. */
  readonly dir: string;
  /** The folder as given, relative to the working folder. */
  readonly label: string;
  readonly manifest: RecordingManifest;
  /**
   * The recorded answers, with the `${env:…}` placeholders the recording
   * redacted restored to the values of `secrets` (secret value → placeholder,
   * as the run's redactor has them), so a live candidate that echoes the
   * secret compares equal; reports redact them again.
   */
  answers(secrets: ReadonlyMap<string, string>, limits: BodyLimits): RecordedAnswers;
}

/** Where a case's entry lives: `<dir>/<suite>/<id>.json` (ids are slugs, so the path is safe). */
export function entryPath(dir: string, caseId: string): string {
  return join(dir, ...caseId.split('/').map((part) => part.replace(/^\.+/, '_'))) + '.json';
}

function invalid(label: string, message: string): ParityError {
  return new ParityError('PARITY_INPUT_INVALID', `recording ${label}: ${message}`);
}

/** The schema version of parsed recording JSON, refused when newer than this parity reads. */
export function checkVersion(value: unknown, label: string): void {
  const head = versionOnlySchema.safeParse(value);
  if (!head.success) throw invalid(label, 'has no schemaVersion: not a parity recording');
  if (head.data.schemaVersion > RECORDING_SCHEMA_VERSION) {
    throw invalid(
      label,
      `was written by a newer parity (schemaVersion ${head.data.schemaVersion}; this parity reads up to ${RECORDING_SCHEMA_VERSION}): upgrade parity, or record it again`,
    );
  }
}

/** The manifest of `dir`, or undefined when the folder holds none. */
export async function readManifest(
  dir: string,
  label: string,
): Promise<RecordingManifest | undefined> {
  let text: string;
  try {
    text = await readRegularText(join(dir, MANIFEST), { maxBytes: MAX_ENTRY_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw invalid(label, `cannot read ${MANIFEST} (${readFailure(error)})`);
  }
  const deep = jsonTooDeep(text, WRITTEN_DEPTH);
  if (deep !== undefined) throw invalid(label, `${MANIFEST} is ${tooDeepMessage(deep)}`);
  const parsed = parseJsonExact(text);
  if (!parsed.ok) throw invalid(label, `${MANIFEST} is not JSON (${parsed.error})`);
  checkVersion(parsed.value, label);
  const manifest = manifestSchema.safeParse(parsed.value);
  if (!manifest.success)
    throw invalid(
      label,
      `${MANIFEST} is not a recording manifest (${manifest.error.issues[0]?.message ?? ''})`,
    );
  return manifest.data;
}

function missing(code: string, message: string): SideOutcome {
  return { outcome: 'transport-error', error: { code, message }, durationMs: 0 };
}

/**
 * An entry holds one answer, its body under the run's body cap (16 MiB by
 * default), written as JSON, text or base64: more than this is no entry
 * parity wrote, and is refused before it is read (never parsed into memory).
 */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

async function answer(
  recording: {
    readonly dir: string;
    readonly label: string;
    readonly restore: Restore;
    readonly limits: BodyLimits;
  },
  testCase: Case,
): Promise<SideOutcome> {
  const { dir, label } = recording;
  let text: string;
  try {
    text = await readRegularText(entryPath(dir, testCase.id), { maxBytes: MAX_ENTRY_BYTES });
  } catch (error) {
    if (error instanceof ReadRefused) {
      return missing('PARITY_RECORDING_INVALID', `the entry of ${testCase.id} ${error.message}`);
    }
    return missing(
      'PARITY_NOT_RECORDED',
      `${testCase.id} is not in the recording ${label} (add it: parity record --update)`,
    );
  }
  const deep = jsonTooDeep(text, WRITTEN_DEPTH);
  if (deep !== undefined) {
    const why = tooDeepMessage(deep);
    return missing('PARITY_RECORDING_INVALID', `the entry of ${testCase.id} is ${why}`);
  }
  const parsed = parseJsonExact(text);
  if (!parsed.ok)
    return missing(
      'PARITY_RECORDING_INVALID',
      `the entry of ${testCase.id} is not JSON (${parsed.error})`,
    );
  checkVersion(parsed.value, `${label} (${testCase.id})`);
  const entry = entrySchema.safeParse(parsed.value);
  if (!entry.success)
    return missing(
      'PARITY_RECORDING_INVALID',
      `the entry of ${testCase.id} is not a recorded answer`,
    );
  if (entry.data.request.digest !== planDigest(planRequest(testCase))) {
    return missing(
      'PARITY_RECORDING_STALE',
      `${testCase.id} changed since it was recorded (re-record it: parity record --update)`,
    );
  }
  const { skipped } = entry.data;
  if (skipped !== undefined && entry.data.response === undefined) {
    return missing(
      'PARITY_NOT_RECORDED',
      `${testCase.id} was not sent when the recording ${label} was made (${skipped.replace(/^not sent: /, '')}); record it again with parity record --update`,
    );
  }
  return fromEntry(entry.data, recording.restore, recording.limits);
}

/** Opens the recording in `path` (relative to `cwd`) for a run (see the module comment). */
export async function openRecording(path: string, cwd: string): Promise<OpenRecording> {
  const dir = resolve(cwd, path);
  const label = relative(cwd, dir) || dir;
  const manifest = await readManifest(dir, label);
  if (manifest === undefined)
    throw invalid(
      label,
      `has no ${MANIFEST}: record one with parity record --target NAME=URL --out ${label}`,
    );
  return {
    dir,
    label,
    manifest,
    answers: (secrets, limits) => {
      const restore = restorer(secrets);
      return { answer: (testCase) => answer({ dir, label, restore, limits }, testCase) };
    },
  };
}
