/**
 * Exchange → Comparison: status, allow-listed headers, normalised bodies.
 */

import type { Comparison } from '../../contract/model/comparison.js';
import type { Exchange, Response, ResponseBody } from '../../contract/model/exchange.js';
import type { HeaderChange } from '../../contract/observation.js';
import type { Rules } from '../../contract/rules/types.js';
import { isComparedHeader, normaliseHeaders } from '../normalise/headers.js';
import { isTreeBody } from '../wire/tree-body.js';
import { compareBodies, judgedBodies } from './bodies.js';
import { charsetLabelChange } from './charset-label.js';
import { applyEquivalences } from './equivalence/apply.js';
import { withEchoes } from './header-echoes.js';
import { malformedKind } from './malformed-request.js';
import { redirectRewrite } from './redirects.js';
import { faultsOf } from './xml-rpc-faults.js';

/**
 * Compare both sides of an exchange under the case's rules; `undefined` when
 * either side is a transport error (there is nothing to compare).
 */
export function compare(exchange: Exchange): Comparison | undefined {
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  const rules = exchange.case.rules;
  const [b, c] = judgedBodies(baseline.response, candidate.response);
  const body = compareBodies(b, c, rules);
  const status = statusOf(exchange.case.request.path, baseline.response, candidate.response);
  const malformed = status.equal ? undefined : malformedKind(exchange.case.request);
  const compared: Comparison = {
    status,
    headers: withEchoes(
      headersOf(baseline.response, candidate.response, rules, body.length > 0),
      exchange.case.request.headers,
    ),
    body,
    ...(b.kind === 'xml' && c.kind === 'xml' ? { xml: true as const } : {}),
    ...(b.kind === c.kind && isTreeBody(b) ? { documents: true as const } : {}),
    ...(malformed === undefined ? {} : { malformed }),
    ...faultsOf(b.kind === 'xml' ? b.value : undefined, c.kind === 'xml' ? c.value : undefined),
    ...(isText(b) && isText(c)
      ? { textType: textTypeOf(baseline.response, candidate.response) }
      : {}),
  };
  // Declared equivalences drop exactly the differences they cover, and say so.
  return applyEquivalences(compared, rules, { baseline: b, candidate: c });
}

/** The two statuses, with the rule a redirect only one side answered follows (`redirects.ts`). */
function statusOf(requestPath: string, baseline: Response, candidate: Response) {
  const status = {
    equal: baseline.status === candidate.status,
    baseline: baseline.status,
    candidate: candidate.status,
  };
  if (status.equal) return status;
  const redirects = (r: Response) => r.status >= 300 && r.status < 400;
  if (redirects(baseline) === redirects(candidate)) return status;
  const location = (redirects(baseline) ? baseline : candidate).headers.location;
  const redirect = location === undefined ? undefined : redirectRewrite(requestPath, location);
  return redirect === undefined ? status : { ...status, redirect };
}

/** A body compared as text: text, or JSON or XML that does not parse. */
function isText(body: ResponseBody): boolean {
  return body.kind === 'text' || body.kind === 'invalid-json' || body.kind === 'invalid-xml';
}

/** The media type of a response (`text/calendar`), without parameters; `''` without one. */
function mediaTypeOf(response: Response): string {
  const type = response.headers['content-type'] ?? '';
  return type.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The two sides' media types as `Comparison.textType` holds them. */
function textTypeOf(baseline: Response, candidate: Response): string {
  const [b, c] = [mediaTypeOf(baseline), mediaTypeOf(candidate)];
  return b === c ? b : `${b} vs ${c}`;
}

/**
 * The header changes, with a charset label that decides how an equal body is
 * read (`charset-label.ts`): the rest of `content-type` is compared without
 * its charset.
 */
function headersOf(
  baseline: Response,
  candidate: Response,
  rules: Rules,
  bodiesDiffer: boolean,
): HeaderChange[] {
  const changes = compareHeaders(baseline, candidate, rules);
  if (!isComparedHeader('content-type', rules)) return changes;
  const label = charsetLabelChange(baseline, candidate, bodiesDiffer);
  if (label === undefined) return changes;
  return [...changes, label].sort((x, y) => (x.name < y.name ? -1 : 1));
}

/** Allow-listed headers whose normalised values differ (or exist on one side only), by name. */
export function compareHeaders(
  baseline: Response,
  candidate: Response,
  rules: Rules,
): HeaderChange[] {
  const left = normaliseHeaders(baseline.headers, rules);
  const right = normaliseHeaders(candidate.headers, rules);
  const changes: HeaderChange[] = [];
  for (const name in left) {
    const b = left[name];
    const c = Object.hasOwn(right, name) ? right[name] : undefined;
    if (b !== c) changes.push({ name, baseline: b, candidate: c });
  }
  for (const name in right) {
    if (!Object.hasOwn(left, name))
      changes.push({ name, baseline: undefined, candidate: right[name] });
  }
  return changes.length > 1 ? changes.sort((x, y) => (x.name < y.name ? -1 : 1)) : changes;
}

/** True when the comparison found no difference at all. */
export function isEqual(comparison: Comparison): boolean {
  return comparison.status.equal && comparison.headers.length === 0 && comparison.body.length === 0;
}
