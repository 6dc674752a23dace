/**
 * The files of a recording (`parity record`): `recording.json`, the manifest,
 * and one `<suite>/<id>.json` per case (a flow's steps in
 * `<suite>/<flow>/<step>.json`). Both carry a `schemaVersion`; a recording of
 * a newer schema than this parity reads is refused.
 */
import * as z from 'zod';
import { endpointNoiseSchema } from '../config/noise-schema.js';

/** Bump on any incompatible change of the recording files, with a changelog note. */
export const RECORDING_SCHEMA_VERSION = 1;

const version = z.int().min(1).describe('the recording format version');

/** Only the version: read first, so a newer format is refused by name, not by its fields. */
export const versionOnlySchema = z.looseObject({ schemaVersion: version });

export const manifestSchema = z.looseObject({
  schemaVersion: version,
  target: z
    .looseObject({ name: z.string(), url: z.string() })
    .describe('the target recorded: its name and base URL'),
  recordedAt: z.string().describe('ISO-8601 time of the first recording'),
  updatedAt: z.string().optional().describe('ISO-8601 time of the last --update'),
  noise: z
    .looseObject({
      endpoints: z.record(z.string(), endpointNoiseSchema()).describe('noise per endpoint'),
    })
    .optional()
    .describe('noise learned at record time (--noise: each case recorded twice)'),
});

export type RecordingManifest = z.output<typeof manifestSchema>;

const bodySchema = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('empty') }),
  z.looseObject({
    kind: z.literal('json'),
    json: z.unknown(),
    // Of the body's bytes, when they hold no secret: a replay past a smaller cap
    // compares by it, as the live side does.
    sha256: z.string().optional(),
  }),
  z.looseObject({ kind: z.literal('text'), text: z.string() }),
  z.looseObject({ kind: z.literal('base64'), base64: z.string() }),
  z.looseObject({ kind: z.literal('truncated'), sha256: z.string(), size: z.number() }),
]);

export type RecordedBody = z.output<typeof bodySchema>;

export const entrySchema = z.looseObject({
  schemaVersion: version,
  caseId: z.string(),
  recordedAt: z.string(),
  request: z
    .looseObject({
      method: z.string(),
      path: z
        .string()
        .describe(
          "path and query as sent (a flow step's with the target's values), secrets redacted",
        ),
      digest: z
        .string()
        .describe(
          'sha256 of the request as the case writes it (before a flow step binds its variables); a changed case must be re-recorded',
        ),
    })
    .describe('the request the response answers'),
  response: z
    .looseObject({
      status: z.int().min(100).max(599),
      headers: z.record(z.string(), z.string()),
      durationMs: z.number(),
      wireBytes: z.number(),
      body: bodySchema,
    })
    .optional(),
  error: z
    .looseObject({ code: z.string(), message: z.string() })
    .optional()
    .describe('the transport error, when the target did not answer'),
  skipped: z
    .string()
    .optional()
    .describe('why a flow step was not sent when it was recorded (then no response, no error)'),
});

export type RecordedEntry = z.output<typeof entrySchema>;
