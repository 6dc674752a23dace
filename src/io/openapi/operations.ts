/**
 * A dereferenced OpenAPI 3.x or Swagger 2.0 document → its operations, in
 * document order. Pure: `load.ts` reads, validates and dereferences the file.
 */
import { operationsV2 } from './operations-v2.js';
import { examplesOf, mergeParameters, parametersAt, parameterV3 } from './parameters.js';
import { field, isObject, listAt, objectAt, stringAt, stringsAt } from './read.js';
import type {
  OpenApiDocument,
  OpenApiMedia,
  OpenApiOperation,
  OpenApiRequestBody,
  OpenApiResponse,
  OpenApiVersion,
} from './types.js';
import { methodsOf, type OperationServer, walkOperations } from './walk.js';

/** The version a parsed document declares, or undefined when it is neither. */
export function versionOf(document: unknown): OpenApiVersion | undefined {
  if (stringAt(document, 'swagger') === '2.0') return 'swagger-2.0';
  const openapi = stringAt(document, 'openapi') ?? '';
  if (/^3\.0\./.test(openapi)) return 'openapi-3.0';
  if (/^3\.1\./.test(openapi)) return 'openapi-3.1';
  return undefined;
}

/** A server URL with its variables at their defaults (`{port}` → `8080`). */
function filledUrl(server: unknown): string {
  const variables = field(server, 'variables');
  return (stringAt(server, 'url') ?? '').replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = field(objectAt(variables, name), 'default');
    return typeof value === 'string' ? value : whole;
  });
}

/**
 * A filled server URL's origin (`http://host:4001`; undefined when the URL is
 * relative or not http(s)) and path (`/api/v2`, '' for none), trailing `/` cut.
 */
function splitServer(url: string): { origin: string | undefined; path: string } {
  try {
    const parsed = new URL(url, 'http://relative.invalid');
    const absolute = /^https?:\/\//i.test(url);
    return {
      origin: absolute ? parsed.origin : undefined,
      path: parsed.pathname.replace(/\/+$/, ''),
    };
  } catch {
    return { origin: undefined, path: '' };
  }
}

/** A form's `encoding`: field → content type, for the fields that name one. */
function partTypesOf(media: unknown): Record<string, string> | undefined {
  const encoding = objectAt(media, 'encoding');
  if (encoding === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(encoding).flatMap(([name, part]) => {
      const type = stringAt(part, 'contentType');
      return type === undefined ? [] : [[name, type] as const];
    }),
  );
}

function mediaOf(content: unknown): OpenApiMedia[] {
  return Object.entries(isObject(content) ? content : {}).map(([mediaType, media]) => {
    const partTypes = partTypesOf(media);
    return {
      mediaType,
      schema: objectAt(media, 'schema'),
      examples: examplesOf(media),
      ...(partTypes === undefined ? {} : { partTypes }),
    };
  });
}

function requestBodyV3(raw: unknown): OpenApiRequestBody | undefined {
  if (!isObject(raw)) return undefined;
  return { required: field(raw, 'required') === true, contents: mediaOf(field(raw, 'content')) };
}

function responsesV3(raw: unknown): OpenApiResponse[] {
  return Object.entries(isObject(raw) ? raw : {}).map(([status, response]) => ({
    status,
    description: stringAt(response, 'description'),
    contents: mediaOf(field(response, 'content')),
  }));
}

/**
 * Where an operation is served: its own `servers`, else its path item's, else
 * the document's (`fallback`). A relative URL of its own keeps the document's
 * origin with its own path.
 */
function serverOf(item: unknown, operation: unknown, fallback: OperationServer): OperationServer {
  const own = listAt(operation, 'servers');
  const list = own.length > 0 ? own : listAt(item, 'servers');
  const [first] = list;
  if (first === undefined) return fallback;
  const { origin, path } = splitServer(filledUrl(first));
  return { basePath: path, origin: origin ?? fallback.origin };
}

function operationsV3(document: unknown, fallback: OperationServer): OpenApiOperation[] {
  const server = (item: unknown, operation: unknown) => serverOf(item, operation, fallback);
  return walkOperations(document, server, (item, operation) => ({
    parameters: mergeParameters(parametersAt(item), parametersAt(operation))
      .map(parameterV3)
      .filter((p) => p !== undefined),
    requestBody: requestBodyV3(field(operation, 'requestBody')),
    responses: responsesV3(field(operation, 'responses')),
  }));
}

/**
 * The first server's path (every case path starts with it) and origin (the
 * base path's own: cases sent there reach it), and every server's origin.
 */
function serversV3(document: unknown): Pick<OpenApiDocument, 'basePath' | 'origin' | 'servers'> {
  const servers = listAt(document, 'servers').map((server) => splitServer(filledUrl(server)));
  const first = servers[0];
  return {
    basePath: first?.path ?? '',
    origin: first?.origin,
    servers: servers.flatMap((server) => server.origin ?? []),
  };
}

/** OpenAPI 3.1 `webhooks`, each with its methods: `newPet (POST)`. */
function webhooksOf(document: unknown): string[] {
  return Object.entries(objectAt(document, 'webhooks') ?? {}).map(([name, item]) => {
    const methods = isObject(item) ? methodsOf(item).map((m) => m.toUpperCase()) : [];
    return methods.length === 0 ? name : `${name} (${methods.join(', ')})`;
  });
}

/** The operations of a dereferenced, validated document of a known `version`. */
export function toOpenApiDocument(
  document: unknown,
  version: OpenApiVersion,
  file: string,
): OpenApiDocument {
  const title = stringAt(objectAt(document, 'info'), 'title') ?? file;
  if (version === 'swagger-2.0') {
    const basePath = (stringAt(document, 'basePath') ?? '').replace(/\/+$/, '');
    const host = stringAt(document, 'host');
    const schemes = stringsAt(document, 'schemes');
    const servers =
      host === undefined
        ? []
        : (schemes.length > 0 ? schemes : ['http']).map((s) => `${s}://${host}`);
    return {
      file,
      version,
      title,
      basePath,
      origin: servers[0],
      servers,
      operations: operationsV2(document, { basePath, origin: servers[0] }),
      webhooks: [],
    };
  }
  const servers = serversV3(document);
  return {
    file,
    version,
    title,
    ...servers,
    operations: operationsV3(document, servers),
    webhooks: webhooksOf(document),
  };
}
