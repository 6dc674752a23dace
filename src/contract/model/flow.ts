/**
 * Flows: a case written as a sequence of steps whose later requests use
 * values captured from earlier answers. Captures are kept per target (each
 * runtime assigns its own ids and ETags), so each step is sent to the
 * baseline with the baseline's values and to the candidate with the
 * candidate's. These are the resolved shapes; the schema is in `cases/`.
 */

import type { SafeRegex } from '../../util/safe-regex.js';
import type { CaseRequest } from './request.js';

/** Where a capture takes its value from in a step's response. */
export type CaptureSource =
  /** An RFC 6901 pointer into a JSON body (or into an XML body's tree). */
  | { readonly kind: 'json'; readonly pointer: string }
  /** XPath-lite into an XML body (`/list/item[2]/@id`, `//id`, `…/text()`). */
  | { readonly kind: 'xpath'; readonly path: string }
  /** A response header, by lower-case name. */
  | { readonly kind: 'header'; readonly name: string }
  /** The body as text (with `regex`). */
  | { readonly kind: 'body' };

/** One variable a step captures from its response. */
export interface CaptureSpec {
  readonly name: string;
  readonly source: CaptureSource;
  /** Applied to the picked value's text; the capture is group `group` (default: 1 if any, else the match). */
  readonly regex: SafeRegex | undefined;
  readonly group: number | undefined;
}

/** A step's place in its flow, carried by the step's `Case`. */
export interface FlowStep {
  /** The flow's id, `suite/flow` (the step's case id is `suite/flow/step`). */
  readonly id: string;
  /** The step's own id. */
  readonly step: string;
  /** 0-based position of the step in the flow. */
  readonly index: number;
  /** How many steps the flow has. */
  readonly steps: number;
  readonly captures: readonly CaptureSpec[];
  /** Variables the step's request uses, each captured by an earlier step. */
  readonly uses: readonly string[];
  /**
   * Why the flow is not sent at all (it writes, and neither its file nor
   * the config sets `sideEffects: true`); undefined when it runs.
   */
  readonly skip: string | undefined;
  /** Variables whose values are never shown (shared by every step of the flow). */
  readonly secrets: ReadonlySet<string>;
  /**
   * The flow's earlier steps, in order: what a repro script replays before
   * this step (`core/request/flow-script.ts`). Absent for the first step.
   */
  readonly before?: readonly EarlierStep[] | undefined;
}

/** An earlier step of a flow as a repro replays it: its request (with `{{name}}` variables) and captures. */
export interface EarlierStep {
  readonly step: string;
  readonly request: CaseRequest;
  readonly captures: readonly CaptureSpec[];
}

/** A captured value: its JSON value (a string for headers and regex groups) and its text. */
export interface Captured {
  readonly value: unknown;
  readonly text: string;
}

/** One side's variables at a point of a flow, by name. */
export type Variables = ReadonlyMap<string, Captured>;

/** What an exchange of a flow step carries besides the two answers. */
export interface FlowExchange {
  /** Each side's request as sent, with its own variables substituted. */
  readonly requests: { readonly baseline: CaseRequest; readonly candidate: CaseRequest };
  /** Each side's variables after this step's captures. */
  readonly variables: { readonly baseline: Variables; readonly candidate: Variables };
  /**
   * Each side's variables once the flow's last step ran, set when the step's
   * result is built: the secrets a result hides are those of the whole flow.
   */
  readonly secretsFrom?: { readonly baseline: Variables; readonly candidate: Variables };
  /** Captures of this step that found nothing, one line each (`baseline: id: …`). */
  readonly problems: readonly string[];
  /** Where captured values were replaced by their placeholders before comparing (`/id`, `header etag`). */
  readonly masked?: readonly string[];
  /**
   * With `--noise`, the variables of the run that gave the replica answer
   * (the flow's second run, or a replica instance's own): its captured
   * values are masked as the sides' are, so none is learned as noise.
   */
  readonly replicaVariables?: Variables;
}
