/**
 * One side's checks of one request parameter (issue 43, tracker rule 33). A
 * transition where one side accepted and the other refused stays its
 * endpoint's row (rule 4), and rule 30 joins only refusals that give the
 * same reason. A side that checks a parameter refuses it in the words each
 * check has: oauth2-mock-server 8 refuses a token exchange with
 * `code_verifier provided does not match code_challenge` and an authorize
 * request with `Unsupported code_challenge method S512`, where 6 accepts
 * both. Both reasons name `code_challenge`, which the authorize request sent
 * and the exchange's flow sent at its authorize step: one side checks that
 * parameter, one decision, one row keyed by the side and the parameter
 * (``candidate refuses requests on `code_challenge`, where baseline accepts
 * them, on several endpoints``).
 *
 * An answer is evidence when one side refused it with a 4xx other than
 * `404`, `405`, `410` (the router's answer: the route or method is missing,
 * nothing was checked) and the other accepted it (< 400), the result holds
 * the names of the parameters its request and its flow's earlier steps sent
 * (`core/request/parameters.ts`: a name that a sent value holds is left out,
 * so a reason that only echoes a value names nothing), and the refusing
 * side's body says one of those names as a whole word (`code_challenge_method`
 * names `code_challenge_method`, never `code_challenge`: another parameter).
 * A parameter named so by the same side's refusals on two endpoints or more,
 * or with two transitions, is one row; its refusals on one endpoint with one
 * transition keep their rows (rule 4: the endpoint's own question).
 *
 * A name that is a plain word (letters, lower case but for the first: `name`,
 * `value`, `Scope`) may be the side's vocabulary rather than the parameter:
 * it is a parameter only when that side never says it where the request did
 * not send it (a refusal of another request, `invalid name` to a request
 * without `name`, shows the word is its own). A name no word is written so
 * (`code_challenge`, `StreamName`, `userName`, `x-api-key`): the reason
 * writes the identifier. The run's answers are the evidence, never a list of
 * generic words. Where a refusal names two parameters, it joins the one
 * named on the most endpoints (then the first by name). Kept apart: a
 * refusal already one row with others (rules 19, 30), refusals of the other
 * side, answers both sides refused (24, 28), and a parameter one refusal
 * alone names. Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { compareText, holdsWord } from '../../util/text.js';
import { bodyMessage } from './refusal.js';
import { ANY_ROUTE, causeKey } from './root-cause.js';

type Side = 'baseline' | 'candidate';
type StatusCause = RootCause & { type: 'status' };

/** An answer as the run saw it: both statuses, both bodies, its findings, the parameters it sent. */
export interface ParameterAnswer {
  readonly endpoint: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: {
    readonly baseline?: unknown;
    readonly candidate?: unknown;
  };
  readonly request?: { readonly parameters?: readonly string[] | undefined } | undefined;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

/** The router's statuses: a route, method or target missing, nothing checked. */
const ROUTER: ReadonlySet<number> = new Set([404, 405, 410]);

/** A refusal's own cause, with the parameters its reason names. */
interface Refusal {
  readonly key: string;
  readonly side: Side;
  readonly endpoint: string;
  readonly transition: string;
  readonly named: Set<string>;
}

/**
 * The words a side's body says, without the placeholders the run put where
 * each side's own values were (`{{path}}`, `{{origin}}`): a masked echo of a
 * value names no parameter.
 */
function messageOf(body: unknown): string | undefined {
  return bodyMessage(body)?.replace(/\{\{[^{}]*\}\}/g, '…');
}

function refusingSide(baseline: number, candidate: number): Side | undefined {
  const checks = (status: number) => status >= 400 && status < 500 && !ROUTER.has(status);
  if (checks(baseline) && candidate < 400) return 'baseline';
  if (checks(candidate) && baseline < 400) return 'candidate';
  return undefined;
}

/** A name written as a word of prose: letters only, lower case but for the first. */
function isPlainWord(name: string): boolean {
  return /^[A-Za-z][a-z]*$/.test(name);
}

/** By side: the plain words it says in refusals of requests that did not send them. */
function ownWords(answers: readonly ParameterAnswer[], names: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const answer of answers) {
    const sent = new Set(answer.request?.parameters ?? []);
    for (const side of ['baseline', 'candidate'] as const) {
      if ((answer[side]?.status ?? 0) < 400) continue;
      const message = messageOf(answer.bodies?.[side]);
      if (message === undefined) continue;
      for (const name of names) {
        if (!sent.has(name) && holdsWord(message, name)) words.add(JSON.stringify([side, name]));
      }
    }
  }
  return words;
}

