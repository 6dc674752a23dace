/**
 * The stage types of a case: what a case file resolves to (`Case`, its
 * request, its place in a flow: `FlowStep`) and the targets it is sent to.
 * Declared once, as zod schemas built on first use (`caseSchemas`: nothing
 * is built when the module loads, and a command that never asks, a
 * `validate` of plain cases, loads no zod); the types are read off them.
 * They are in-memory records: strict, readonly, and holding values JSON has
 * no word for (a compiled regex, a `URL`, bytes, sets and maps). Input
 * schemas live with their loaders and derive their types with `z.infer`;
 * these are the resolved shapes.
 */
import * as z from 'zod';
import { type Named, once } from '../../util/once.js';
import type { SafeRegex } from '../../util/safe-regex.js';
import { ruleSchemas } from '../rules/types.js';
import { RUNTIMES } from '../vocabulary.js';

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

/**
 * A compiled linear-time regex (`util/safe-regex.ts`): an object of methods
 * the toolbox makes, not a class, so it is checked by what it has.
 */
function isSafeRegex(value: unknown): value is SafeRegex {
  if (typeof value !== 'object' || value === null) return false;
  const regex = value as Partial<Record<keyof SafeRegex, unknown>>;
  return (
    typeof regex.source === 'string' &&
    typeof regex.groups === 'number' &&
    typeof regex.test === 'function' &&
    typeof regex.exec === 'function'
  );
}

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** The schemas of a case's request and of what it is made of (in-memory records: strict, readonly). */
const requestSchemas = once(() => {
  /**
   * Bytes in memory (a `Buffer` is one): any `Uint8Array`, whatever its
   * buffer (`z.instanceof` would narrow it to one over an `ArrayBuffer`).
   */
  const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');

  /** An ordered list of header or query pairs; repeated names are allowed. */
  const pairs = list(z.tuple([z.string(), z.string()]).readonly());

  const requestBody = z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('none') }).readonly(),
    z.strictObject({ kind: z.literal('json'), value: z.unknown() }).readonly(),
    z.strictObject({ kind: z.literal('text'), text: z.string() }).readonly(),
    /** Exact bytes (a case file's `base64:`), for bodies that are not valid UTF-8. */
    z.strictObject({ kind: z.literal('bytes'), bytes }).readonly(),
  ]);

  const request = z
    .strictObject({
      /** An {@link HttpMethod}. */
      method: z.string(),
      /** The path without its query string, e.g. `/v1/validate`. */
      path: z.string(),
      /** Query pairs, in order: those written in the path first, then `query`. */
      query: pairs,
      /**
       * The query string written in the path (without `?`) and how many of `query`'s
       * leading pairs it holds: it is sent as written (`%20` stays `%20`, `[1]`
       * stays `[1]`), the other pairs are encoded after it. Absent without one.
       */
      pathQuery: z.strictObject({ text: z.string(), pairs: z.number() }).readonly().exactOptional(),
      headers: pairs,
      body: requestBody,
    })
    .readonly();

  return { bytes, pairs, requestBody, request };
});

type RequestSchemas = ReturnType<typeof requestSchemas>;
/** The request's schema, declared by this name where a case holds it (see `Named`). */
interface RequestSchema extends Named<RequestSchemas['request']> {}
type RuleSchemas = ReturnType<typeof ruleSchemas>;
/** The rules' schema, declared by this name where a case holds them (see `Named`). */
interface RulesSchema extends Named<RuleSchemas['rules']> {}

