/**
 * A structured body's label travels with its row (tracker rule 59, issue
 * 43): rule 52 (`body-labels.ts`) for JSON and XML bodies. A rewrite that
 * answers a document in a new shape under a new media type writes both in
 * one place: remoteStorage's folder description is `{"@context": …,
 * "items": …}` under `application/ld+json` where the first server answers
 * the bare map as `application/json`; an API that answers its refusals as
 * RFC 7807 problem documents labels them `application/problem+json`. The
 * body's row and a `content-type differs` row in exactly its answers were
 * two rows for one decision.
 *
 * The rule, once the run has laid its clusters over every answer: a
 * `content-type` whose media type differs, both naming a JSON or XML
 * format, that no other rule took (rule 52's text, rule 41's status), seen
 * in **exactly the answers of one structured body row of the document's
 * shape** (a shape pattern's, or members added, removed, moved or retyped
 * at the document's top: never a text body's, a body kind's, a status's or
 * a header's), **two answers or more**, and in no other answer, joins that
 * row; the row's words name the two media types (`mediaTypes`, not part of
 * its fingerprint).
 *
 * **Kept apart**: a label that differs in more answers than the row's (a
 * side that labels every answer otherwise: a server-wide choice, its own
 * row); a label in exactly the answers of two body rows (nothing says which
 * decision it belongs to: it joins neither); one answer alone (in a single
 * answer the label and the body change always show together, whatever
 * made them: no evidence, as rule 2's bound); and a `content-type` that
 * differs in its charset or other parameters alone (`application/json` vs
 * `application/json; charset=utf-8`): one media type, so no new document;
 * a charset is the framework's setting for every answer it writes
 * (`charset-label.ts` keys it by the charsets alone), a question of its
 * own. Nor does a label join (each seen joined before session review-g): a
 * label that names no JSON or XML format on one side (`text/plain` sniffed
 * for a handler that forgot its header, `application/octet-stream`, none:
 * a mislabel of its own); a row of values alone or of a value pattern
 * (data, an encoder's setting); a row of members changed only inside the
 * records (their serializer's). Pure.
 */
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { isJsonContentType, isXmlContentType, mediaTypeOf } from '../wire/content-type.js';
import { bodyKey } from './body-causes.js';
import { findingOf } from './finding-of.js';
import { soleHost } from './same-answers.js';

/** One answer's findings as the run's clusters lay them (`clustered-findings.ts`). */
interface RowedAnswer {
  readonly caseId: string;
  readonly findings: readonly Pick<Finding, 'fingerprint' | 'cause'>[];
}

/** The row a label joins (its fingerprint) and the two media types it names. */
export interface LabelRow {
  readonly row: string;
  readonly mediaTypes: readonly [string, string];
}

/** The answers of a label and its row must be two or more (see the module comment). */
const LEAST = 2;

/**
 * A `content-type` cause's two media types (`''` for a side that sends
 * none) when they differ; undefined for another cause, and for a label
 * whose media type is the same on both sides (a charset, a parameter).
 */
export function mediaTypesOf(cause: RootCause): readonly [string, string] | undefined {
  if (cause.type !== 'header' || cause.name !== 'content-type') return undefined;
  const [baseline = '', candidate = ''] = cause.classes ?? [];
  const types = [mediaTypeOf(baseline), mediaTypeOf(candidate)] as const;
  const known = types.filter((one) => one !== '');
  if (known.length === 0 || known.some((one) => !one.includes('/'))) return undefined;
  return types[0] === types[1] ? undefined : types;
}

/**
 * True when both media types name a structured document format (JSON or
 * XML: `application/json`, `text/json`, `application/xml`, a `+json` or
 * `+xml` suffix): a label that names none (`text/plain` sniffed by a
 * handler that forgot its header, `application/octet-stream`, none) over a
 * body read as JSON by its content is a mislabel, a decision of its own.
 */
function namesDocuments([baseline, candidate]: readonly [string, string]): boolean {
  const structured = (type: string) => isJsonContentType(type) || isXmlContentType(type);
  return structured(baseline) && structured(candidate);
}

/**
 * Patterns that say how one value is written (an encoder's setting: `null`
 * for an empty list, a number as a string, a timestamp's format), never the
 * document's shape: no new format's.
 */