/** Each refusal's own status cause, the parameters its refusing side's body names. */
function refusalsOf(
  answers: readonly ParameterAnswer[],
  joined: ReadonlyMap<string, RootCause>,
): Map<string, Refusal> {
  const out = new Map<string, Refusal>();
  for (const answer of answers) {
    const parameters = answer.request?.parameters;
    if (parameters === undefined || parameters.length === 0) continue;
    const side = refusingSide(answer.baseline?.status ?? 0, answer.candidate?.status ?? 0);
    if (side === undefined) continue;
    const message = messageOf(answer.bodies?.[side]);
    if (message === undefined) continue;
    const named = parameters.filter((name) => holdsWord(message, name));
    if (named.length === 0) continue;
    for (const { cause } of answer.findings) {
      if (cause.type !== 'status' || !isOwn(cause, answer.endpoint)) continue;
      const key = causeKey(cause);
      if (joined.has(key)) continue;
      const refusal = out.get(key) ?? {
        key,
        side,
        endpoint: answer.endpoint,
        transition: `${cause.baseline} ${cause.candidate}`,
        named: new Set<string>(),
      };
      for (const name of named) refusal.named.add(name);
      out.set(key, refusal);
    }
  }
  return out;
}

/** A status cause of its own endpoint: no redirect rule, no document, no route or method keying. */
function isOwn(cause: StatusCause, endpoint: string): boolean {
  return (
    cause.endpoint === endpoint && cause.redirect === undefined && cause.document === undefined
  );
}

/** True when a parameter's refusals are more than one endpoint's one question. */
function recurs(refusals: readonly Refusal[]): boolean {
  return (
    new Set(refusals.map((r) => r.endpoint)).size > 1 ||
    new Set(refusals.map((r) => r.transition)).size > 1
  );
}

/**
 * By cause key (`causeKey`) of a refusal's own status cause: the parameter
 * cause it is one of (see the module comment). `joined` holds the status
 * causes other rules already made one row with others (rules 19, 30).
 */
export function checkedParameters(
  answers: Iterable<ParameterAnswer>,
  joined: ReadonlyMap<string, RootCause> = new Map(),
): Map<string, RootCause> {
  const given = [...answers];
  const refusals = refusalsOf(given, joined);
  const groups = new Map<string, Refusal[]>();
  for (const refusal of refusals.values()) {
    for (const name of refusal.named) {
      const key = JSON.stringify([refusal.side, name]);
      groups.set(key, [...(groups.get(key) ?? []), refusal]);
    }
  }
  const plain = new Set([...refusals.values()].flatMap((r) => [...r.named].filter(isPlainWord)));
  const words = plain.size === 0 ? new Set<string>() : ownWords(given, plain);
  const endpointsOf = (members: readonly Refusal[]) => new Set(members.map((r) => r.endpoint)).size;
  // The parameter named on the most endpoints first, then by name: a refusal joins one row.
  const order = [...groups.entries()]
    .filter(([key]) => !words.has(key))
    .sort(([a, x], [b, y]) => endpointsOf(y) - endpointsOf(x) || compareText(a, b));
  const out = new Map<string, RootCause>();
  for (const [key, members] of order) {
    const free = members.filter((r) => !out.has(r.key));
    if (!recurs(free)) continue;
    const [side, parameter] = JSON.parse(key) as [Side, string];
    const cause: StatusCause = {
      type: 'status',
      endpoint: ANY_ROUTE,
      baseline: side === 'baseline' ? 400 : 0,
      candidate: side === 'candidate' ? 400 : 0,
      parameter,
    };
    for (const refusal of free) out.set(refusal.key, cause);
  }
  return out;
}