/** The schemas of a case and of what it is made of (in-memory records: strict, readonly). */
export const caseSchemas = once(() => {
  const orUndefined = <T extends z.ZodType>(schema: T) => z.union([schema, z.undefined()]);
  const strings = list(z.string());
  const { bytes, pairs, requestBody } = requestSchemas();
  const request: RequestSchema = requestSchemas().request;
  const rules: RulesSchema = ruleSchemas().rules;

  /** Where a capture takes its value from in a step's response. */
  const captureSource = z.discriminatedUnion('kind', [
    /** An RFC 6901 pointer into a JSON body (or into an XML body's tree). */
    z.strictObject({ kind: z.literal('json'), pointer: z.string() }).readonly(),
    /** XPath-lite into an XML body (`/list/item[2]/@id`, `//id`, `…/text()`). */
    z.strictObject({ kind: z.literal('xpath'), path: z.string() }).readonly(),
    /** A response header, by lower-case name. */
    z.strictObject({ kind: z.literal('header'), name: z.string() }).readonly(),
    /** The body as text (with `regex`). */
    z.strictObject({ kind: z.literal('body') }).readonly(),
  ]);

  /** One variable a step captures from its response. */
  const capture = z
    .strictObject({
      name: z.string(),
      source: captureSource,
      /** Applied to the picked value's text; the capture is group `group` (default: 1 if any, else the match). */
      regex: orUndefined(z.custom<SafeRegex>(isSafeRegex, 'a compiled regex (util/safe-regex.ts)')),
      group: orUndefined(z.number()),
    })
    .readonly();

  /**
   * A step's `until`: the step is sent again, on each side independently,
   * until that side's answer meets every part of the condition (`status`,
   * a value `found` by a capture's source, that value `equals` a given one),
   * at most `tries` times, `intervalMs` apart. Only the last answer is compared.
   */
  const until = z
    .strictObject({
      /** The status the answer must have. */
      status: orUndefined(z.number()),
      /** A place in the answer, read as a capture reads it (its `name` is `until`): it must find a value. */
      found: orUndefined(capture),
      /** The text the found value must have (as a capture substitutes it); undefined: any value. */
      equals: orUndefined(z.string()),
      /** Sends at most, the first included (1 or more). */
      tries: z.number(),
      /** Milliseconds between one answer and the next send. */
      intervalMs: z.number(),
    })
    .readonly();

  /** An earlier step of a flow as a repro replays it: its request (with `{{name}}` variables) and captures. */
  const earlierStep = z
    .strictObject({ step: z.string(), request, captures: list(capture) })
    .readonly();

  /** A step's place in its flow, carried by the step's `Case`. */
  const flowStep = z
    .strictObject({
      /** The flow's id, `suite/flow` (the step's case id is `suite/flow/step`). */
      id: z.string(),
      /** The step's own id. */
      step: z.string(),
      /** 0-based position of the step in the flow. */
      index: z.number(),
      /** How many steps the flow has. */
      steps: z.number(),
      captures: list(capture),
      /** Variables the step's request uses, each captured by an earlier step. */
      uses: strings,
      /** The step's `until`: sent again until each side's answer meets it. */
      until: until.exactOptional(),
      /**
       * Why the flow is not sent at all (it writes, and neither its file nor
       * the config sets `sideEffects: true`); undefined when it runs.
       */
      skip: orUndefined(z.string()),
      /** Variables whose values are never shown (shared by every step of the flow). */
      secrets: z.set(z.string()).readonly(),
      /**
       * The flow's earlier steps, in order: what a repro script replays before
       * this step (`core/request/flow-script.ts`). Absent for the first step.
       */
      before: list(earlierStep).optional(),
    })
    .readonly();

  /**
   * A captured value: its JSON value (a string for headers and regex groups)
   * and its text; `from`, the JSON pointer it was taken whole from (a `json`
   * capture without a regex), where the answer's own member is known.
   */
  const captured = z
    .strictObject({ value: z.unknown(), text: z.string(), from: z.string().exactOptional() })
    .readonly();

  /** One side's variables at a point of a flow, by name. */
  const variables = z.map(z.string(), captured).readonly();

  const bySide = <T extends z.ZodType>(side: T) =>
    z.strictObject({ baseline: side, candidate: side }).readonly();

  /** What an exchange of a flow step carries besides the two answers. */
  const flowExchange = z
    .strictObject({
      /** Each side's request as sent, with its own variables substituted. */
      requests: bySide(request),
      /** Each side's variables after this step's captures. */
      variables: bySide(variables),
      /**
       * Each side's variables once the flow's last step ran, set when the step's
       * result is built: the secrets a result hides are those of the whole flow.
       */
      secretsFrom: bySide(variables).exactOptional(),
      /** Captures of this step that found nothing, one line each (`baseline: id: …`). */
      problems: strings,
      /**
       * A step with `until`: how many times each side was sent it, and whether
       * its last answer (the one compared) met the condition.
       */
      waited: bySide(
        z.strictObject({ tries: z.number(), met: z.boolean() }).readonly(),
      ).exactOptional(),
      /** Where captured values were replaced by their placeholders before comparing (`/id`, `header etag`). */
      masked: strings.exactOptional(),
      /**
       * Where a whole captured value was masked, each side's value there (in
       * memory only): the run reads the format each side draws its values in
       * from them (`core/normalise/drawn-formats.ts`).
       */
      drawn: z
        .array(
          z
            .strictObject({ place: z.string(), baseline: z.string(), candidate: z.string() })
            .readonly(),
        )
        .readonly()
        .exactOptional(),
      /**
       * With `--noise`, the variables of the run that gave the replica answer
       * (the flow's second run, or a replica instance's own): its captured
       * values are masked as the sides' are, so none is learned as noise.
       */
      replicaVariables: variables.exactOptional(),
    })
    .readonly();

  /**
   * Where something came from in a source file (1-based line and column).
   * Not strict: the loader's is an object that computes its line on first
   * read (`io/cases/resolve-request.ts` `LazySource`), with its lookup state beside.
   */
  const sourceLocation = z
    .object({ file: z.string(), line: z.number(), column: z.number() })
    .readonly();

  /** One resolved case: defaults applied, `${env:…}` substituted, rules merged. */
  const resolvedCase = z
    .strictObject({
      /** Tells a case from a {@link Flow}: never set on a case. */
      kind: z.undefined().optional(),
      /** `suite/id`, unique across the library. */
      id: z.string(),
      suite: z.string(),
      description: orUndefined(z.string()),
      tags: strings,
      request,
      rules,
      expect: z.strictObject({ status: orUndefined(z.number()) }).readonly(),
      source: sourceLocation,
      /** A step of a flow: its place in the flow; its request may hold `{{name}}` variables. */
      flow: flowStep.optional(),
      /**
       * The serial sequence the case runs in (`serial: true`): the display path
       * of the sequence's first file. Undefined for a case that may overlap others.
       */
      serial: z.string().optional(),
    })
    .readonly();

  /** A named base URL plus default headers. */
  const target = z
    .strictObject({
      name: z.string(),
      /** Without credentials (they are in `headers`); its query string is sent with every request. */
      url: z.instanceof(URL),
      headers: pairs,
      /** Values only this target's URL held (its credentials), with the placeholder outputs show. */
      secrets: z.map(z.string(), z.string()).readonly().exactOptional(),
      /** Marked `disposable` in the config: its data may be changed (`parity fuzz --allow-writes`). */
      disposable: z.boolean().exactOptional(),
      /** Its runtime, as the config names it (`runtime:`). */
      runtime: z.enum(RUNTIMES).exactOptional(),
    })
    .readonly();

  return {
    bytes,
    pairs,
    requestBody,
    request,
    captureSource,
    capture,
    until,
    flowStep,
    earlierStep,
    captured,
    variables,
    flowExchange,
    sourceLocation,
    case: resolvedCase,
    target,
  };
});

