/**
 * What a body of another kind, or a whole text body that differs, belongs
 * to across the run's answers (issue 43), once every answer is seen:
 *
 * - **The status's.** A body change (a change of body kind, `4xx bodies:
 *   empty vs text`; a whole text body that differs, keyed by what changed,
 *   `text-bodies.ts`) seen only on answers whose status differs is part of
 *   that answer's status finding: the two servers answered two statuses, so
 *   they wrote two bodies (an empty `404` against a `400` page; each
 *   server's page for its own status). This generalises the body a status
 *   defines (`204`, `207`: `findings.ts`). Kept apart: a body change also
 *   seen on an answer whose statuses agree (then the bodies are a question
 *   of their own, wherever they show).
 * - **The headers that describe it** (tracker rule 41): a `content-type`,
 *   `content-length`, `content-encoding` or `content-language` that differs
 *   only on answers whose status differs and whose bodies are the status's
 *   (or absent) is part of the status finding too: a `405` with no body and
 *   no `content-type` against a `404` page labelled `text/html`. Kept apart:
 *   the same header difference on an answer whose statuses agree, or beside
 *   a body change of its own.
 * - **One side's error bodies.** Within one error class (`4xx`, `5xx`),
 *   when every change of body kind has the same kind on one side (the
 *   baseline's error bodies are text on each of them) and the other side
 *   writes two kinds or more (empty on a `412`, bytes on a `404`), they are
 *   one cause: how that other side writes its errors (one error handler per
 *   server). Kept apart: a class where neither side keeps one kind, success
 *   answers (`2xx`: each endpoint's answer is its own), and an empty body
 *   where that other side writes an error document (JSON, XML) on other
 *   answers of the class: its handler explains those, so the error it
 *   answers with nothing is a choice of its own, its own row.
 *
 * Only answers count: a finding that is a consequence of an earlier write
 * is left out by the caller. Pure.
 */

import type { Finding, RootCause } from '../../contract/root-cause.js';
import { describesBody } from './findings.js';
import { ownKey } from './recurring-causes.js';
import { ANY_ENDPOINT, causeKey } from './root-cause.js';

/** The other side's kind of a body-kind cause that stands for several (`4xx bodies: text vs other kinds`). */
export const OTHER_KINDS = '*';

/** One answer's findings, as the clustering reads them. */
interface Answer {
  readonly findings: readonly Pick<Finding, 'cause' | 'paths'>[];
}

/** A body cause, keyed by what changed wherever it shows; undefined for other causes. */
export function bodyKey(cause: RootCause): string | undefined {
  if (cause.type === 'body-kind') return causeKey(cause);
  if (cause.type !== 'structure' || cause.difference === undefined) return undefined;
  return causeKey({ ...cause, endpoint: ANY_ENDPOINT });
}

/**
 * By own key (`ownKey`): the body causes of answers whose status differs
 * that no answer with agreeing statuses shows, and the header causes that
 * describe those bodies (see the module comment).
 */
export function bodiesOfStatus(answers: readonly Answer[]): ReadonlySet<string> {
  const bodies = bodyCausesOfStatus(answers);
  const headers = headersOfStatus(answers, bodies);
  if (headers.size === 0) return bodies;
  return new Set([...bodies, ...headers]);
}

/** The body causes of answers whose status differs that no answer with agreeing statuses shows. */
function bodyCausesOfStatus(answers: readonly Answer[]): ReadonlySet<string> {
  const alone = new Set<string>();
  const withStatus = new Map<string, Set<string>>();
  for (const { findings } of answers) {
    const status = findings.some(({ cause }) => cause.type === 'status');
    for (const { cause } of findings) {
      const key = bodyKey(cause);
      if (key === undefined) continue;
      if (!status) {
        alone.add(key);
        continue;
      }
      const owns = withStatus.get(key) ?? new Set<string>();
      withStatus.set(key, owns);
      owns.add(ownKey(cause));
    }
  }
  const out = new Set<string>();
  for (const [key, owns] of withStatus) {
    if (alone.has(key)) continue;
    for (const own of owns) out.add(own);
  }
  return out;
}

