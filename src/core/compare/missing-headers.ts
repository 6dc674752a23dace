/**
 * One side's refused writes that lack one request header (issue 43, tracker
 * rule 51). A transition where one side accepted and the other refused stays
 * its endpoint's row (rule 4), and rule 30 joins refusals on several
 * endpoints only by a specific reason their bodies share. A refusal with no
 * body says nothing; the evidence is then in the requests. TiddlyWiki 5.3.8
 * refuses a `PUT` and a `DELETE` of two routes `403` with an empty body where
 * 5.1.14 accepts both: neither request sent `X-Requested-With`, which every
 * write 5.3.8 accepted in the run sent. One check (a CSRF header) before
 * every write, one row keyed by the refusing side, its status and the header,
 * listing the endpoints: ``candidate refuses (403) writes without the
 * `x-requested-with` header, which baseline accepts, on several endpoints``.
 *
 * **Evidence**: answers to requests of a method that writes (not `GET`,
 * `HEAD`, `OPTIONS`, …) that one side refused with one 4xx status other than
 * the router's (`404`, `405`, `410`) and the same body (empty or identical),
 * where the other side accepted (< 400), on two endpoints or more; a header
 * (by name) that none of those requests sent and that **every** write the
 * refusing side accepted in the run sent (equal answers included: what the
 * run tallied as its results streamed past, `AcceptedWrites`), one write at
 * least. A header that describes the body a request sends (`content-type`,
 * `content-length`, any `content-*`) is the body's, never a check's: a
 * `DELETE` sends none where a `PUT` does. Kept apart: refusals where no such
 * header separates the refused writes from the accepted ones (rule 4, one
 * row per endpoint), refused writes of a method the refusing side accepted
 * no write of (`DELETE`s refused where only `POST`s, which alone sent an
 * `Idempotency-Key`, were accepted: the method may be refused whole),
 * refusals under two statuses or with two bodies (two
 * checks, or one check and another), refusals of safe methods (a read is no
 * write a header guards), a run where the refusing side accepted no write
 * (nothing to compare with), one endpoint alone, and a refusal another rule
 * already joined (19, 30, 33). Pure.
 */

import { isWriteMethod } from '../../contract/model/case.js';
import type { Finding, RootCause } from '../../contract/root-cause.js';
import { compareText } from '../../util/text.js';
import { ANY_ROUTE, causeKey } from './root-cause.js';
import type { WriteStatuses } from './write-statuses.js';

type Side = 'baseline' | 'candidate';
type StatusCause = RootCause & { type: 'status' };

/** What one side's accepted writes sent: how many, and the header names every one of them sent. */
export interface SideWrites {
  readonly accepted: number;
  /** Lower case; empty when no header was sent by every accepted write (or none was accepted). */
  readonly sent: ReadonlySet<string>;
  /** The methods (upper case) of the writes it accepted. */
  readonly methods: ReadonlySet<string>;
}

/** By side: the writes (requests of a method that writes) it accepted in the run (< 400). */
export interface AcceptedWrites {
  readonly baseline: SideWrites;
  readonly candidate: SideWrites;
  /**
   * The statuses of the writes both sides answered with a success (`2xx`),
   * one entry per method and pair of statuses, equal answers included
   * (`write-statuses.ts`, tracker rule 60); absent where not tallied.
   */
  readonly bothSucceeded?: readonly WriteStatuses[];
}

/** No write accepted: no evidence. */
export const NO_ACCEPTED_WRITES: AcceptedWrites = {
  baseline: { accepted: 0, sent: new Set(), methods: new Set() },
  candidate: { accepted: 0, sent: new Set(), methods: new Set() },
};

/** An answer as the run saw it: its endpoint, statuses, bodies, request and findings. */
export interface HeaderAnswer {
  readonly endpoint: string;
  readonly baseline?: { readonly status?: number | undefined };
  readonly candidate?: { readonly status?: number | undefined };
  readonly bodies?: { readonly baseline?: unknown; readonly candidate?: unknown };
  readonly request?:
    | { readonly method: string; readonly headers?: readonly string[] | undefined }
    | undefined;
  readonly findings: readonly Pick<Finding, 'cause'>[];
}

