/**
 * Assembles the `CaseResult` that report.json keeps for one case from the
 * exchange and its judgement. Pure. Bodies and repro commands are kept only
 * for cases that are not equal, so an equal case costs a few hundred bytes.
 */

import { endpointOf } from '../compare/endpoint.js';
import type { Judgement } from '../compare/judge.js';
import { curlCommand } from '../execute/curl.js';
import { planRequest } from '../execute/plan.js';
import type { Target } from '../model/case.js';
import type { Exchange, ResponseBody, SideOutcome } from '../model/exchange.js';
import type { Redactor } from '../redact/redact.js';
import { encodingNotes } from '../wire/notes.js';
import type { CaseResult, SideSummary } from './types.js';

/** Text bodies longer than this are cut in the report (the comparison used all of it). */
const MAX_REPORTED_TEXT = 64 * 1024;

export interface ResultContext {
  readonly baseline: Target;
  readonly candidate: Target;
  readonly redact: Redactor;
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

function bodyForReport(body: ResponseBody, redact: Redactor): unknown {
  switch (body.kind) {
    case 'empty':
      return null;
    case 'json':
    case 'xml':
      return redact.value(body.value);
    case 'text':
    case 'invalid-json':
    case 'invalid-xml': {
      const text = redact.text(body.text);
      return text.length > MAX_REPORTED_TEXT ? `${text.slice(0, MAX_REPORTED_TEXT)}…` : text;
    }
    case 'binary':
    case 'truncated':
      return { kind: body.kind, sha256: body.sha256, size: body.size };
    default: {
      const never: never = body;
      return never;
    }
  }
}

function sideBody(side: SideOutcome, redact: Redactor): unknown {
  return side.outcome === 'response' ? bodyForReport(side.response.body, redact) : null;
}

function redactHeader(redact: Redactor, name: string, value: string | undefined) {
  return value === undefined ? undefined : redact.header(name, value);
}

function expectationFailures(exchange: Exchange): string[] {
  const expected = exchange.case.expect.status;
  if (expected === undefined) return [];
  const failures: string[] = [];
  for (const side of ['baseline', 'candidate'] as const) {
    const outcome = exchange[side];
    if (outcome.outcome === 'response' && outcome.response.status !== expected) {
      failures.push(`${side} answered ${outcome.response.status}, expected ${expected}`);
    }
  }
  return failures;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function toCaseResult(
  exchange: Exchange,
  judgement: Judgement,
  context: ResultContext,
): CaseResult {
  const { request } = exchange.case;
  const divergence = judgement.divergence;
  const expectations = expectationFailures(exchange);
  const notes = encodingNotes(exchange.baseline, exchange.candidate);
  const fired = judgement.comparison?.equivalences;
  // Built field by field (no spreads): an equal case is the hot path of a large run.
  const base: Mutable<CaseResult> = {
    caseId: exchange.case.id,
    suite: exchange.case.suite,
    endpoint: endpointOf(request.method, request.path),
    request: { method: request.method, path: request.path },
    baseline: summarise(exchange.baseline),
    candidate: summarise(exchange.candidate),
    verdict: judgement.verdict,
    kinds: divergence?.kinds ?? [],
    changes: divergence?.changes ?? [],
    headerChanges: divergence?.headerChanges ?? [],
  };
  if (expectations.length > 0) base.expectations = expectations;
  if (notes.length > 0) {
    base.notes = notes.map((note) => ({ ...note, message: context.redact.text(note.message) }));
  }
  if (fired !== undefined && fired.length > 0) base.equivalences = fired;
  if (judgement.verdict === 'equal' || divergence === undefined) return base;
  const plan = planRequest(exchange.case);
  return {
    ...base,
    fingerprint: divergence.fingerprint,
    ...(divergence.pattern === undefined ? {} : { pattern: divergence.pattern }),
    explanation: context.redact.text(divergence.explanation),
    summary: context.redact.text(divergence.summary),
    changes: divergence.changes.map((change) => ({
      ...change,
      ...('baseline' in change ? { baseline: context.redact.value(change.baseline) } : {}),
      ...('candidate' in change ? { candidate: context.redact.value(change.candidate) } : {}),
    })),
    headerChanges: divergence.headerChanges.map((change) => ({
      name: change.name,
      baseline: redactHeader(context.redact, change.name, change.baseline),
      candidate: redactHeader(context.redact, change.name, change.candidate),
    })),
    repro: {
      baseline: curlCommand(plan, context.baseline, context.redact),
      candidate: curlCommand(plan, context.candidate, context.redact),
    },
    bodies: {
      baseline: sideBody(exchange.baseline, context.redact),
      candidate: sideBody(exchange.candidate, context.redact),
    },
  };
}
