/**
 * The exchange stage: what each side answered to one case (a decoded
 * response or a transport error). Declared once, as zod schemas built on
 * first use (`exchangeSchemas`; nothing is built when the module loads); the
 * types are read off them. An exchange is transient and in memory: strict,
 * readonly, and it may hold bytes.
 */
import * as z from 'zod';
import { type Named, once } from '../../util/once.js';
import { observationBaseShape, sideSchema } from '../observation.js';
import { caseSchemas } from './case.js';

type CaseSchemas = ReturnType<typeof caseSchemas>;
/** The case's schema, declared by this name where an exchange holds it (see `Named`). */
interface CaseSchema extends Named<CaseSchemas['case']> {}
/** A flow step's exchange schema, declared by this name (see `Named`). */
interface FlowExchangeSchema extends Named<CaseSchemas['flowExchange']> {}

/** The schemas of one side's answer and of its parts (in-memory records: strict, readonly). */
const answerSchemas = once(() => {
  const { bytes } = caseSchemas();
  /** The hash, size and first bytes of a body known only by them. */
  const digest = {
    sha256: z.string(),
    size: z.number(),
    /** Hex of the first bytes (`core/wire/bytes.ts`), for people. */
    head: z.string().exactOptional(),
  };

  /**
   * A decoded body. JSON numbers that a JS number cannot hold exactly are
   * `ExactNumber`s (`src/core/wire/exact-number.ts`); XML and bencode are
   * JSON-like trees (`src/core/xml/tree.ts`, `src/core/wire/bencode.ts`), so
   * pointers, rules and the differ work on all three.
   */
  const responseBody = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('empty') }).readonly(),
    z
      .strictObject({
        kind: z.literal('json'),
        value: z.unknown(),
        /** The body text as received, kept for wire-encoding notes (the exchange is transient). */
        text: z.string().exactOptional(),
      })
      .readonly(),
    z
      .strictObject({ kind: z.literal('invalid-json'), text: z.string(), error: z.string() })
      .readonly(),
    z
      .strictObject({
        kind: z.literal('xml'),
        value: z.unknown(),
        /** The body text as received, e.g. for captures by regex (the exchange is transient). */
        text: z.string().exactOptional(),
      })
      .readonly(),
    z
      .strictObject({ kind: z.literal('invalid-xml'), text: z.string(), error: z.string() })
      .readonly(),
    z
      .strictObject({
        kind: z.literal('bencode'),
        /** A bencoded dictionary or list as a JSON-like tree (`src/core/wire/bencode.ts`). */
        value: z.unknown(),
        /** The body text as received, when it is valid UTF-8 (the exchange is transient). */
        text: z.string().exactOptional(),
      })
      .readonly(),
    z.strictObject({ kind: z.literal('text'), text: z.string() }).readonly(),
    z
      .strictObject({
        kind: z.literal('binary'),
        ...digest,
        /** Set when the body is bytes only because its content coding could not be undone: why. */
        undecoded: z.string().exactOptional(),
        /**
         * The body's bytes, while the exchange lives (it is transient): a body
         * that differs is hashed again for its digests (`judge/results/body-digests.ts`).
         * Never written to a report.
         */
        bytes: bytes.exactOptional(),
      })
      .readonly(),
    /** Larger than the body cap: only the hash, size and first bytes of the whole body are known. */
    z.strictObject({ kind: z.literal('truncated'), ...digest }).readonly(),
    /**
     * JSON or XML past the node budget (too many values, or nested too deep):
     * compared by the hash and size of its bytes, never parsed into a tree.
     */
    z
      .strictObject({
        kind: z.literal('too-complex'),
        ...digest,
        /** The limit it went past, and that limit's value. */
        limit: z.enum(['nodes', 'depth']),
        budget: z.number(),
      })
      .readonly(),
  ]);

  const response = z
    .strictObject({
      status: z.number(),
      /** Lower-case names; repeated headers joined with `, ` (set-cookie with `\n`). */
      headers: z.record(z.string(), z.string()).readonly(),
      body: responseBody,
      /** Bytes on the wire (before content decoding). */
      wireBytes: z.number(),
      /**
       * The body after content decoding, kept only when the client was asked to
       * (`parity record` stores it); absent past the body cap.
       */
      bytes: bytes.exactOptional(),
      durationMs: z.number(),
    })
    .readonly();

  /** A side's transport failure: the observation's (`TransportError`), fields and all. */
  const transportError = z.strictObject(sideSchema.shape.error.unwrap().shape).readonly();

  const sideOutcome = z.discriminatedUnion('outcome', [
    z.strictObject({ outcome: z.literal('response'), response }).readonly(),
    z
      .strictObject({
        outcome: z.literal('transport-error'),
        error: transportError,
        durationMs: z.number(),
      })
      .readonly(),
  ]);

  return { responseBody, response, sideOutcome };
});