const VALUE_PATTERNS: ReadonlySet<string> = new Set([
  'null-vs-absent',
  'nil-slice',
  'nil-map',
  'empty-object',
  'int-as-string',
  'bool-as-string',
  'timestamp-format',
  'drawn-format',
  'sent-vs-drawn',
  'enum-case',
  'float-format',
  'array-order',
]);

/**
 * How deep a new document's envelope reaches: a member of the root object,
 * or of one of its members (in XML, a child of the root element, itself the
 * first step of a path).
 */
const ENVELOPE_DEPTH = 2;

/** A row of a JSON or XML body: a pattern's, or a change no pattern explains (no text, no body kind). */
function isStructuredRow(cause: RootCause): boolean {
  return cause.type === 'pattern' || (cause.type === 'structure' && bodyKey(cause) === undefined);
}

/**
 * True for a structured row of the document's shape, the only one a label
 * joins: a shape pattern (a nesting, an envelope, a key case), or members
 * added, removed, moved or retyped at the document's top
 * (`ENVELOPE_DEPTH`). A value that differs is data (a count, a total), a
 * value pattern an encoder's setting, and a member changed only inside the
 * records (each order line's `discount`) their serializer's: none is a new
 * document's. Every structured row still counts as a host, so a label beside
 * two rows joins neither, whatever they are.
 */
function isShapeRow(cause: RootCause): boolean {
  if (cause.type === 'pattern') return !VALUE_PATTERNS.has(cause.pattern);
  if (cause.type !== 'structure') return false;
  return [cause.change, ...(cause.together ?? [])].some(
    (change) =>
      change.op !== 'value' && change.path.split('/').filter(Boolean).length <= ENVELOPE_DEPTH,
  );
}

/** By fingerprint of a label's finding: the structured row it joins (see the module comment). */
export function labelsOfRows(answers: readonly RowedAnswer[]): ReadonlyMap<string, LabelRow> {
  const labels = new Map<string, { answers: Set<string>; mediaTypes: readonly [string, string] }>();
  const rows = new Map<string, Set<string>>();
  const shapes = new Set<string>();
  for (const { caseId, findings } of answers) {
    for (const { fingerprint, cause } of findings) {
      const mediaTypes = mediaTypesOf(cause);
      if (mediaTypes !== undefined) {
        const label = labels.get(fingerprint) ?? { answers: new Set<string>(), mediaTypes };
        labels.set(fingerprint, label);
        label.answers.add(caseId);
      } else if (isStructuredRow(cause)) {
        rows.set(fingerprint, (rows.get(fingerprint) ?? new Set()).add(caseId));
        if (isShapeRow(cause)) shapes.add(fingerprint);
      }
    }
  }
  const out = new Map<string, LabelRow>();
  if (labels.size === 0 || rows.size === 0) return out;
  const hosts = [...rows].map(([row, shown]) => ({ answers: shown, row }));
  for (const [label, { answers: shown, mediaTypes }] of labels) {
    if (!namesDocuments(mediaTypes)) continue;
    const row = soleHost(shown, hosts, LEAST);
    if (row !== undefined && shapes.has(row)) out.set(label, { row, mediaTypes });
  }
  return out;
}

/**
 * One answer's findings with each label that joins a row (`labels`, by the
 * label's fingerprint) left out and its row's cause naming the media types;
 * the findings themselves when none does.
 */
export function withLabels<F extends Finding>(
  findings: readonly (F | Finding)[],
  labels: ReadonlyMap<string, LabelRow> | undefined,
): readonly (F | Finding)[] {
  if (labels === undefined) return findings;
  const shown = new Set(findings.map((f) => f.fingerprint));
  const riders = findings.filter((f) => shown.has(labels.get(f.fingerprint)?.row ?? ''));
  if (riders.length === 0) return findings;
  return findings
    .filter((f) => !riders.includes(f))
    .map((f) => {
      const rider = riders.find((one) => labels.get(one.fingerprint)?.row === f.fingerprint);
      const joined = rider === undefined ? undefined : labels.get(rider.fingerprint);
      if (rider === undefined || joined === undefined) return f;
      if (f.cause.type !== 'pattern' && f.cause.type !== 'structure') return f;
      const mediaTypes: readonly [string, string] = [...joined.mediaTypes];
      const cause: RootCause = { ...f.cause, mediaTypes };
      return { ...f, ...findingOf(cause, [...new Set([...f.paths, ...rider.paths])]) };
    });
}
