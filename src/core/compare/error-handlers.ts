/**
 * One side's error handler, whatever the method (issue 43). A server that
 * writes its refusals through an error handler of its own answers each of
 * them with one error document (`{"error": "invalid_request",
 * "error_description": …}`), where the other lets them through to its
 * framework's error page (Express's HTML page with the stack trace, its
 * status the error's own: `500` for a crash, `400` for a body it could not
 * parse). Each answer then shows a status transition keyed by its endpoint
 * (`500 → 400 on POST /token`, `500 → 400 on several GET endpoints`) or,
 * where the statuses agree, a change of body kind (`4xx bodies: text vs
 * JSON`): rows per method and per status for one decision, how each side
 * answers what it refuses.
 *
 * The rule, once the run has seen every answer: answers that **both sides
 * refused** (≥ 400), where one side answers a **text page** and the other
 * an **error document** (JSON or XML), are one cause when, over two answers
 * or more, the pages have one title (an HTML `<title>`, or none) and the
 * documents **one shape** (the same members of the same JSON types, at
 * every depth), whatever the method, the endpoint and the two statuses.
 * Their status transitions and body-kind changes join it when no answer
 * outside it shows them, and when it joins two of them or more (one row
 * already is one row). The cause is a body-kind cause of the class `error`
 * with the document's shape and the page's title: ``error answers: baseline
 * text pages (`Error`) vs candidate JSON error documents {`error`,
 * `error_description`}``.
 *
 * **Kept apart**: an answer a side accepted (what each endpoint supports:
 * rule 4), an answer where a side answers `404`, `405` or `410` (the route,
 * method or target is missing on that side: the router's answer, a question
 * of its own), another page title, a document of another shape (another
 * handler, or the same one naming other things: its own row), documents
 * that name two codes (`documentCodes`: `{"code": 11}` against `{"code":
 * 23}` beside one crash page; each code its own row, named in its words),
 * an empty body
 * or bytes (no page), two documents, a document a preview cut (its shape is
 * unknown), and a cause also shown by an answer outside the group. A route
 * one side refuses whole (`refusal-gates.ts`) keeps its row. Pure.
 */
import type { RootCause } from '../../contract/root-cause.js';
import { isJsonObject } from '../normalise/json.js';
import { ownKey } from './recurring-causes.js';
import { type GateAnswer, titleOf } from './refusal-gates.js';

/** The status class of a body-kind cause that stands for one side's error handler. */
export const ERROR_ANSWERS = 'error';

/** Statuses that say the route, method or target is missing on that side: the router's answer. */
const MISSING: ReadonlySet<number> = new Set([404, 405, 410]);

/** Kinds of error document. */
const DOCUMENTS: ReadonlySet<string> = new Set(['json', 'xml', 'bencode']);

/** How deep a document's shape is read: an error document is shallow. */
const SHAPE_DEPTH = 4;

type Side = 'baseline' | 'candidate';

/**
 * A document's shape: its members' names and JSON types at every depth
 * (`error:string,error_description:string`; a nested object in braces, a
 * list as `[]`), never values. Undefined for a body that is no object.
 */
export function documentShape(value: unknown, depth = 0): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const members = Object.keys(value)
    .sort()
    .map((name) => `${name}:${typeShape(value[name], depth + 1)}`);
  return members.length === 0 ? undefined : members.join(',');
}

function typeShape(value: unknown, depth: number): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[]';
  if (isJsonObject(value)) {
    return depth >= SHAPE_DEPTH ? 'object' : `{${documentShape(value, depth) ?? ''}}`;
  }
  return typeof value;
}

/** The largest code read as a refusal's code: an id or a time is no code. */
const CODE_MAX = 99_999;

/**
 * The codes a document names its refusal by: each member (at the depth its
 * shape is read, never in a list) whose value is an integer of five digits
 * or fewer that is neither answer's status (`{"code":1,"message":…}` →
 * `/code=1`; Fastify's `statusCode` echoes the status, no code), joined
 * with `&`; empty for none.
 */
export function documentCodes(value: unknown, statuses: readonly number[], at = ''): string {
  if (!isJsonObject(value) || at.split('/').length > SHAPE_DEPTH) return '';
  const codes: string[] = [];
  for (const name of Object.keys(value).sort()) {
    const member = value[name];
    const path = `${at}/${name}`;
    if (isJsonObject(member)) {
      const inner = documentCodes(member, statuses, path);
      if (inner !== '') codes.push(inner);
    } else if (
      typeof member === 'number' &&
      Number.isInteger(member) &&
      Math.abs(member) <= CODE_MAX &&
      !statuses.includes(member)
    ) {
      codes.push(`${path}=${member}`);
    }
  }
  return codes.join('&');
}