/** The case's schema, declared by this name where a flow holds it (see `Named`). */
interface CaseSchema extends Named<ReturnType<typeof caseSchemas>['case']> {}

/** The schemas of a flow and of a case file's entry (in-memory records: strict, readonly). */
const flowSchemas = once(() => {
  const strings = list(z.string());
  const resolvedCase: CaseSchema = caseSchemas().case;

  /**
   * A case written as a flow of steps: each step is a `Case` (with `flow`),
   * sent in order, one at a time per target, and judged on its own.
   */
  const flow = z
    .strictObject({
      kind: z.literal('flow'),
      /** `suite/id`, unique across the library (its steps are `suite/id/step`). */
      id: z.string(),
      suite: z.string(),
      tags: strings,
      steps: list(resolvedCase),
    })
    .readonly();

  return {
    flow,
    /** What one entry of a case file's `cases` resolves to: a case, or a flow. */
    caseEntry: z.union([resolvedCase, flow]),
  };
});

type Schemas = ReturnType<typeof caseSchemas> & ReturnType<typeof flowSchemas>;

/** An ordered list of header or query pairs; repeated names are allowed. */
export type Pairs = z.output<Schemas['pairs']>;
/** A request's body: none, a JSON value, text, or exact bytes. */
export type RequestBody = z.output<Schemas['requestBody']>;
/** A case's request: method, path, query pairs (and the query written in the path), headers, body. */
export type CaseRequest = z.output<Schemas['request']>;
/** Where a capture takes its value from in a step's response. */
export type CaptureSource = z.output<Schemas['captureSource']>;
/** One variable a step captures from its response. */
export type CaptureSpec = z.output<Schemas['capture']>;
/** A step's `until`: the condition each side's answer is sent again until it meets, and the budget. */
export type Until = z.output<Schemas['until']>;
/** A step's place in its flow, carried by the step's `Case`. */
export type FlowStep = z.output<Schemas['flowStep']>;
/** An earlier step of a flow as a repro replays it: its request (with `{{name}}` variables) and captures. */
export type EarlierStep = z.output<Schemas['earlierStep']>;
/** A captured value: its JSON value (a string for headers and regex groups) and its text. */
export type Captured = z.output<Schemas['captured']>;
/** One side's variables at a point of a flow, by name. */
export type Variables = z.output<Schemas['variables']>;
/** What an exchange of a flow step carries besides the two answers. */
export type FlowExchange = z.output<Schemas['flowExchange']>;
/** Where something came from in a source file (1-based line and column). */
export type SourceLocation = z.output<Schemas['sourceLocation']>;
/** One resolved case: defaults applied, `${env:…}` substituted, rules merged. */
export type Case = z.output<Schemas['case']>;
/** A case written as a flow of steps, each a `Case` with `flow`. */
export type Flow = z.output<Schemas['flow']>;
/** What one entry of a case file's `cases` resolves to: a case, or a flow. */
export type CaseEntry = z.output<Schemas['caseEntry']>;
/** A named base URL plus default headers. */
export type Target = z.output<Schemas['target']>;

/** The cases an entry runs as: itself, or a flow's steps. */
export function casesOf(entry: CaseEntry): readonly Case[] {
  return entry.kind === 'flow' ? entry.steps : [entry];
}
