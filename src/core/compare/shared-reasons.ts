/**
 * One refusal reason on several endpoints (issue 43, tracker rule 30). A
 * transition where one side accepted and the other refused stays its
 * endpoint's row (rule 4: what each endpoint supports), but a side that
 * refuses two endpoints or more with **the same specific reason** (etcd's
 * `etcdserver: key is not provided` to a put and to a range without a key,
 * where the other side accepts both) makes one check on all of them: one
 * cause, keyed by the statuses (so the refusing side) and the reason, any
 * method and path (`REDIRECT_ENDPOINT`, `* *`), its row listing the endpoints.
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
 *   it share nothing more.
 *
 * A word list alone would tune the rule to the words of the pairs it was
 * written on; the second test reads what the refusing side says elsewhere
 * in the same run. Kept apart: another reason (the PKCE checks of a token
 * and an authorize endpoint, each worded its own way), a generic reason,
 * and answers both sides refused (other rules). Pure.
 */

import type { RootCause } from '../../contract/root-cause.js';
import { REASON_PHRASES } from '../../util/reason-phrases.js';
import type { AnswerBodies } from './optional-members.js';
import { bodyReason } from './refusal.js';
import { REDIRECT_ENDPOINT } from './root-cause.js';

type StatusCause = RootCause & { type: 'status' };
type Side = 'baseline' | 'candidate';

/** An answer as the run saw it: both statuses and both bodies (a result's preview). */
export interface ReasonAnswer {
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: AnswerBodies;
}

/** The reasons a side gives where both refused, each side's key (`reasonOf`). */
export type CatchAllReasons = ReadonlySet<string>;

function reasonOf(side: Side, reason: string): string {
  return JSON.stringify([side, reason]);
}

/**
 * Each side's reasons given on an answer both sides refused (≥ 400) where
 * the other side's reason differs (or it gave none): that side's catch-alls.
 */
export function catchAllReasons(answers: Iterable<ReasonAnswer>): CatchAllReasons {
  const out = new Set<string>();
  for (const { baseline, candidate, bodies } of answers) {
    if (bodies === undefined) continue;
    if ((baseline?.status ?? 0) < 400 || (candidate?.status ?? 0) < 400) continue;
    const b = bodyReason(bodies.baseline);
    const c = bodyReason(bodies.candidate);
    if (b === c) continue;
    if (b !== undefined) out.add(reasonOf('baseline', b));
    if (c !== undefined) out.add(reasonOf('candidate', c));
  }
  return out;
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
  catchAll: CatchAllReasons,
): StatusCause | undefined {
  const { reason } = cause;
  if (reason === undefined || cause.redirect !== undefined || cause.document !== undefined) {
    return undefined;
  }
  const refusing: Side = cause.baseline >= 400 ? 'baseline' : 'candidate';
  if (!saysWhy(reason) || catchAll.has(reasonOf(refusing, reason))) return undefined;
  return { ...cause, endpoint: REDIRECT_ENDPOINT };
}
