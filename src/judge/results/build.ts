/**
 * Assembles the `Observation` that report.json keeps for one case from the
 * exchange and its judgement. Pure. Bodies and repro commands are kept only
 * for cases that are not equal, so an equal case costs a few hundred bytes.
 * What it needs besides the exchange is the run's `ResultContext`.
 */

import { type Case, isWriteMethod, type Target } from '../../contract/model/case.js';
import type { Comparison, Divergence } from '../../contract/model/comparison.js';
import type { Exchange, ResponseBody, SideOutcome } from '../../contract/model/exchange.js';
import type {
  BodyRef,
  Change,
  DivergentObservation,
  EncodingNote,
  HeaderChange,
  Observation,
  ObservationBase,
  SideSummary,
  SkippedObservation,
} from '../../contract/observation.js';
import type { Finding } from '../../contract/root-cause.js';
import type { DivergenceKind } from '../../contract/vocabulary.js';
import { hiddenFindings } from '../../core/compare/covered.js';
import { requestEndpoint } from '../../core/compare/endpoint.js';
import { explainingCode } from '../../core/compare/explaining.js';
import type { DivergenceInput } from '../../core/compare/input.js';
import type { Judgement } from '../../core/compare/judge.js';
import { echoedBy } from '../../core/compare/refusal.js';
import { refusedInBodyBy } from '../../core/compare/refused-answers.js';
import { sentValues } from '../../core/compare/sent-values.js';
import type { Redactor } from '../../core/redact/redact.js';
import { type BodyFile, curlCommand } from '../../core/request/curl.js';
import { flowScript } from '../../core/request/flow-script.js';
import { sentParameters } from '../../core/request/parameters.js';
import { planOf } from '../../core/request/plan.js';
import { bytesText, isBytesSummary, tooComplexWords } from '../../core/wire/bytes.js';
import { encodingNotes } from '../../core/wire/notes.js';
import { headOf } from '../../util/text.js';
import { flowContext, flowRef } from './flow-result.js';
import { cutText as cutPreview, type PreviewBudget, previewValue, sha256Text } from './preview.js';

/** What a report keeps of each body (the comparison used all of it). */
const BODY_PREVIEW: PreviewBudget = { nodes: 5_000, chars: 2_048, totalChars: 128 * 1024 };
/** Text bodies longer than this are cut in the report. */
const MAX_REPORTED_TEXT = 64 * 1024;
/** Changes a report lists per case; the rest are counted (`changesOmitted`). */
const MAX_REPORTED_CHANGES = 500;
/** What a report keeps of each value in a change. */
const CHANGE_PREVIEW: PreviewBudget = { nodes: 20, chars: 256, totalChars: 1_024 };
/** Pointers longer than this are cut in the report (with `…`). */
const MAX_REPORTED_PATH = 1_000;
/** The request path as reports show it is cut past this many characters. */
const MAX_REPORTED_REQUEST_PATH = 2_048;
/** A finding lists at most this many of the paths it accounts for (its summary counts them all). */
const MAX_FINDING_PATHS = 100;
/** An explanation is cut past this many characters (a 10 MB key named in it). */
const MAX_REPORTED_EXPLANATION = 16 * 1024;
/** A summary line is cut past this many characters. */
const MAX_REPORTED_SUMMARY = 1_024;

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

