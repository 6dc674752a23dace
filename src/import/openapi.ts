/**
 * An OpenAPI document's operations → imported requests: one per operation,
 * or one per documented example when it has some (request-body examples and
 * parameter examples each vary one thing). Values come from examples, then
 * defaults, enums and schemas (`openapi/sample.ts`), so the same document
 * always gives the same cases. Parameters are written in their `style`
 * (`parameter-style.ts`); numbers a double cannot hold keep their digits.
 * Operations that get no case are listed. Pure.
 */
import { sampleOf } from '../openapi/sample.js';
import {
  type OpenApiDocument,
  type OpenApiExample,
  type OpenApiMedia,
  type OpenApiOperation,
  type OpenApiParameter,
  operationKey,
} from '../openapi/types.js';
import { displayJson } from '../wire/display.js';
import { isJsonType } from './body.js';
import { headerTextOf, pathTextOf, queryPairsOf, valueText } from './parameter-style.js';
import type { ImportedBody, ImportedRequest, ImportedSource } from './types.js';

/** A value for a parameter: its first example, else a sample of its schema. */
function parameterValue(parameter: OpenApiParameter): unknown {
  const [first] = parameter.examples;
  if (first !== undefined) return first.value;
  return parameter.schema === undefined ? undefined : sampleOf(parameter.schema);
}

/** Whether an optional parameter is sent: when the document gives a value for it. */
function documented(parameter: OpenApiParameter): boolean {
  const schema = parameter.schema ?? {};
  return (
    parameter.examples.length > 0 || 'default' in schema || 'example' in schema || 'enum' in schema
  );
}

/**
 * A body value in its media type: JSON as its text (exact numbers digit for
 * digit; the case builder writes it `json:` unless it holds long numbers, as
 * for every import), a form encoded, anything else as text.
 */
function encodeBody(media: OpenApiMedia, value: unknown): ImportedBody {
  if (value === undefined) return { kind: 'none' };
  if (isJsonType(media.mediaType) || media.mediaType === '*/*')
    return { kind: 'text', text: displayJson(value) ?? '' };
  if (
    media.mediaType === 'application/x-www-form-urlencoded' &&
    typeof value === 'object' &&
    value !== null
  ) {
    return {
      kind: 'text',
      text: new URLSearchParams(
        Object.entries(value).map(([k, v]) => [k, valueText(v)]),
      ).toString(),
    };
  }
  return { kind: 'text', text: valueText(value) };
}

/** The media type a case sends: the first JSON one, else the first. */
function mediaOf(operation: OpenApiOperation): OpenApiMedia | undefined {
  const contents = operation.requestBody?.contents ?? [];
  return contents.find((m) => isJsonType(m.mediaType)) ?? contents[0];
}

/** One variant of an operation: which example replaces which value. */
interface Variant {
  readonly name: string | undefined;
  readonly body?: OpenApiExample;
  readonly parameter?: { readonly target: OpenApiParameter; readonly example: OpenApiExample };
}

function variantsOf(operation: OpenApiOperation): Variant[] {
  const body = (mediaOf(operation)?.examples ?? []).map((example) => ({
    name: example.name,
    body: example,
  }));
  const parameters = operation.parameters.flatMap((target) =>
    target.examples.length < 2
      ? []
      : target.examples.map((example) => ({
          name: `${target.name}-${example.name}`,
          parameter: { target, example },
        })),
  );
  const all: Variant[] = [...body, ...parameters];
  return all.length === 0 ? [{ name: undefined }] : all;
}

function baseName(operation: OpenApiOperation): string {
  return operation.operationId ?? operationKey(operation);
}

/** `getItem (GET /items/{id})`, or `HEAD /session` alone when the operation has no id. */
function operationName(operation: OpenApiOperation): string {
  const key = operationKey(operation);
  return operation.operationId === undefined ? key : `${operation.operationId} (${key})`;
}

/** What an operation's external `$ref`s cost its case. */
function externalRefsLine(operation: OpenApiOperation): string | undefined {
  if (operation.externalRefs.length === 0) return undefined;
  const them = operation.externalRefs.length === 1 ? 'it points' : 'they point';
  return `refers to ${operation.externalRefs.join(', ')} outside the document (an import does not follow external $refs): the case leaves out what ${them} to`;
}

