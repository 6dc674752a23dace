/**
 * Plain-language explanations of divergences: a few short, specific sentences
 * and a one-line summary for tables and tracker rows.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import type { Change, HeaderChange, TransportError } from '../../contract/observation.js';
import { codeSpan } from '../../util/code-span.js';
import { plural } from '../../util/words.js';
import { bytesBrief, isBytesSummary } from '../wire/bytes.js';
import { explainShape } from './explain-shape.js';
import { statusClass } from './findings.js';
import type { DivergenceInput } from './input.js';
import { patternTitles, type Recognition, recognisePatterns } from './patterns/registry.js';
import { divergenceTitle, patternSentences } from './patterns/title.js';
import { brief, capitalise, code, listSome, shorten } from './wording/phrases.js';

/** The explanation (≤ ~5 sentences) and summary (one line, ≤ 120 characters). */
export interface Explanation {
  readonly explanation: string;
  readonly summary: string;
}

/**
 * How an explanation may show the values it quotes: a redactor (`redact/`)
 * that hides secrets. Explanations cut values to a few characters, and a cut
 * secret no longer matches its redaction: values are hidden before they are
 * cut (`explainShown`), never after.
 */
export interface ValueShield {
  value(value: unknown): unknown;
  header(name: string, value: string): string;
  text(text: string): string;
}

/** `explain` of the divergence with every value, header value and error message shown through `shield`. */
export function explainShown(input: DivergenceInput, shield: ValueShield): Explanation {
  // Nothing to hide (the common case): the judge's own explanation of the same input.
  return shieldHides(input, shield) ? explain(shieldedInput(input, shield)) : explain(input);
}

/** True when `shield` shows some value, header value or error message of `input` otherwise. */
function shieldHides(input: DivergenceInput, shield: ValueShield): boolean {
  if (input.kind === 'transport') {
    return [input.baseline, input.candidate].some(
      (side) =>
        side.outcome !== 'response' && shield.text(side.error.message) !== side.error.message,
    );
  }
  const { headers, body } = input.comparison;
  for (const h of headers) {
    if (h.baseline !== undefined && shield.header(h.name, h.baseline) !== h.baseline) return true;
    if (h.candidate !== undefined && shield.header(h.name, h.candidate) !== h.candidate)
      return true;
  }
  for (const change of body) {
    if ('baseline' in change && shield.value(change.baseline) !== change.baseline) return true;
    if ('candidate' in change && shield.value(change.candidate) !== change.candidate) return true;
  }
  return false;
}

/**
 * Explanations of the comparisons judged, by comparison: the result of a
 * divergence explains it again with its values shielded, and when the shield
 * hides nothing that is the same text (`explain` is pure).
 */
const EXPLAINED = new WeakMap<Comparison, Explanation>();

function shieldedSide(outcome: SideOutcome, shield: ValueShield): SideOutcome {
  if (outcome.outcome === 'response') return outcome;
  return { ...outcome, error: { ...outcome.error, message: shield.text(outcome.error.message) } };
}

function shieldedChange(change: Change, shield: ValueShield): Change {
  return {
    ...change,
    ...('baseline' in change ? { baseline: shield.value(change.baseline) } : {}),
    ...('candidate' in change ? { candidate: shield.value(change.candidate) } : {}),
  };
}

function shieldedInput(input: DivergenceInput, shield: ValueShield): DivergenceInput {
  if (input.kind === 'transport') {
    return {
      ...input,
      baseline: shieldedSide(input.baseline, shield),
      candidate: shieldedSide(input.candidate, shield),
    };
  }
  const { comparison } = input;
  const header = (name: string, value: string | undefined) =>
    value === undefined ? undefined : shield.header(name, value);
  return {
    ...input,
    comparison: {
      ...comparison,
      headers: comparison.headers.map((h) => ({
        name: h.name,
        baseline: header(h.name, h.baseline),
        candidate: header(h.name, h.candidate),
      })),
      body: comparison.body.map((change) => shieldedChange(change, shield)),
    },
  };
}

/**
 * Explain a divergence in plain language, naming paths and values, and each
 * cross-runtime pattern the registry recognises (see `patterns/`); changes no
 * pattern accounts for are described one by one. The judge, which has
 * recognised the comparison's patterns already, passes its `recognition`
 * (`recognisePatterns(input.comparison.body)`); without one, they are
 * recognised here.
 */