function summarise(side: SideOutcome): SideSummary {
  if (side.outcome === 'transport-error') {
    return { status: undefined, durationMs: round(side.durationMs), error: side.error };
  }
  const { response } = side;
  return {
    status: response.status,
    durationMs: round(response.durationMs),
    bodyKind: response.body.kind,
    bytes: response.wireBytes,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** A body as a report keeps it, and the whole body's hash and size when the report cut it. */
interface ReportedBody {
  readonly value: unknown;
  readonly cut?: BodyRef;
}

function cutText(text: string): ReportedBody {
  if (text.length <= MAX_REPORTED_TEXT) return { value: text };
  const value = `${headOf(text, MAX_REPORTED_TEXT)}…`;
  return { value, cut: { sha256: sha256Text(text), size: Buffer.byteLength(text) } };
}

function bodyForReport(body: ResponseBody, side: SideSummary, redact: Redactor): ReportedBody {
  switch (body.kind) {
    case 'empty':
      return { value: null };
    case 'json':
    case 'xml':
    case 'bencode': {
      const preview = previewValue(redact.value(body.value), BODY_PREVIEW);
      if (!preview.cut) return { value: preview.value };
      const text = body.kind === 'json' ? body.text : undefined;
      const whole = redact.text(text ?? JSON.stringify(body.value));
      const size = text === undefined ? (side.bytes ?? 0) : Buffer.byteLength(text);
      return { value: preview.value, cut: { sha256: sha256Text(whole), size } };
    }
    case 'text':
    case 'invalid-json':
    case 'invalid-xml':
      return cutText(redact.text(body.text));
    case 'binary':
    case 'truncated':
      return { value: bytesText(body) };
    case 'too-complex':
      return { value: bytesText({ ...body, tooComplex: tooComplexWords(body) }) };
    default: {
      const never: never = body;
      return never;
    }
  }
}

function sideBody(side: SideOutcome, summary: SideSummary, redact: Redactor): ReportedBody {
  return side.outcome === 'response'
    ? bodyForReport(side.response.body, summary, redact)
    : { value: null };
}

/** Both bodies as the report keeps them. */
function bodiesOf(
  exchange: Exchange,
  base: ObservationBase,
  redact: Redactor,
): DivergentObservation['bodies'] {
  const baseline = sideBody(exchange.baseline, base.baseline, redact);
  const candidate = sideBody(exchange.candidate, base.candidate, redact);
  if (baseline.cut === undefined && candidate.cut === undefined) {
    return { baseline: baseline.value, candidate: candidate.value };
  }
  return {
    baseline: baseline.value,
    candidate: candidate.value,
    cut: {
      ...(baseline.cut === undefined ? {} : { baseline: baseline.cut }),
      ...(candidate.cut === undefined ? {} : { candidate: candidate.cut }),
    },
  };
}

function redactHeader(redact: Redactor, name: string, value: string | undefined) {
  return value === undefined ? undefined : redact.header(name, value);
}

/**
 * A charset difference the comparison holds as a `content-type` change (the
 * label decides how the body is read: `core/compare/charset-label.ts`) is that
 * change, not also a note.
 */
function withoutLabelledCharset(
  notes: EncodingNote[],
  headers: readonly HeaderChange[] | undefined,
): EncodingNote[] {
  if (headers === undefined || !headers.some((change) => change.name === 'content-type')) {
    return notes;
  }
  return notes.filter((note) => note.code !== 'charset');
}

function expectationFailures(exchange: Exchange): string[] {
  const expected = exchange.case.expect.status;
  // A flow step's captures that found nothing break the flow: they fail like an expectation.
  const failures: string[] = [...(exchange.flow?.problems ?? [])];
  if (expected === undefined) return failures;
  for (const side of ['baseline', 'candidate'] as const) {
    const outcome = exchange[side];
    if (outcome.outcome === 'response' && outcome.response.status !== expected) {
      failures.push(`${side} answered ${outcome.response.status}, expected ${expected}`);
    }
  }
  return failures;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A result whose divergence fields are being set on it (`toObservation`). */
type Divergent = Mutable<ObservationBase> & {
  verdict: 'equal' | 'divergent';
} & Partial<Mutable<Omit<DivergentObservation, keyof ObservationBase | 'verdict'>>>;

/** What every verdict carries, built field by field (no spreads): an equal case is the hot path. */
function commonOf(
  exchange: Exchange,
  judgement: Judgement,
  context: ResultContext,
): Mutable<ObservationBase> & { verdict: 'equal' } {
  const { request } = exchange.case;
  // A secret in the path (`/users/${env:TOKEN}`) shows as its placeholder everywhere.
  const path = context.redact.text(request.path);
  const base: Mutable<ObservationBase> & { verdict: 'equal' } = {
    caseId: exchange.case.id,
    suite: exchange.case.suite,
    endpoint: cutPreview(requestEndpoint(request, path), MAX_REPORTED_REQUEST_PATH),
    request: { method: request.method, path: cutPreview(path, MAX_REPORTED_REQUEST_PATH) },
    baseline: summarise(exchange.baseline),
    candidate: summarise(exchange.candidate),
    verdict: 'equal',
    kinds: judgement.verdict === 'equal' ? NO_KINDS : judgement.divergence.kinds,
  };
  placeOf(base, exchange.case, exchange.flow);
  const headers = writeHeaderNames(exchange.case, context.redact);
  if (headers !== undefined) base.request = { ...base.request, headers };
  const expectations = expectationFailures(exchange);
  // An unmet `until` quotes the value its side's answer held: redacted as any answer's text.
  if (expectations.length > 0)
    base.expectations = expectations.map((line) => context.redact.text(line));
  const notes = withoutLabelledCharset(
    encodingNotes(exchange.baseline, exchange.candidate),
    judgement.comparison?.headers,
  );
  if (notes.length > 0) {
    base.notes = notes.map((note) => ({ ...note, message: context.redact.text(note.message) }));
  }
  const fired = judgement.comparison?.equivalences;
  if (fired !== undefined && fired.length > 0) base.equivalences = fired;
  if (exchange.origin !== undefined) base.origin = exchange.origin.slice(0, MAX_ORIGIN_PLACES);
  if (exchange.stamped !== undefined) base.stamped = exchange.stamped.slice(0, MAX_ORIGIN_PLACES);
  if (exchange.derived !== undefined) base.derived = exchange.derived.slice(0, MAX_ORIGIN_PLACES);
  if (exchange.echoed !== undefined) base.echoed = exchange.echoed.slice(0, MAX_ORIGIN_PLACES);
  if (exchange.sequenced !== undefined) {
    base.sequenced = exchange.sequenced.slice(0, MAX_ORIGIN_PLACES);
  }
  if (exchange.generated !== undefined) {
    base.generated = exchange.generated.slice(0, MAX_ORIGIN_PLACES);
  }
  if (exchange.unsettled !== undefined) {
    base.unsettled = exchange.unsettled.slice(0, MAX_ORIGIN_PLACES);
  }
  if (exchange.reordered !== undefined) {
    base.reordered = exchange.reordered.slice(0, MAX_ORIGIN_PLACES);
  }
  if (exchange.secondLookSkipped !== undefined) base.secondLookSkipped = exchange.secondLookSkipped;
  if (exchange.raced !== undefined) base.raced = exchange.raced;
  const hidden = hiddenFindings(exchange, judgement);
  if (hidden.length > 0) {
    const fingerprints = hidden.map((f) => redactFinding(f, context.redact).fingerprint);
    base.covered = [...new Set(fingerprints)];
  }
  return base;
}

const NO_KINDS: readonly DivergenceKind[] = Object.freeze([]);

/** Places of a normalised own address a result lists, at most. */
const MAX_ORIGIN_PLACES = 20;

/** A flow step's and a serial case's place, set only when there is one (most results have neither). */
function placeOf(
  base: Mutable<ObservationBase>,
  testCase: Case,
  flow: Exchange['flow'] | undefined,
): void {
  if (testCase.flow !== undefined) base.flow = flowRef(testCase.flow, flow?.masked, flow?.waited);
  if (testCase.serial !== undefined) base.serial = testCase.serial;
}

/**
 * The divergence's text and repro lines, redacted; a flow step's with each
 * side's own request. The text is explained afresh from the judged input with
 * its values redacted first: the judge's own text cuts values short, and a
 * secret cut short would no longer be found by redacting the text.
 */
function described(
  divergence: Divergence,
  input: DivergenceInput,
  exchange: Exchange,
  context: ResultContext,
) {
  const requests = exchange.flow?.requests;
  // Both sides send the case's own request unless a flow bound each side's (`planOf` is pure).
  const shared = requests === undefined ? planOf(exchange.case.request) : undefined;
  const plans = {
    baseline: shared ?? planOf(requests?.baseline ?? exchange.case.request),
    candidate: shared ?? planOf(requests?.candidate ?? exchange.case.request),
  };
  const text = explainingCode().explainShown(input, context.redact);
  return {
    fingerprint: divergence.fingerprint,
    explanation: context.redact.text(text.explanation),
    summary: context.redact.text(text.summary),
    repro: {
      // A recorded baseline sent nothing now (its server may be long gone): no command, the recording named.
      baseline:
        context.recording === undefined
          ? reproOf('baseline', plans.baseline, exchange, context)
          : `# answered from the recording ${context.recording} (no server to send to; parity record --update --out ${context.recording} refreshes it)`,
      candidate: reproOf('candidate', plans.candidate, exchange, context),
    },
  };
}

/**
 * One side's repro: a flow step after the first is the script that replays
 * its flow up to it, captures included (`core/request/flow-script.ts`); any other
 * case, or a flow whose captures have no script form, its curl line.
 */
function reproOf(
  side: 'baseline' | 'candidate',
  plan: ReturnType<typeof planOf>,
  exchange: Exchange,
  context: ResultContext,
): string {
  const { flow, request } = exchange.case;
  const script =
    flow === undefined ? undefined : flowScript(flow, request, context[side], context.redact);
  return script ?? curlCommand(plan, context[side], context.redact, context.bodyFile);
}

/** The result of a case that was not sent (`reason` says why). */
export function toSkippedObservation(testCase: Case, reason: string): SkippedObservation {
  const { request } = testCase;
  const base: Mutable<ObservationBase> = {
    caseId: testCase.id,
    suite: testCase.suite,
    endpoint: requestEndpoint(request),
    request: { method: request.method, path: request.path },
    baseline: NOT_SENT,
    candidate: NOT_SENT,
    kinds: NO_KINDS,
  };
  placeOf(base, testCase, undefined);
  return { ...base, verdict: 'skipped', reason };
}

const NOT_SENT: SideSummary = Object.freeze({ status: undefined, durationMs: 0 });

/** The `Observation` report.json keeps for one judged exchange. */
export function toObservation(
  exchange: Exchange,
  judgement: Judgement,
  runContext: ResultContext,
): Observation {
  const context = exchange.flow === undefined ? runContext : flowContext(exchange, runContext);
  const common = commonOf(exchange, judgement, context);
  switch (judgement.verdict) {
    case 'equal':
      return common;
    case 'error': {
      const { baseline, candidate } = exchange;
      const input = { kind: 'transport', caseId: common.caseId, baseline, candidate } as const;
      return {
        ...common,
        verdict: 'error',
        ...described(judgement.divergence, input, exchange, context),
      };
    }
    case 'divergent': {
      const { divergence, comparison } = judgement;
      const input = {
        kind: 'comparison',
        caseId: common.caseId,
        comparison,
        kinds: divergence.kinds,
      } as const;
      const { fingerprint, explanation, summary, repro } = described(
        divergence,
        input,
        exchange,
        context,
      );
      // Its fields set on `common` in place, in report.json's order (a spread
      // copied every common field into a new object again, per divergence).
      const result: Divergent = common;
      result.verdict = 'divergent';
      result.fingerprint = fingerprint;
      result.findings = judgement.findings.map((f) =>
        reportedFinding(redactFinding(f, context.redact)),
      );
      if (divergence.pattern !== undefined) result.pattern = divergence.pattern;
      result.explanation = cutReported(explanation, MAX_REPORTED_EXPLANATION);
      result.summary = cutReported(summary, MAX_REPORTED_SUMMARY);
      result.changes = divergence.changes
        .slice(0, MAX_REPORTED_CHANGES)
        .map((change) => reportedChange(change, context.redact));
      if (divergence.changes.length > MAX_REPORTED_CHANGES) {
        result.changesOmitted = divergence.changes.length - MAX_REPORTED_CHANGES;
      }
      // `echoes` stays: a result judged again at the end of the run keys its header alike.
      result.headerChanges = divergence.headerChanges.map((change) => ({
        name: change.name,
        baseline: redactHeader(context.redact, change.name, change.baseline),
        candidate: redactHeader(context.redact, change.name, change.candidate),
        ...(change.echoes === undefined ? {} : { echoes: change.echoes }),
      }));
      result.repro = repro;
      result.bodies = bodiesOf(exchange, common, context.redact);
      const parameters = refusedParameters(exchange, comparison.status, context.redact);
      if (parameters !== undefined) result.request = { ...result.request, parameters };
      if (comparison.malformed !== undefined) {
        result.request = { ...result.request, malformed: comparison.malformed };
      }
      const echoed = echoedValues(exchange, comparison, context.redact, result.bodies);
      if (echoed !== undefined) result.request = { ...result.request, echoed };
      return result as DivergentObservation;
    }
    default: {
      const never: never = judgement;
      return never;
    }
  }
}

/** A request sends at most this many header names into a report, each at most `LONGEST_HEADER` long. */
const MOST_HEADERS = 32;
const LONGEST_HEADER = 64;

/**
 * For a request of a method that writes: the names of the headers the case
 * sent, lower case and sorted (tracker rule 51: what separates the writes a
 * side refused from those it accepted), a name a secret would change left
 * out. Undefined for a safe method or when it sent none.
 */
function writeHeaderNames(testCase: Case, redact: Redactor): string[] | undefined {
  const { method, headers } = testCase.request;
  if (headers.length === 0 || !isWriteMethod(method)) return undefined;
  const names = new Set<string>();
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if (lower.length <= LONGEST_HEADER && redact.text(lower) === lower) names.add(lower);
  }
  return names.size === 0 ? undefined : [...names].sort().slice(0, MOST_HEADERS);
}

/**
 * Where a side refused: the names of the parameters the case's request and
 * its flow's earlier steps sent (`core/request/parameters.ts`), a name a
 * secret would change left out. Undefined when neither side refused or
 * nothing was sent.
 */
function refusedParameters(
  exchange: Exchange,
  status: { readonly baseline: number; readonly candidate: number },
  redact: Redactor,
): string[] | undefined {
  if (status.baseline < 400 && status.candidate < 400) return undefined;
  const names = sentParameters(exchange.case.request, exchange.case.flow?.before).filter(
    (name) => redact.text(name) === name,
  );
  return names.length === 0 ? undefined : names;
}

/**
 * Where one side refused what the other accepted: the values the request
 * sent that an answer says back (`echoedBy`, tracker rule 38), a value a
 * secret would change left out. Undefined when there is none.
 */
function echoedValues(
  exchange: Exchange,
  comparison: Pick<Comparison, 'status' | 'body'>,
  redact: Redactor,
  bodies: { readonly baseline?: unknown; readonly candidate?: unknown },
): string[] | undefined {
  // With one status, the side that refused in its body alone (rule 29) is read as the refusing one.
  const inBody = comparison.status.equal
    ? refusedInBodyBy(bodies.baseline, bodies.candidate)
    : undefined;
  const echoed = echoedBy(comparison, sentValues(exchange.case.request), inBody).filter(
    (value) => redact.text(value) === value,
  );
  return echoed.length === 0 ? undefined : echoed;
}

/** Summaries hold no values, but a header class or a key could still spell a `${env:…}` secret. */
export function redactFinding(finding: Finding, redact: Redactor): Finding {
  // The cause names the endpoint (a secret in a path), a field, a header class: all redacted.
  return redact.same(finding);
}

/** `text`, or its first `max` characters and how long it was (`… (10,000,000 characters)`). */
function cutReported(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${headOf(text, max)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** A finding as reports keep it: its first paths, each cut when huge. */
function reportedFinding(finding: Finding): Finding {
  const { paths } = finding;
  if (paths.length <= MAX_FINDING_PATHS && paths.every((p) => p.length <= MAX_REPORTED_PATH)) {
    return finding;
  }
  const kept = paths.slice(0, MAX_FINDING_PATHS).map((p) => cutPreview(p, MAX_REPORTED_PATH));
  return { ...finding, paths: kept };
}

/**
 * A change as reports keep it: redacted, a body known by its bytes as one line
 * of text, other values previewed, the path cut when huge.
 */
function reportedChange(change: Change, redact: Redactor): Change {
  const shown = (value: unknown) =>
    isBytesSummary(value)
      ? bytesText(value)
      : previewValue(redact.value(value), CHANGE_PREVIEW).value;
  return {
    ...change,
    path: cutPreview(redact.text(change.path), MAX_REPORTED_PATH),
    ...('baseline' in change ? { baseline: shown(change.baseline) } : {}),
    ...('candidate' in change ? { candidate: shown(change.candidate) } : {}),
  };
}
