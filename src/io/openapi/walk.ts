/**
 * The walk both versions share: every operation of every path item, in
 * document order, with the fields that read the same in Swagger 2.0 and
 * OpenAPI 3.x; each version adds its parameters, body and responses. Pure.
 */
import { externalRefsIn } from './external-refs.js';
import { field, isObject, type Json, objectAt, stringAt, stringsAt } from './read.js';
import { isSecured } from './security.js';
import { HTTP_OPERATION_METHODS, type OpenApiOperation } from './types.js';

/** What only a version knows how to read. */
type VersionParts = Pick<OpenApiOperation, 'parameters' | 'requestBody' | 'responses'>;

/** Where an operation is served: the base path in front of its path, and its origin. */
export interface OperationServer {
  readonly basePath: string;
  readonly origin: string | undefined;
}

const METHODS: ReadonlySet<string> = new Set(HTTP_OPERATION_METHODS);

/** The operation keys of a path item, as the document orders them: a file replayed in order needs it. */
export function methodsOf(item: Json): string[] {
  return Object.keys(item).filter((key) => METHODS.has(key));
}

/**
 * The operations of `document`; `parts` reads the version-specific fields of
 * one operation, `server` where it is served (the document's server, or the
 * path item's or operation's own).
 */
export function walkOperations(
  document: unknown,
  server: (item: Json, operation: Json) => OperationServer,
  parts: (item: Json, operation: Json) => VersionParts,
): OpenApiOperation[] {
  const out: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries(objectAt(document, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    for (const method of methodsOf(item)) {
      const operation = objectAt(item, method);
      if (operation === undefined) continue;
      const { basePath, origin } = server(item, operation);
      out.push({
        method: method.toUpperCase(),
        path: basePath + path,
        origin,
        operationId: stringAt(operation, 'operationId'),
        summary: stringAt(operation, 'summary'),
        description: stringAt(operation, 'description'),
        tags: stringsAt(operation, 'tags'),
        deprecated: field(operation, 'deprecated') === true,
        ...parts(item, operation),
        secured: isSecured(field(operation, 'security') ?? field(document, 'security')),
        externalRefs: externalRefsIn([
          field(item, 'parameters'),
          field(operation, 'parameters'),
          field(operation, 'requestBody'),
        ]),
        callbacks: Object.keys(objectAt(operation, 'callbacks') ?? {}),
      });
    }
  }
  return out;
}