/** One side's outcome schema, declared by this name where an exchange holds it (see `Named`). */
interface SideOutcomeSchema extends Named<ReturnType<typeof answerSchemas>['sideOutcome']> {}

/** The schemas of an exchange (an in-memory record: strict, readonly). */
export const exchangeSchemas = once(() => {
  const schemas = caseSchemas();
  const resolvedCase: CaseSchema = schemas.case;
  const flowExchange: FlowExchangeSchema = schemas.flowExchange;
  const sideOutcome: SideOutcomeSchema = answerSchemas().sideOutcome;
  const strings = z.array(z.string()).readonly();

  const exchange = z
    .strictObject({
      case: resolvedCase,
      baseline: sideOutcome,
      candidate: sideOutcome,
      /** With `--noise`: the same request sent a second time to the baseline (or its replica). */
      replica: sideOutcome.exactOptional(),
      /**
       * The second look (`engine/run/second-look.ts`): the same safe request sent once
       * more to each side that is asked over HTTP, when the two answers held
       * differing values of one format; evidence that a value is per-instance
       * (`core/normalise/changed.ts`).
       */
      secondLook: z
        .strictObject({
          baseline: sideOutcome.exactOptional(),
          candidate: sideOutcome.exactOptional(),
        })
        .readonly()
        .exactOptional(),
      /**
       * A read of a flow or serial sequence whose first answers differed and
       * whose second answers agreed: it is judged on the second ones, and
       * this says which side's answer changed (`core/normalise/raced.ts`).
       */
      raced: strings.exactOptional(),
      /** A case worth a second look not sent again: its largest answer was over the bound (`secondLookBytes`). */
      secondLookSkipped: z
        .strictObject(observationBaseShape.secondLookSkipped.unwrap().shape)
        .readonly()
        .exactOptional(),
      /** A flow step: each side's own request and variables (the requests differ by them). */
      flow: flowExchange.exactOptional(),
      /**
       * Where a side's own address was compared as `{{origin}}` (pointers,
       * `header NAME`, `body`): `core/normalise/origin.ts`.
       */
      origin: strings.exactOptional(),
      /**
       * Where both sides held a timestamp of one format stamped during the run,
       * compared as `{{stamped}}` (pointers): `core/normalise/stamps.ts`.
       */
      stamped: strings.exactOptional(),
      /**
       * Where both sides held a revision of one format derived from per-instance
       * values (`_rev`-style, an ETag), compared as `{{derived}}`: `core/normalise/derived.ts`.
       */
      derived: strings.exactOptional(),
      /**
       * Where both sides echoed a value each generated earlier in the same flow
       * or serial sequence, compared as `{{ref}}`: `core/normalise/references.ts`.
       */
      echoed: strings.exactOptional(),
      /**
       * Where both sides held a number each gives its own writes (a sequence,
       * proven by the run's writes), compared as `{{ref:N}}`: `core/normalise/sequence-ids.ts`.
       */
      sequenced: strings.exactOptional(),
      /**
       * Where both sides held a value each generated for itself, compared as
       * `{{generated}}`, each with its evidence (`/uuid (uuid on both sides, in
       * no request)`): `core/normalise/generated.ts`.
       */
      generated: strings.exactOptional(),
      /**
       * Where both sides held differing values of one id-like format with no
       * evidence that they are per-instance (pointers): still compared; `--noise`
       * (a replica) would settle them. `core/normalise/generated.ts`.
       */
      unsettled: strings.exactOptional(),
      /**
       * Where both sides held a list of the same elements in another order, with
       * evidence that each side sorts it by keys it drew that the answer does not
       * show (each a pointer and its evidence): its pointer is under `unsettled`
       * too. `core/normalise/drawn-order.ts`.
       */
      reordered: strings.exactOptional(),
    })
    .readonly();

  return { exchange };
});

type Schemas = ReturnType<typeof answerSchemas> & ReturnType<typeof exchangeSchemas>;

/** A decoded body: empty, JSON or XML (a value), invalid, text, bytes known by their hash. */
export type ResponseBody = z.output<Schemas['responseBody']>;
/** One side's decoded answer. */
export type Response = z.output<Schemas['response']>;
/** What one side did: answered, or failed in transport. */
export type SideOutcome = z.output<Schemas['sideOutcome']>;
/** A case sent to both sides: their answers or transport errors, and what judging them noted. */
export type Exchange = z.output<Schemas['exchange']>;