/** The path, query and headers of a variant: required and documented parameters get a value. */
function placeParameters(operation: OpenApiOperation, variant: Variant) {
  const chosen = (p: OpenApiParameter) =>
    variant.parameter?.target === p ? variant.parameter.example.value : parameterValue(p);
  const sent = operation.parameters.filter(
    (p) => p.required || documented(p) || variant.parameter?.target === p,
  );
  let path = operation.path;
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  for (const parameter of sent) {
    const value = chosen(parameter);
    if (value === undefined) continue;
    if (parameter.in === 'path') {
      path = path.replaceAll(`{${parameter.name}}`, pathTextOf(parameter, value));
    } else if (parameter.in === 'query') query.push(...queryPairsOf(parameter, value));
    else if (parameter.in === 'header')
      headers.push([parameter.name, headerTextOf(parameter, value)]);
  }
  return { path, query, headers };
}

function requestOf(
  document: OpenApiDocument,
  operation: OpenApiOperation,
  variant: Variant,
): ImportedRequest {
  const { path, query, headers } = placeParameters(operation, variant);
  const media = mediaOf(operation);
  const bodyValue =
    media === undefined
      ? undefined
      : (variant.body?.value ??
        media.examples[0]?.value ??
        (media.schema === undefined ? undefined : sampleOf(media.schema)));
  const body = media === undefined ? ({ kind: 'none' } as const) : encodeBody(media, bodyValue);
  if (media !== undefined && body.kind !== 'none')
    headers.push([
      'Content-Type',
      media.mediaType === '*/*' ? 'application/json' : media.mediaType,
    ]);
  const example = variant.body ?? variant.parameter?.example;
  const external = externalRefsLine(operation);
  const statuses = operation.responses.map((r) => r.status).join(', ');
  return {
    method: operation.method,
    origin: document.origin,
    path,
    query,
    headers,
    body,
    source: `OpenAPI operation ${operationName(operation)}${variant.name === undefined ? '' : `, example "${variant.name}"`}`,
    name:
      variant.name === undefined ? baseName(operation) : `${baseName(operation)}-${variant.name}`,
    description: example?.summary ?? operation.summary,
    operation: operationKey(operation),
    comments: [
      ...(operation.deprecated ? ['the operation is deprecated'] : []),
      ...(external === undefined ? [] : [external]),
      ...(statuses === '' ? [] : [`documented responses: ${statuses}`]),
    ],
  };
}

/**
 * A note when the base path comes without an origin (a relative server URL,
 * `/api`, or Swagger without `host`): the cases' paths start with it, and the
 * origin is for whoever runs them to give.
 */
function originlessNote(document: OpenApiDocument): string[] {
  if (document.origin !== undefined || document.basePath === '') return [];
  const why =
    document.version === 'swagger-2.0'
      ? 'the document names no host'
      : "the document's server URL is relative";
  return [
    `${why}, so no origin: the cases' paths start with ${document.basePath}; give each target as an origin (http://host:port)`,
  ];
}

/** The requests of a loaded document, plus notes on operations that need credentials or cookies. */
export function importOpenApi(document: OpenApiDocument): ImportedSource {
  const requests: ImportedRequest[] = [];
  const notes = originlessNote(document);
  for (const operation of document.operations) {
    const external = externalRefsLine(operation);
    if (external !== undefined) notes.push(`${operationKey(operation)} ${external}`);
    if (operation.secured)
      notes.push(
        `${operationKey(operation)} requires credentials: set them per target in parity.config.yaml (targets.<name>.headers)`,
      );
    const cookies = operation.parameters.filter((p) => p.in === 'cookie' && p.required);
    if (cookies.length > 0)
      notes.push(
        `${operationKey(operation)} needs cookie ${cookies.map((p) => p.name).join(', ')}: left out`,
      );
    for (const variant of variantsOf(operation))
      requests.push(requestOf(document, operation, variant));
  }
  return { requests, notes };
}