/** The router's statuses: a route, method or target missing, nothing checked. */
const ROUTER: ReadonlySet<number> = new Set([404, 405, 410]);

/** A header that describes the body the request sends: the body's, not a check's. */
function describesBody(name: string): boolean {
  return name.startsWith('content-') || name === 'transfer-encoding';
}

/** The side that refused with a check's status (a 4xx, not the router's) where the other accepted. */
function refusingSide(baseline: number, candidate: number): Side | undefined {
  const checks = (status: number) => status >= 400 && status < 500 && !ROUTER.has(status);
  const accepts = (status: number) => status >= 100 && status < 400;
  if (checks(baseline) && accepts(candidate)) return 'baseline';
  if (checks(candidate) && accepts(baseline)) return 'candidate';
  return undefined;
}

/** The refused writes of one side, one status and one body. */
interface RefusedWrites {
  readonly side: Side;
  readonly status: number;
  readonly endpoints: Set<string>;
  /** Their methods (upper case). */
  readonly methods: Set<string>;
  /** Every header any of them sent. */
  readonly sent: Set<string>;
  /** The cause keys of their own status findings. */
  readonly keys: Set<string>;
}

/** The refused writes grouped by side, status and body (see the module comment). */
function refusedWrites(
  answers: readonly HeaderAnswer[],
  joined: ReadonlyMap<string, RootCause>,
): Map<string, RefusedWrites> {
  const groups = new Map<string, RefusedWrites>();
  for (const answer of answers) {
    const { request } = answer;
    if (request === undefined || !isWriteMethod(request.method)) continue;
    const side = refusingSide(answer.baseline?.status ?? 0, answer.candidate?.status ?? 0);
    if (side === undefined) continue;
    const status = answer[side]?.status ?? 0;
    const own = answer.findings
      .map(({ cause }) => cause)
      .filter(
        (cause): cause is StatusCause =>
          cause.type === 'status' &&
          cause.endpoint === answer.endpoint &&
          cause.redirect === undefined &&
          cause.document === undefined,
      );
    if (own.length === 0) continue;
    const key = JSON.stringify([side, status, answer.bodies?.[side] ?? null]);
    const group = groups.get(key) ?? {
      side,
      status,
      endpoints: new Set<string>(),
      methods: new Set<string>(),
      sent: new Set<string>(),
      keys: new Set<string>(),
    };
    // A refusal another rule joined already: the group is not only this header's.
    if (own.some((cause) => joined.has(causeKey(cause)))) group.keys.add('');
    group.endpoints.add(answer.endpoint);
    group.methods.add(request.method.toUpperCase());
    for (const name of request.headers ?? []) group.sent.add(name.toLowerCase());
    for (const cause of own) group.keys.add(causeKey(cause));
    groups.set(key, group);
  }
  return groups;
}

/**
 * By cause key (`causeKey`) of a refused write's own status cause: the
 * header cause it is one of (see the module comment). `joined` holds the
 * status causes other rules already made one row with others.
 */
export function missingHeaders(
  answers: Iterable<HeaderAnswer>,
  accepted: AcceptedWrites,
  joined: ReadonlyMap<string, RootCause> = new Map(),
): Map<string, RootCause> {
  const out = new Map<string, RootCause>();
  for (const group of refusedWrites([...answers], joined).values()) {
    const writes = accepted[group.side];
    if (group.endpoints.size < 2 || writes.accepted === 0 || group.keys.has('')) continue;
    // A method the side accepted no write of may be refused whole (a side
    // that forbids deletes), whatever the headers: the header and the method
    // cannot be told apart, so each endpoint keeps its row (rule 4).
    if ([...group.methods].some((method) => !writes.methods.has(method))) continue;
    const [header] = [...writes.sent]
      .filter((name) => !describesBody(name) && !group.sent.has(name))
      .sort(compareText);
    if (header === undefined) continue;
    const cause: StatusCause = {
      type: 'status',
      endpoint: ANY_ROUTE,
      baseline: group.side === 'baseline' ? group.status : 0,
      candidate: group.side === 'candidate' ? group.status : 0,
      header,
    };
    for (const key of group.keys) out.set(key, cause);
  }
  return out;
}
