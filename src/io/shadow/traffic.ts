/**
 * What shadow mode takes from live traffic: one request as a client sent it
 * (through the inline proxy, or as a copy a gateway mirrored to the sink),
 * and, through the proxy, the baseline's answer the client was served.
 * Pure types.
 */

import type { Pairs } from '../../contract/model/case.js';
import type { RawAnswer } from './answer.js';

export interface TrafficRequest {
  readonly method: string;
  /** The path and query as the client sent them (percent-encoded): `/v1/records/3?x=1`. */
  readonly target: string;
  /** Lower-case names, in the order sent; hop-by-hop and the gateway's own headers removed. */
  readonly headers: Pairs;
  readonly body: Uint8Array;
  /** The client's address: the gateway's forwarded header, else the socket's peer. */
  readonly client: string | undefined;
  /** The host the client asked for (the gateway's forwarded host header, else `host`). */
  readonly host: string | undefined;
}

/** A request taken from traffic, with the baseline's answer when the proxy serves it. */
export interface Mirrored {
  readonly request: TrafficRequest;
  /**
   * The proxy's: the baseline's answer as streamed to the client, once it has
   * ended (the request is handed over as soon as it is read, so the
   * candidate is asked while the baseline answers), as its bytes
   * (`answer.ts`: plain data, a worker thread can take them): a request
   * waiting in the queue holds bytes, outside the heap, and only a worker
   * decodes them (`old-space.ts`); its bytes, like the request's body, are
   * counted in the session's byte budget until the pair is judged or
   * dropped. Undefined when the baseline failed or the client went away;
   * `over-budget` when its bytes went past the budget (dropped, counted by
   * the listening side). Absent for the sink.
   */
  readonly baseline?: Promise<RawAnswer | undefined | 'over-budget'>;
}

/** Which placement the traffic comes from. */
export type ShadowMode = 'proxy' | 'sink';