export function explain(input: DivergenceInput, recognition?: Recognition): Explanation {
  switch (input.kind) {
    case 'transport':
      return explainTransport(input.baseline, input.candidate);
    case 'comparison': {
      const known = EXPLAINED.get(input.comparison);
      if (known !== undefined) return known;
      const explained = explainComparison(
        input.comparison,
        recognition ?? recognisePatterns(input.comparison.body),
      );
      EXPLAINED.set(input.comparison, explained);
      return explained;
    }
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
}

function errorText(error: TransportError): string {
  return `${error.code} (${shorten(error.message, 80)})`;
}

function sideText(outcome: SideOutcome): string {
  return outcome.outcome === 'response'
    ? `answered ${outcome.response.status}`
    : `failed: ${errorText(outcome.error)}`;
}

function explainTransport(baseline: SideOutcome, candidate: SideOutcome): Explanation {
  if (baseline.outcome === 'transport-error' && candidate.outcome === 'transport-error') {
    return {
      explanation: `Both sides failed: baseline ${errorText(baseline.error)}, candidate ${errorText(candidate.error)}.`,
      summary: shorten(`both sides failed: ${baseline.error.code} / ${candidate.error.code}`),
    };
  }
  const candidateFailed = candidate.outcome === 'transport-error';
  const [failed, other] = candidateFailed ? [candidate, baseline] : [baseline, candidate];
  const [name, otherName] = candidateFailed ? ['candidate', 'baseline'] : ['baseline', 'candidate'];
  const errorCode = failed.outcome === 'transport-error' ? failed.error.code : 'unknown';
  return {
    explanation: `${capitalise(name)} ${sideText(failed)}; ${otherName} ${sideText(other)}.`,
    summary: shorten(`${name} transport error ${errorCode}`),
  };
}

function explainComparison(comparison: Comparison, recognition: Recognition): Explanation {
  const sentences: string[] = [];
  const summary: string[] = [];
  const { status } = comparison;
  if (!status.equal) {
    sentences.push(`Status differs: baseline ${status.baseline}, candidate ${status.candidate}.`);
    summary.push(`status ${status.baseline} → ${status.candidate}`);
    // One side accepted what the other rejected: the rest follows (see `findings.ts`).
    if (statusClass(status.baseline) !== statusClass(status.candidate)) {
      summary.push('the answers differ with it');
    }
  }
  const { matches, unexplained } = recognition;
  const followsStatus = summary.length > 1;
  if (matches.length > 0) {
    sentences.push(...patternSentences(matches));
    summary.push(
      status.equal ? divergenceTitle(comparison, matches) : patternTitles(matches).join('; '),
    );
  }
  const shape = explainShape(unexplained);
  if (shape !== undefined) {
    sentences.push(...shape.sentences);
    summary.push(shape.summary);
  }
  const values = explainValues(unexplained);
  sentences.push(...values.sentences);
  summary.push(...values.summary);
  const headers = explainHeaders(comparison.headers);
  if (headers !== undefined) {
    sentences.push(headers.sentence);
    summary.push(headers.summary);
  }
  if (sentences.length === 0) return { explanation: 'No differences.', summary: 'equal' };
  const line = followsStatus ? summary.slice(0, 2) : summary;
  return { explanation: sentences.join(' '), summary: shorten(line.join('; ')) };
}

/**
 * Two whole bodies that differ as text (or by hash): where the text first
 * differs, with a little context on each side, so a reader sees the cause.
 */
function bodyDifference(baseline: unknown, candidate: unknown): string {
  if (isBytesSummary(baseline) && isBytesSummary(candidate)) {
    const size = baseline.size === candidate.size ? ' (the same size)' : '';
    return `Body bytes differ${size}: baseline ${bytesBrief(baseline)}, candidate ${bytesBrief(candidate)}.`;
  }
  if (typeof baseline !== 'string' || typeof candidate !== 'string') {
    return `Body differs: baseline ${brief(baseline)}, candidate ${brief(candidate)}.`;
  }
  let at = 0;
  while (at < baseline.length && baseline[at] === candidate[at]) at++;
  const line = baseline.slice(0, at).split('\n').length;
  const from = Math.max(0, at - 12);
  const excerpt = (text: string) => `${from > 0 ? '…' : ''}${brief(text.slice(from, at + 28), 48)}`;
  return `Body text differs from character ${at + 1} (line ${line}): baseline ${excerpt(baseline)}, candidate ${excerpt(candidate)}.`;
}

function explainValues(changes: readonly Change[]): { sentences: string[]; summary: string[] } {
  const values = changes.filter((c) => c.op === 'value');
  const moves = changes.filter((c) => c.op === 'moved');
  const sentences: string[] = [];
  const summary: string[] = [];
  const first = values[0];
  if (first !== undefined && first.path === '') {
    sentences.push(bodyDifference(first.baseline, first.candidate));
    summary.push('body differs');
  } else if (first !== undefined && values.length === 1) {
    sentences.push(
      `Value differs at ${code(first.path)}: ${brief(first.baseline)} → ${brief(first.candidate)}.`,
    );
    summary.push(`value differs at ${code(first.path)}`);
  } else if (values.length > 1) {
    const items = values.map(
      (c) => `${code(c.path)} (${brief(c.baseline, 24)} → ${brief(c.candidate, 24)})`,
    );
    sentences.push(`Values differ at ${values.length} paths: ${listSome(items)}.`);
    summary.push(`values differ at ${plural(values.length, 'path')}`);
  }
  if (moves.length > 0) {
    const items = moves.map((c) => `${code(c.path)} moved to index ${String(c.candidate)}`);
    sentences.push(`Array order differs: ${listSome(items)}.`);
    summary.push(`${plural(moves.length, 'element')} moved`);
  }
  return { sentences, summary };
}

/** A header's value as written on the wire (a code span: an ETag's quotes are its own). */
function headerValue(value: string | undefined): string {
  return value === undefined ? 'absent' : codeSpan(shorten(value, 40));
}

function explainHeaders(
  headers: readonly HeaderChange[],
): { sentence: string; summary: string } | undefined {
  const first = headers[0];
  if (first === undefined) return undefined;
  if (headers.length === 1) {
    return {
      sentence: `Header ${codeSpan(first.name)} differs: baseline ${headerValue(first.baseline)}, candidate ${headerValue(first.candidate)}.`,
      summary: `header ${codeSpan(first.name)} differs`,
    };
  }
  const items = headers.map(
    (h) => `${codeSpan(h.name)} (${headerValue(h.baseline)} → ${headerValue(h.candidate)})`,
  );
  return {
    sentence: `Headers differ: ${listSome(items)}.`,
    summary: `${plural(headers.length, 'header')} differ`,
  };
}
