/**
 * One recorded answer: from a live `SideOutcome` to the entry written on disk
 * (secrets redacted before anything is written, JSON bodies as values so the
 * file reads well), and back to a `SideOutcome` for a run. Pure.
 */
import { createHash } from 'node:crypto';
import type { Case } from '../../contract/model/case.js';
import type { Response, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import type { Redactor } from '../../core/redact/redact.js';
import { type PlannedRequest, planRequest } from '../../core/request/plan.js';
import { type NodeBudget, valueOverBudget } from '../../core/wire/budget.js';
import { headHex } from '../../core/wire/bytes.js';
import { decodeBody, sha256 } from '../http/decode-body.js';
import { RECORDING_SCHEMA_VERSION, type RecordedBody, type RecordedEntry } from './schema.js';

/**
 * The request as the case writes it, as one hash: a case whose request
 * changed no longer matches its entry. A flow step's is taken before its
 * variables are bound (each recording binds its own ids), so it is stable.
 */
export function planDigest(plan: PlannedRequest): string {
  const hash = createHash('sha256');
  hash.update(`${plan.method} ${plan.pathAndQuery}\n`);
  for (const [name, value] of plan.headers) hash.update(`${name}: ${value}\n`);
  hash.update('\n');
  hash.update(plan.body ?? '');
  return hash.digest('hex');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body to write: a JSON value, text, or base64 for bytes that are not UTF-8. */
function bodyEntry(response: Response, redact: Redactor): RecordedBody {
  const { body, bytes } = response;
  if (body.kind === 'empty') return { kind: 'empty' };
  if (body.kind === 'truncated') return { kind: 'truncated', sha256: body.sha256, size: body.size };
  if (body.kind === 'json') {
    const json = redact.value(body.value);
    // The bytes' hash when they are the wire's (no content coding), and only when
    // they hold no secret (a hash of a short secret can be searched for).
    const wire = (response.headers['content-encoding'] ?? 'identity') === 'identity';
    const text = bytes === undefined || !wire ? undefined : Buffer.from(bytes).toString('utf8');
    return bytes !== undefined && text !== undefined && redact.text(text) === text
      ? { kind: 'json', json, sha256: sha256(bytes) }
      : { kind: 'json', json };
  }
  if (bytes !== undefined) {
    try {
      return { kind: 'text', text: redact.text(strictUtf8.decode(bytes)) };
    } catch {
      return { kind: 'base64', base64: Buffer.from(bytes).toString('base64') };
    }
  }
  // Without the bytes (the client did not keep them) only text bodies can be written.
  if (body.kind === 'text' || body.kind === 'invalid-json' || body.kind === 'invalid-xml') {
    return { kind: 'text', text: redact.text(body.text) };
  }
  throw new Error(`a ${body.kind} body cannot be recorded without its bytes`);
}

/** What an entry is written with: the redactor (a flow step's hides its secret variables too) and the time. */
export interface EntryContext {
  readonly redact: Redactor;
  readonly now: Date;
}

/** The head every entry has: the case, the time, and the request (`sent`: as sent, when it was). */
function entryHead(testCase: Case, sent: PlannedRequest, context: EntryContext) {
  const written = planRequest(testCase);
  return {
    schemaVersion: RECORDING_SCHEMA_VERSION,
    caseId: testCase.id,
    recordedAt: context.now.toISOString(),
    request: {
      method: sent.method,
      path: context.redact.text(sent.pathAndQuery),
      digest: planDigest(written),
    },
  };
}

/** The entry of a flow step that was not sent when it was recorded, with the reason. */
export function skippedEntry(testCase: Case, reason: string, context: EntryContext): RecordedEntry {
  return {
    ...entryHead(testCase, planRequest(testCase), context),
    skipped: context.redact.text(reason),
  };
}

/** The entry of one case's answer to the request `sent` (a flow step's as bound), redacted. */
export function toEntry(
  testCase: Case,
  sent: PlannedRequest,
  outcome: SideOutcome,
  context: EntryContext,
): RecordedEntry {
  const { redact } = context;
  const head = entryHead(testCase, sent, context);
  if (outcome.outcome === 'transport-error') {
    return {
      ...head,
      error: { code: outcome.error.code, message: redact.text(outcome.error.message) },
    };
  }
  const { response } = outcome;
  return {
    ...head,
    response: {
      status: response.status,
      headers: redact.headers(response.headers),
      durationMs: response.durationMs,
      wireBytes: response.wireBytes,
      body: bodyEntry(response, redact),
    },
  };
}

/** Puts secrets back where the recording wrote their placeholders. */
export type Restore = (text: string) => string;

/** A `Restore` for `secrets` (secret value → `${env:NAME}` placeholder). */
export function restorer(secrets: ReadonlyMap<string, string>): Restore {
  const byPlaceholder = new Map([...secrets].map(([value, placeholder]) => [placeholder, value]));
  if (byPlaceholder.size === 0) return (text) => text;
  return (text) =>
    text.includes('${env:')
      ? text.replace(
          /\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/g,
          (found) => byPlaceholder.get(found) ?? found,
        )
      : text;
}

/** `restore` applied to every string of a JSON value (exact numbers kept as they are). */
function restoreDeep(value: unknown, restore: Restore): unknown {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) return value.map((item) => restoreDeep(item, restore));
  if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restoreDeep(v, restore)]));
  }
  return value;
}