/**
 * By own key: the header causes of a header that describes the body
 * (`describesBody`: `content-type`, `content-length`, `content-encoding`,
 * `content-language`) shown only on answers whose status differs and whose
 * body has no finding of its own: each finding but the status's and the
 * headers' is a body cause of the status (`bodies`), or there is none (a
 * `HEAD`, two empty bodies). Kept apart: the same header difference on an
 * answer whose statuses agree, or beside a body change of its own (then
 * the label is a question of its own, wherever it shows).
 */
function headersOfStatus(
  answers: readonly Answer[],
  bodies: ReadonlySet<string>,
): ReadonlySet<string> {
  const alone = new Set<string>();
  const withStatus = new Set<string>();
  for (const { findings } of answers) {
    const status = findings.some(({ cause }) => cause.type === 'status');
    const ownBody = findings.some(
      ({ cause }) =>
        cause.type !== 'status' && cause.type !== 'header' && !bodies.has(ownKey(cause)),
    );
    for (const { cause } of findings) {
      if (cause.type !== 'header' || !describesBody(cause.name)) continue;
      (status && !ownBody ? withStatus : alone).add(ownKey(cause));
    }
  }
  return new Set([...withStatus].filter((key) => !alone.has(key)));
}

const ERROR_CLASSES: ReadonlySet<string> = new Set(['4xx', '5xx']);

type BodyKindCause = RootCause & { type: 'body-kind' };

/**
 * By cause key: the body-kind causes of one error class that are one
 * side's error bodies (see the module comment), each with the cause they
 * are part of. `joined`: own keys of causes that are a status's (left out).
 */
export function errorBodies(
  answers: readonly Answer[],
  joined: ReadonlySet<string>,
): ReadonlyMap<string, RootCause> {
  const byClass = new Map<string, Map<string, BodyKindCause>>();
  for (const { findings } of answers) {
    for (const { cause } of findings) {
      if (cause.type !== 'body-kind' || !ERROR_CLASSES.has(cause.statusClass)) continue;
      const key = causeKey(cause);
      if (joined.has(key) || cause.baseline === OTHER_KINDS || cause.candidate === OTHER_KINDS) {
        continue;
      }
      const causes = byClass.get(cause.statusClass) ?? new Map<string, BodyKindCause>();
      byClass.set(cause.statusClass, causes);
      causes.set(key, cause);
    }
  }
  const out = new Map<string, RootCause>();
  for (const [statusClass, causes] of byClass) {
    const all = [...causes.values()];
    if (all.length < 2) continue;
    const one = (side: 'baseline' | 'candidate') => new Set(all.map((c) => c[side])).size === 1;
    const kept = one('baseline') ? 'baseline' : one('candidate') ? 'candidate' : undefined;
    if (kept === undefined) continue;
    const other = kept === 'baseline' ? 'candidate' : 'baseline';
    const joined = withoutUnexplained(all, other);
    const [first] = joined;
    if (first === undefined || joined.length < 2) continue;
    const cause: RootCause =
      kept === 'baseline'
        ? { type: 'body-kind', statusClass, baseline: first.baseline, candidate: OTHER_KINDS }
        : { type: 'body-kind', statusClass, baseline: OTHER_KINDS, candidate: first.candidate };
    for (const one of joined) out.set(causeKey(one), cause);
  }
  return out;
}

/** Kinds of error document: a side that writes one explains its errors in it. */
const DOCUMENTS: ReadonlySet<string> = new Set(['json', 'xml', 'bencode']);

/**
 * The causes of one side's error bodies without those where it wrote nothing
 * (`empty`) while it writes an error document (JSON, XML, bencode) on others of the
 * class: its error handler explains every other error, so an answer with no
 * body is a choice of its own (the one error it leaves unexplained).
 */
function withoutUnexplained(
  causes: readonly BodyKindCause[],
  side: 'baseline' | 'candidate',
): BodyKindCause[] {
  if (!causes.some((cause) => DOCUMENTS.has(cause[side]))) return [...causes];
  return causes.filter((cause) => cause[side] !== 'empty');
}
