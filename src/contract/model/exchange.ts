/**
 * The exchange stage: what each side answered to one case (a decoded
 * response or a transport error).
 */
import type { SecondLookSkipped, TransportError } from '../observation.js';
import type { Case, FlowExchange } from './case.js';

/**
 * A decoded body. JSON numbers that a JS number cannot hold exactly are
 * `ExactNumber`s (`src/core/wire/exact-number.ts`); XML is a JSON-like tree
 * (`src/core/xml/tree.ts`), so pointers, rules and the differ work on both.
 */
export type ResponseBody =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'json';
      readonly value: unknown;
      /** The body text as received, kept for wire-encoding notes (the exchange is transient). */
      readonly text?: string;
    }
  | { readonly kind: 'invalid-json'; readonly text: string; readonly error: string }
  | {
      readonly kind: 'xml';
      readonly value: unknown;
      /** The body text as received, e.g. for captures by regex (the exchange is transient). */
      readonly text?: string;
    }
  | { readonly kind: 'invalid-xml'; readonly text: string; readonly error: string }
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'binary';
      readonly sha256: string;
      readonly size: number;
      /** Hex of the first bytes (`core/wire/bytes.ts`), for people. */
      readonly head?: string;
      /** Set when the body is bytes only because its content coding could not be undone: why. */
      readonly undecoded?: string;
      /**
       * The body's bytes, while the exchange lives (it is transient): a body
       * that differs is hashed again for its digests (`judge/results/body-digests.ts`).
       * Never written to a report.
       */
      readonly bytes?: Uint8Array;
    }
  /** Larger than the body cap: only the hash, size and first bytes of the whole body are known. */
  | {
      readonly kind: 'truncated';
      readonly sha256: string;
      readonly size: number;
      readonly head?: string;
    }
  /**
   * JSON or XML past the node budget (too many values, or nested too deep):
   * compared by the hash and size of its bytes, never parsed into a tree.
   */
  | {
      readonly kind: 'too-complex';
      readonly sha256: string;
      readonly size: number;
      readonly head?: string;
      /** The limit it went past, and that limit's value. */
      readonly limit: 'nodes' | 'depth';
      readonly budget: number;
    };

export interface Response {
  readonly status: number;
  /** Lower-case names; repeated headers joined with `, ` (set-cookie with `\n`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ResponseBody;
  /** Bytes on the wire (before content decoding). */
  readonly wireBytes: number;
  /**
   * The body after content decoding, kept only when the client was asked to
   * (`parity record` stores it); absent past the body cap.
   */
  readonly bytes?: Uint8Array;
  readonly durationMs: number;
}

export type SideOutcome =
  | { readonly outcome: 'response'; readonly response: Response }
  | {
      readonly outcome: 'transport-error';
      readonly error: TransportError;
      readonly durationMs: number;
    };

export interface Exchange {
  readonly case: Case;
  readonly baseline: SideOutcome;
  readonly candidate: SideOutcome;
  /** With `--noise`: the same request sent a second time to the baseline (or its replica). */
  readonly replica?: SideOutcome;
  /**
   * The second look (`engine/run/second-look.ts`): the same safe request sent once
   * more to each side that is asked over HTTP, when the two answers held
   * differing values of one format; evidence that a value is per-instance
   * (`core/normalise/changed.ts`).
   */
  readonly secondLook?: { readonly baseline?: SideOutcome; readonly candidate?: SideOutcome };
  /** A case worth a second look not sent again: its largest answer was over the bound (`secondLookBytes`). */
  readonly secondLookSkipped?: SecondLookSkipped;
  /** A flow step: each side's own request and variables (the requests differ by them). */
  readonly flow?: FlowExchange;
  /**
   * Where a side's own address was compared as `{{origin}}` (pointers,
   * `header NAME`, `body`): `core/normalise/origin.ts`.
   */
  readonly origin?: readonly string[];
  /**
   * Where both sides held a timestamp of one format stamped during the run,
   * compared as `{{stamped}}` (pointers): `core/normalise/stamps.ts`.
   */
  readonly stamped?: readonly string[];
  /**
   * Where both sides held a revision of one format derived from per-instance
   * values (`_rev`-style, an ETag), compared as `{{derived}}`: `core/normalise/derived.ts`.
   */
  readonly derived?: readonly string[];
  /**
   * Where both sides echoed a value each generated earlier in the same flow
   * or serial sequence, compared as `{{ref}}`: `core/normalise/references.ts`.
   */
  readonly echoed?: readonly string[];
  /**
   * Where both sides held a number each gives its own writes (a sequence,
   * proven by the run's writes), compared as `{{ref:N}}`: `core/normalise/sequence-ids.ts`.
   */
  readonly sequenced?: readonly string[];
  /**
   * Where both sides held a value each generated for itself, compared as
   * `{{generated}}`, each with its evidence (`/uuid (uuid on both sides, in
   * no request)`): `core/normalise/generated.ts`.
   */
  readonly generated?: readonly string[];
  /**
   * Where both sides held differing values of one id-like format with no
   * evidence that they are per-instance (pointers): still compared; `--noise`
   * (a replica) would settle them. `core/normalise/generated.ts`.
   */
  readonly unsettled?: readonly string[];
  /**
   * Where both sides held a list of the same elements in another order, with
   * evidence that each side sorts it by keys it drew that the answer does not
   * show (each a pointer and its evidence): its pointer is under `unsettled`
   * too. `core/normalise/drawn-order.ts`.
   */
  readonly reordered?: readonly string[];
}
