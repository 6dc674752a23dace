/**
 * One refusal reason on several endpoints (issue 43, tracker rule 30). A
 * transition where one side accepted and the other refused stays its
 * endpoint's row (rule 4: what each endpoint supports), but a side that
 * refuses two endpoints or more with **the same specific reason** (etcd's
 * `etcdserver: key is not provided` to a put and to a range without a key,
 * where the other side accepts both) makes one check on all of them: one
 * cause, keyed by the statuses (so the refusing side) and the reason, any
 * method and path (`ANY_ROUTE`, `* *`), its row listing the endpoints.
 *
 * A reason is **specific** when the run's evidence says it names one cause:
 *
 * - it says something in words: two words or more once the status it names
 *   (its leading reason phrases and values: `Bad Request`, `404 Not Found`)
 *   is left out; a reason phrase or one word alone (`invalid_request`) names
 *   a status or an error's kind, never why;
 * - the refusing side never gives it on an answer **both sides refused**
 *   where the other side gave another reason, or none: a message a side
 *   answers to refusals of other kinds is its catch-all (`invalid request`
 *   for a missing field and for a bad token), and two endpoints that share
 *   it share nothing more. An answer the other side refused with `404`,
 *   `405`, `410` or `501` is no such evidence: its router read nothing of
 *   the request, so its refusal is of no kind the message could be compared
 *   with (antietcd's `content-type should be application/json` to a `GET`
 *   etcd answers `405`). A refusal the other side answered with a success
 *   status but refused in its body (a refusal member at its top, an XML-RPC
 *   fault: rule 29) is both sides refusing: opentracker's one `Invalid
 *   Request` page against bittorrent-tracker's `200` with a bencoded
 *   `failure reason: invalid info_hash` makes that page a catch-all.
 *
 * A word list alone would tune the rule to the words of the pairs it was
 * written on; the second test reads what the refusing side says elsewhere
 * in the same run. A refusal whose body is of another kind than the
 * accepting side's (a text message against a JSON record) holds no reason
 * in its changes (`{"kind": "text"}`): its reason is read from the body the
 * answer keeps. Kept apart: another reason (the PKCE checks of a token and
 * an authorize endpoint, each worded its own way: one row only because both
 * name the parameter they check, `checked-parameters.ts`), a generic reason, a
 * route, method or feature missing on the refusing side (`404`, `405`,
 * `410`, `501`: the router answers every feature it lacks alike, and rule 4
 * keeps each such feature a decision), and answers both sides refused
 * (other rules). Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { REASON_PHRASES } from '../../util/reason-phrases.js';
import { refusesInBody } from './body-refusals.js';
import type { AnswerBodies } from './optional-members.js';
import { bodyReason, refusingSide } from './refusal.js';
import { ANY_ROUTE, causeKey } from './root-cause.js';

type StatusCause = RootCause & { type: 'status' };
type Side = 'baseline' | 'candidate';

/** An answer as the run saw it: both statuses, both bodies (a result's preview), its findings. */
export interface ReasonAnswer {
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: AnswerBodies;
  readonly findings: readonly Pick<Finding, 'cause'>[];
  /** The media type the request's body declares and does not parse as (`malformed-request.ts`). */
  readonly request?: { readonly malformed?: 'JSON' | 'XML' | undefined } | undefined;
}

/** What the run's answers say of the refusing sides' reasons (see the module comment). */
export interface RefusalEvidence {
  /** Each side's catch-alls, by `reasonOf`: reasons it gives where both sides refused. */
  readonly catchAll: ReadonlySet<string>;
  /**
   * By cause key: the reason the refusing side's body gives, for a status
   * cause that holds none (its body is of another kind than the accepting
   * side's, so its changes hold no text: `{"kind": "text"}`).
   */
  readonly read: ReadonlyMap<string, string>;
  /**
   * By cause key: the media type of the malformed requests a status cause
   * was seen on, where it was seen on no other request (rule 40).
   */
  readonly malformed: ReadonlyMap<string, 'JSON' | 'XML'>;
}

/** No evidence: no catch-all known, no reason read from a body. */
export const NO_REFUSAL_EVIDENCE: RefusalEvidence = {
  catchAll: new Set(),
  read: new Map(),
  malformed: new Map(),
};

/**
 * By cause key, the media type of the malformed requests each status cause
 * with a reason shows on; a cause also seen on a request that parses is none.
 */
