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

/** A documented example: named (`examples:`) or the single `example:` (named `example`). */
export interface OpenApiExample {
  readonly name: string;
  readonly summary: string | undefined;
  readonly value: unknown;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface OpenApiParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly description: string | undefined;
  /** The parameter's schema (Swagger 2.0's inline `type`/`items`/`enum` become one). */
  readonly schema: JsonSchema | undefined;
  readonly examples: readonly OpenApiExample[];
  /** An array value repeats the key (`?tag=a&tag=b`) rather than joining it with commas. */
  readonly explode: boolean;
}

/** One media type of a request or response body. */
export interface OpenApiMedia {
  /** `application/json`, `application/x-www-form-urlencoded`, … */
  readonly mediaType: string;
  readonly schema: JsonSchema | undefined;
  readonly examples: readonly OpenApiExample[];
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
  /** The path template as the document writes it, with the base path in front: `/v1/records/{id}`. */
  readonly path: string;
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
}

export interface OpenApiDocument {
  /** The file as given (for messages and comments). */
  readonly file: string;
  readonly version: OpenApiVersion;
  readonly title: string;
  /** Prefixed to every path: Swagger 2.0's `basePath`, or the path of OpenAPI 3's first server URL. */
  readonly basePath: string;
  /** Origins the document names (Swagger `schemes` + `host`, OpenAPI `servers`). */
  readonly servers: readonly string[];
  /** In document order: paths as written, methods in the order of {@link HTTP_OPERATION_METHODS}. */
  readonly operations: readonly OpenApiOperation[];
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
