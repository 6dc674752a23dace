/**
 * The stage types of a case: what a case file resolves to (`Case`, its
 * request, its place in a flow: `FlowStep`) and the targets it is sent to. Input schemas live with their
 * loaders and derive their types with `z.infer`; these are the resolved shapes.
 */

import type { SafeRegex } from '../../util/safe-regex.js';
import type { Rules } from '../rules/types.js';
import type { Runtime } from '../vocabulary.js';

/**
 * An HTTP method as RFC 9110 defines it: a token, case-sensitive, sent exactly
 * as written (`GET`, `TRACE`, `PROPFIND`, `QUERY`, a custom `PURGE-ALL`).
 */
export type HttpMethod = string;

/** RFC 9110's `token` (section 5.6.2): one or more tchar. */
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Methods defined as safe (read-only) by RFC 9110 (GET, HEAD, OPTIONS, TRACE),
 * WebDAV (PROPFIND, REPORT, SEARCH) and the QUERY method draft. Any other
 * method, custom ones included, is taken to write.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'REPORT',
  'SEARCH',
  'QUERY',
]);

/** True when `method` may change state on the server (see {@link SAFE_METHODS}). */
export function isWriteMethod(method: HttpMethod): boolean {
  return !SAFE_METHODS.has(method);
}

/** An ordered list of header or query pairs; repeated names are allowed. */
export type Pairs = readonly (readonly [name: string, value: string])[];

export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  /** Exact bytes (a case file's `base64:`), for bodies that are not valid UTF-8. */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export interface CaseRequest {
  readonly method: HttpMethod;
  /** The path without its query string, e.g. `/v1/validate`. */
  readonly path: string;
  /** Query pairs, in order: those written in the path first, then `query`. */
  readonly query: Pairs;
  /**
   * The query string written in the path (without `?`) and how many of `query`'s
   * leading pairs it holds: it is sent as written (`%20` stays `%20`, `[1]`
   * stays `[1]`), the other pairs are encoded after it. Absent without one.
   */
  readonly pathQuery?: { readonly text: string; readonly pairs: number };
  readonly headers: Pairs;
  readonly body: RequestBody;
}

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

/** Where something came from in a source file (1-based line and column). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One resolved case: defaults applied, `${env:…}` substituted, rules merged. */
export interface Case {
  /** Tells a case from a {@link Flow}: never set on a case. */
  readonly kind?: undefined;
  /** `suite/id`, unique across the library. */
  readonly id: string;
  readonly suite: string;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly request: CaseRequest;
  readonly rules: Rules;
  readonly expect: { readonly status: number | undefined };
  readonly source: SourceLocation;
  /** A step of a flow: its place in the flow; its request may hold `{{name}}` variables. */
  readonly flow?: FlowStep | undefined;
  /**
   * The serial sequence the case runs in (`serial: true`): the display path
   * of the sequence's first file. Undefined for a case that may overlap others.
   */
  readonly serial?: string | undefined;
}

/**
 * A case written as a flow of steps: each step is a `Case` (with `flow`),
 * sent in order, one at a time per target, and judged on its own.
 */
export interface Flow {
  readonly kind: 'flow';
  /** `suite/id`, unique across the library (its steps are `suite/id/step`). */
  readonly id: string;
  readonly suite: string;
  readonly tags: readonly string[];
  readonly steps: readonly Case[];
}

/** What one entry of a case file's `cases` resolves to: a case, or a flow. */
export type CaseEntry = Case | Flow;

/** The cases an entry runs as: itself, or a flow's steps. */
export function casesOf(entry: CaseEntry): readonly Case[] {
  return entry.kind === 'flow' ? entry.steps : [entry];
}

/** A named base URL plus default headers. */
export interface Target {
  readonly name: string;
  /** Without credentials (they are in `headers`); its query string is sent with every request. */
  readonly url: URL;
  readonly headers: Pairs;
  /** Values only this target's URL held (its credentials), with the placeholder outputs show. */
  readonly secrets?: ReadonlyMap<string, string>;
  /** Marked `disposable` in the config: its data may be changed (`parity fuzz --allow-writes`). */
  readonly disposable?: boolean;
  /** Its runtime, as the config names it (`runtime:`). */
  readonly runtime?: Runtime;
}
