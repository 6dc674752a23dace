/**
 * What every importer (curl, HAR, Postman, OpenAPI) produces: requests in a
 * common shape, each saying where it came from. `cases.ts` turns them into
 * case files as they will be written (`CaseFileModel`, written by
 * `render.ts`). Pure types.
 */
import type { Pairs } from '../../contract/model/case.js';

/** A request as a case writes it. */
export interface RequestModel {
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string | string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly text?: string;
  /** Exact bytes (not UTF-8 text), base64. */
  readonly base64?: string;
}

/** One step of a flow (a session, `session.ts`). */
export interface StepModel {
  readonly id: string;
  readonly comments: readonly string[];
  readonly request: RequestModel;
  readonly capture?: Readonly<Record<string, CaptureModel>>;
}

/** One case as it will be written. */
export interface CaseModel {
  readonly id: string;
  /** Comment lines written above the case. */
  readonly comments: readonly string[];
  readonly description: string | undefined;
  readonly request: RequestModel;
}

/** A session's flow as it will be written: its steps in source order. */
export interface FlowModel {
  readonly id: string;
  readonly comments: readonly string[];
  readonly steps: readonly StepModel[];
  /** Some step writes: the file opts in (`sideEffects: true`). */
  readonly sideEffects: boolean;
}

/** One case file as it will be written: cases, or one flow (a session). */
export interface CaseFileModel {
  /** File name: `<suite>.yaml`. */
  readonly name: string;
  /** The origin its requests were sent to, when the source names one. */
  readonly origin?: string | undefined;
  readonly suite: string;
  readonly cases: readonly CaseModel[];
  readonly flow?: FlowModel;
}

/** A request body as the source wrote it. */
export type ImportedBody =
  | { readonly kind: 'none' }
  /** UTF-8 text; `json` when it should be written as a JSON value (already parsed). */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'json'; readonly value: unknown }
  /** Exact bytes the source holds that are not UTF-8 text (a case's `base64:`). */
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /**
   * Bytes a case file cannot hold (a file upload): the request is skipped with
   * a note, which says `reason` when the source gave no bytes to count.
   */
  | { readonly kind: 'binary'; readonly size: number; readonly reason?: string | undefined };

/** What the source recorded of a request's answer (a HAR entry's response), for inferring captures. */
export interface ImportedResponse {
  readonly status: number;
  readonly headers: Pairs;
  /** The body, when it is JSON. */
  readonly json?: unknown;
}

/** Where a step's capture reads a value (as a case file's `capture:` writes it). */
export interface CaptureModel {
  readonly json?: string;
  readonly header?: string;
  readonly regex?: string;
  readonly secret?: true;
}

export interface ImportedRequest {
  readonly method: string;
  /** The origin the source sent it to (`http://127.0.0.1:3000`), when it names one. */
  readonly origin: string | undefined;
  /** The path as sent, percent-encoded, without the query: `/v1/records/3`. */
  readonly path: string;
  /** Decoded query pairs, in order. */
  readonly query: Pairs;
  /**
   * The query string as the source sent it (without `?`), when the source
   * says: the case sends these bytes (`a%20b` is not `a+b`, `?flag` is not
   * `?flag=`), in the path when the pairs would be encoded otherwise.
   */
  readonly rawQuery?: string | undefined;
  /**
   * The credentials it is sent with when no header or query holds them (a
   * Postman item's auth setting, and where it is set): requests that differ
   * here are never merged, though neither is written.
   */
  readonly sentWith?: string | undefined;
  /** Credentials sent outside headers and query (`URL userinfo`), for the dropped-credentials note. */
  readonly credentials?: readonly string[] | undefined;
  /** As the source wrote them (names in any case). */
  readonly headers: Pairs;
  /**
   * A person wrote these headers (a Postman item), none were added by a
   * browser: `User-Agent`, `Referer` and the like are kept.
   */
  readonly headersWritten?: true | undefined;
  readonly body: ImportedBody;
  /** Where the request came from, for the comment above its case: `HAR entry 3`. */
  readonly source: string;
  /** A name for its case id (a Postman item, an operationId); default: method and path. */
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  /** The file it belongs in (a Postman folder); default: its path prefix. */
  readonly group?: string | undefined;
  /** Extra comment lines written above the case (an example's summary, a documented status). */
  readonly comments?: readonly string[] | undefined;
  /** The OpenAPI operation it exercises (`GET /v1/records/{id}`), for the import's coverage list. */
  readonly operation?: string | undefined;
  /** Its answer as recorded (HAR), for captures. */
  readonly response?: ImportedResponse | undefined;
  /** Variables its answer sets (curl `NAME=$(curl … | jq -r .a)`), used later as `$NAME`. */
  readonly captures?: Readonly<Record<string, CaptureModel>> | undefined;
}

/** Requests read from a source, plus what was left out and why (printed, and written as comments). */
export interface ImportedSource {
  readonly requests: readonly ImportedRequest[];
  /**
   * The requests are one client's session in order (a curl script, a HAR): when
   * they write or carry values between them, they become a flow (`session.ts`).
   */
  readonly session?: boolean;
  /** One line each: `skipped HAR entry 4 (ws://…): not an HTTP request`. */
  readonly notes: readonly string[];
  /**
   * The origin the source is for (an OpenAPI document's server), when requests
   * go to several: its cases keep plain file names. Default: the first request's.
   */
  readonly origin?: string | undefined;
}