/**
 * What a live run would keep of a body: its byte cap and node budget. A
 * recorded answer is read under the replaying run's, so a recording made with
 * a larger cap or budget compares as a live answer would.
 */
export interface BodyLimits {
  readonly cap: number;
  readonly budget: NodeBudget;
}

/** Recorded bytes under `limits`: truncated past the cap (by the wire size), else decoded as live. */
function fromBytes(
  bytes: Uint8Array,
  wireBytes: number,
  contentType: string | undefined,
  limits: BodyLimits,
): ResponseBody {
  if (bytes.byteLength > limits.cap || wireBytes > limits.cap) {
    return {
      kind: 'truncated',
      sha256: sha256(bytes),
      size: Math.max(wireBytes, bytes.byteLength),
      head: headHex(bytes),
    };
  }
  return decodeBody(bytes, contentType, limits.budget);
}

/** A recorded JSON value under `limits`: truncated or too complex as its live answer would be. */
function fromJson(
  body: Extract<RecordedBody, { kind: 'json' }>,
  wireBytes: number,
  restore: Restore,
  limits: BodyLimits,
): ResponseBody {
  const over = wireBytes > limits.cap ? undefined : valueOverBudget(body.json, limits.budget);
  if (wireBytes <= limits.cap && over === undefined) {
    // The value as recorded; its wire text is not kept, so no encoding notes against a recording.
    return { kind: 'json', value: restoreDeep(body.json, restore) };
  }
  // Compared by hash, as the live side is: the recorded bytes' when known.
  const text = Buffer.from(JSON.stringify(body.json) ?? '', 'utf8');
  const hash = body.sha256 ?? sha256(text);
  if (over === undefined)
    return { kind: 'truncated', sha256: hash, size: wireBytes, head: headHex(text) };
  return { kind: 'too-complex', sha256: hash, size: wireBytes, head: headHex(text), ...over };
}

function responseBody(
  body: RecordedBody,
  contentType: string | undefined,
  wireBytes: number,
  restore: Restore,
  limits: BodyLimits,
): ResponseBody {
  switch (body.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'truncated':
      return { kind: 'truncated', sha256: body.sha256, size: body.size };
    case 'json':
      return fromJson(body, wireBytes, restore, limits);
    case 'text':
      return fromBytes(Buffer.from(restore(body.text), 'utf8'), wireBytes, contentType, limits);
    case 'base64':
      return fromBytes(Buffer.from(body.base64, 'base64'), wireBytes, contentType, limits);
    default:
      return body satisfies never;
  }
}

/** The answer an entry records, as a run's side outcome. */
export function fromEntry(entry: RecordedEntry, restore: Restore, limits: BodyLimits): SideOutcome {
  const { response, error } = entry;
  if (response === undefined) {
    return {
      outcome: 'transport-error',
      error: error ?? { code: 'PARITY_NOT_RECORDED', message: 'the entry has no response' },
      durationMs: 0,
    };
  }
  return {
    outcome: 'response',
    response: {
      status: response.status,
      headers: Object.fromEntries(
        Object.entries(response.headers).map(([name, value]) => [name, restore(value)]),
      ),
      body: responseBody(
        response.body,
        response.headers['content-type'],
        response.wireBytes,
        restore,
        limits,
      ),
      wireBytes: response.wireBytes,
      durationMs: response.durationMs,
    },
  };
}
