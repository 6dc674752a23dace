/**
 * An OpenAPI 3.x or Swagger 2.0 document as a typed list of operations: what
 * `parity import openapi`, coverage and (later) `parity fuzz` read of a
 * document, independent of its version. Schemas are dereferenced JSON Schema
 * objects, read defensively (`JsonSchema`); a recursive schema is a cyclic
 * object graph, so walkers must bound their depth.
 */

/** A dereferenced JSON Schema object, as the document wrote it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** The versions a document may declare. */
export type OpenApiVersion = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1';

/**
 * A documented example: named (`examples:`) or the single `example:` (named
 * `example`). A number the document writes that a JS number cannot hold
 * (`12345678901234567890`) is an `ExactNumber` holding its digits, here and in
 * schemas (`load.ts`).
 */
export interface OpenApiExample {
  readonly name: string;
  readonly summary: string | undefined;
  readonly value: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

/**
 * How a parameter's value is written (OpenAPI 3 `style`). Swagger 2.0's
 * `collectionFormat` maps onto it: `csv` is `form` (query) or `simple`,
 * `ssv` `spaceDelimited`, `pipes` `pipeDelimited`, `multi` exploded `form`,
 * and `tsv`, which OpenAPI 3 dropped, `tabDelimited`.
 */
export type ParameterStyle =
  | 'matrix'
  | 'label'
  | 'simple'
  | 'form'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'tabDelimited'
  | 'deepObject';

export interface OpenApiParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly description: string | undefined;
  /** The parameter's schema (Swagger 2.0's inline `type`/`items`/`enum` become one). */
  readonly schema: JsonSchema | undefined;
  readonly examples: readonly OpenApiExample[];
  readonly style: ParameterStyle;
  /** Arrays and objects as one name=value each (`?tag=a&tag=b`) rather than one joined value. */
  readonly explode: boolean;
  /**
   * The media type of a parameter described by `content` rather than `schema`
   * (`application/json`): its value is written in that type, whatever `style` says.
   */
  readonly contentType: string | undefined;
}

/** One media type of a request or response body. */
export interface OpenApiMedia {
  /** `application/json`, `application/x-www-form-urlencoded`, … */
  readonly mediaType: string;
  readonly schema: JsonSchema | undefined;
  readonly examples: readonly OpenApiExample[];
  /** A form's `encoding` (OpenAPI 3): the content type of each field that names one. */
  readonly partTypes?: Readonly<Record<string, string>>;
}

export interface OpenApiRequestBody {
  readonly required: boolean;
  /** In document order (Swagger 2.0: one per `consumes` type, JSON first). */
  readonly contents: readonly OpenApiMedia[];
}

export interface OpenApiResponse {
  /** `200`, `4XX`, `default`. */
  readonly status: string;
  readonly description: string | undefined;
  readonly contents: readonly OpenApiMedia[];
}

export interface OpenApiOperation {
  /** Upper case: `GET`, `POST`, … */
  readonly method: string;
  /**
   * The path template as the document writes it, with its server's base path
   * in front: `/v1/records/{id}`.
   */
  readonly path: string;
  /**
   * The origin of its server: the document's (`OpenApiDocument.origin`), or
   * its path item's or its own first `servers` entry when it has one (GitHub's
   * uploads go to `https://uploads.github.com`); undefined when none is absolute.
   */
  readonly origin: string | undefined;
  readonly operationId: string | undefined;
  readonly summary: string | undefined;
  readonly description: string | undefined;
  readonly tags: readonly string[];
  readonly deprecated: boolean;
  /** Path-level parameters merged with the operation's (the operation's win). */
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody: OpenApiRequestBody | undefined;
  readonly responses: readonly OpenApiResponse[];
  /** The operation requires credentials (a non-empty security requirement applies). */
  readonly secured: boolean;
  /**
   * The `$ref`s of its parameters and request body that point outside the
   * document (`common.yaml#/Pet`): left as they were, since nothing outside is read.
   */
  readonly externalRefs: readonly string[];
  /** The names of its `callbacks` (OpenAPI 3): requests the API sends, not sent by an import. */
  readonly callbacks: readonly string[];
}

export interface OpenApiDocument {
  /** The file as given (for messages and comments). */
  readonly file: string;
  readonly version: OpenApiVersion;
  readonly title: string;
  /** Prefixed to every path: Swagger 2.0's `basePath`, or the path of OpenAPI 3's first server URL. */
  readonly basePath: string;
  /**
   * The origin (`http://host:port`, no path) the base path belongs to: Swagger's
   * first scheme + `host`, or OpenAPI 3's first server (variables at their
   * defaults). Undefined when that server URL is relative (to wherever the
   * document is served) or the document names none.
   */
  readonly origin: string | undefined;
  /** The origins of every server the document names with an absolute URL, in order. */
  readonly servers: readonly string[];
  /** In document order: paths, and the methods of each path, as written. */
  readonly operations: readonly OpenApiOperation[];
  /**
   * OpenAPI 3.1 `webhooks`, each named with its methods (`newPet (POST)`):
   * requests the API sends, which an import cannot send.
   */
  readonly webhooks: readonly string[];
  /**
   * Internal `$ref`s to nothing in the document (`#/components/schemas/X`
   * without X): what uses one is left out, noted, as for an external one.
   */
  readonly danglingRefs?: readonly string[] | undefined;
}

/** The operation methods a Path Item may hold (OpenAPI 3.x; Swagger 2.0 has all but TRACE). */
export const HTTP_OPERATION_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

/** `GET /v1/records/{id}`: how reports and messages name an operation. */
export function operationKey(operation: Pick<OpenApiOperation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}