function malformedCauses(answers: Iterable<ReasonAnswer>): Map<string, 'JSON' | 'XML'> {
  const kinds = new Map<string, 'JSON' | 'XML' | null>();
  for (const { findings, request } of answers) {
    for (const { cause } of findings) {
      if (cause.type !== 'status' || cause.reason === undefined) continue;
      const key = causeKey(cause);
      const kind = request?.malformed ?? null;
      kinds.set(key, kinds.has(key) && kinds.get(key) !== kind ? null : kind);
    }
  }
  const out = new Map<string, 'JSON' | 'XML'>();
  for (const [key, kind] of kinds) if (kind !== null) out.set(key, kind);
  return out;
}

/**
 * Statuses a route, method or feature missing on that side answers (`404`,
 * `405`, `410`, `501`): the router's answer, one message for every feature
 * it lacks, never one check (rules 4, 24, 28).
 */
const MISSING: ReadonlySet<number> = new Set([404, 405, 410, 501]);

function reasonOf(side: Side, reason: string): string {
  return JSON.stringify([side, reason]);
}

/**
 * Each side's catch-alls (reasons it gives on an answer both sides refused,
 * ≥ 400, where the other side's reason differs or it gave none), and the
 * reasons the refusing side's body gives where a status cause holds none.
 */
export function refusalEvidence(answers: readonly ReasonAnswer[]): RefusalEvidence {
  const catchAll = new Set<string>();
  const read = new Map<string, string>();
  for (const { baseline, candidate, bodies, findings } of answers) {
    if (bodies === undefined) continue;
    const b = baseline?.status ?? 0;
    const c = candidate?.status ?? 0;
    const refusing = refusingSide(b, c);
    if (refusing !== undefined) {
      const reason = bodyReason(bodies[refusing]);
      if (reason === undefined) continue;
      for (const { cause } of findings) {
        if (cause.type === 'status' && cause.reason === undefined)
          read.set(causeKey(cause), reason);
      }
      // The other side answered with a success status but refused in its body
      // (rule 29's refusal): both refused, the other for a reason of its own.
      const other = bodies[refusing === 'baseline' ? 'candidate' : 'baseline'];
      if (refusesInBody(other) && bodyReason(other) !== reason) {
        catchAll.add(reasonOf(refusing, reason));
      }
      continue;
    }
    if (b < 400 || c < 400) continue;
    const own = bodyReason(bodies.baseline);
    const other = bodyReason(bodies.candidate);
    if (own === other) continue;
    // The other side's router (no such route or method) read nothing: no reason of another kind.
    if (own !== undefined && !MISSING.has(c)) catchAll.add(reasonOf('baseline', own));
    if (other !== undefined && !MISSING.has(b)) catchAll.add(reasonOf('candidate', other));
  }
  return { catchAll, read, malformed: malformedCauses(answers) };
}

/** Every status's reason phrase, longest first, at the start of a text (`^Not[\s_]*Found`). */
const LEADING_PHRASE = new RegExp(
  `^(?:${Object.values(REASON_PHRASES)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s_]+/g, '[\\s_]*'))
    .join('|')})(?![A-Za-z])`,
  'i',
);

/**
 * True when `reason` holds two words or more once the status it names is
 * left out: its leading reason phrases and values (an envelope's `Not Found`
 * or `404` before the message), never a phrase's words inside the message
 * (`item … not found` says why).
 */
export function saysWhy(reason: string): boolean {
  let rest = reason.trim();
  for (;;) {
    const next = rest.replace(LEADING_PHRASE, '').replace(/^[^A-Za-z]+/, '');
    if (next === rest) break;
    rest = next;
  }
  return rest.split(/\s+/).filter((word) => /[A-Za-z]{2}/.test(word)).length >= 2;
}

/**
 * The cause a transition where one side accepted and the other refused
 * recurs as when its reason is specific (see the module comment): its
 * statuses and reason on any endpoint. Undefined when it is none of these.
 */
export function sharedReason(
  cause: StatusCause,
  evidence: RefusalEvidence,
): StatusCause | undefined {
  if (cause.redirect !== undefined || cause.document !== undefined) return undefined;
  const refusing = refusingSide(cause.baseline, cause.candidate);
  if (refusing === undefined || MISSING.has(cause[refusing])) return undefined;
  const reason = cause.reason ?? evidence.read.get(causeKey(cause));
  if (reason === undefined || !saysWhy(reason)) return undefined;
  if (evidence.catchAll.has(reasonOf(refusing, reason))) return undefined;
  return { ...cause, endpoint: ANY_ROUTE, reason };
}