/** What one answer says of the handlers: its key (page side, title, document), or undefined. */
function handlerKeyOf(
  answer: GateAnswer,
): { key: string; cause: RootCause; codes: string } | undefined {
  const b = answer.baseline;
  const c = answer.candidate;
  if (b?.status === undefined || c?.status === undefined) return undefined;
  if (b.status < 400 || c.status < 400 || MISSING.has(b.status) || MISSING.has(c.status)) {
    return undefined;
  }
  const page: Side | undefined =
    b.bodyKind === 'text' && DOCUMENTS.has(c.bodyKind ?? '')
      ? 'baseline'
      : c.bodyKind === 'text' && DOCUMENTS.has(b.bodyKind ?? '')
        ? 'candidate'
        : undefined;
  const { bodies } = answer;
  if (page === undefined || bodies === undefined) return undefined;
  const document: Side = page === 'baseline' ? 'candidate' : 'baseline';
  if (bodies.cut?.[document] !== undefined) return undefined;
  const shape = documentShape(bodies[document]);
  const documentKind = answer[document]?.bodyKind;
  if (shape === undefined || documentKind === undefined) return undefined;
  const title = titleOf(bodies[page]);
  const cause: RootCause = {
    type: 'body-kind',
    statusClass: ERROR_ANSWERS,
    baseline: page === 'baseline' ? 'text' : documentKind,
    candidate: page === 'candidate' ? 'text' : documentKind,
    document: shape,
    ...(title === undefined ? {} : { page: title }),
  };
  const codes = documentCodes(bodies[document], [b.status, c.status]);
  return { key: JSON.stringify([page, title ?? '', documentKind, shape]), cause, codes };
}

/** The causes an error handler's answers may show: status transitions and changes of body kind. */
function joins(cause: RootCause): boolean {
  return cause.type === 'status' || cause.type === 'body-kind';
}

/** Answers of one handler's key: per code their documents name (`documentCodes`), their cases and own keys. */
interface Group {
  readonly cause: RootCause;
  readonly byCodes: Map<string, { cases: Set<string>; owns: Set<string> }>;
}

/**
 * A handler's answers, one part per code where its documents name two codes
 * or more (two reasons refused: the page side let two errors through, each
 * its own decision), each part's cause naming its code; else one part.
 */
function partsOf({
  cause,
  byCodes,
}: Group): { cause: RootCause; cases: Set<string>; owns: Set<string> }[] {
  const parts = [...byCodes.entries()];
  if (parts.length === 1) return parts.map(([, part]) => ({ cause, ...part }));
  return parts.map(([codes, part]) => ({
    cause: codes === '' ? cause : { ...cause, codes },
    ...part,
  }));
}

/**
 * By own key (`ownKey`) of a status or body-kind cause: the error handler
 * it is part of (see the module comment). `claimed`: own keys another rule
 * holds already (a route refused whole), left out.
 */
export function errorHandlers(
  answers: readonly GateAnswer[],
  claimed: ReadonlySet<string> = new Set(),
): ReadonlyMap<string, RootCause> {
  const shownIn = new Map<string, Set<string>>();
  const groups = new Map<string, Group>();
  for (const answer of answers) {
    const owns = answer.findings
      .filter(({ cause }) => joins(cause) && !claimed.has(ownKey(cause)))
      .map(({ cause }) => ownKey(cause));
    for (const own of owns) shownIn.set(own, (shownIn.get(own) ?? new Set()).add(answer.caseId));
    const handler = handlerKeyOf(answer);
    if (handler === undefined || owns.length === 0) continue;
    const group = groups.get(handler.key) ?? { cause: handler.cause, byCodes: new Map() };
    groups.set(handler.key, group);
    const part = group.byCodes.get(handler.codes) ?? { cases: new Set(), owns: new Set() };
    group.byCodes.set(handler.codes, part);
    part.cases.add(answer.caseId);
    for (const own of owns) part.owns.add(own);
  }
  const out = new Map<string, RootCause>();
  for (const { cause, cases, owns } of [...groups.values()].flatMap(partsOf)) {
    if (cases.size < 2) continue;
    const joined = [...owns].filter((own) =>
      [...(shownIn.get(own) ?? [])].every((id) => cases.has(id)),
    );
    if (joined.length < 2) continue;
    for (const own of joined) out.set(own, cause);
  }
  return out;
}
