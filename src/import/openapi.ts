/**
 * An OpenAPI document's operations → imported requests: one per operation,
 * or one per documented example when it has some (request-body examples and
 * parameter examples each vary one thing). Values come from examples, then
 * defaults, enums and schemas (`openapi/sample.ts`), so the same document
 * always gives the same cases. Operations that get no case are listed. Pure.
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
import { isJsonType } from './body.js';
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

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Query pairs of one parameter value (arrays repeated or comma-joined, per `explode`). */
function queryPairs(parameter: OpenApiParameter, value: unknown): [string, string][] {
  if (Array.isArray(value)) {
    return parameter.explode
      ? value.map((item) => [parameter.name, scalarText(item)])
      : [[parameter.name, value.map(scalarText).join(',')]];
  }
  return [[parameter.name, scalarText(value)]];
}

/** A body value in its media type: JSON as a value, a form encoded, anything else as text. */
function encodeBody(media: OpenApiMedia, value: unknown): ImportedBody {
  if (value === undefined) return { kind: 'none' };
  if (isJsonType(media.mediaType) || media.mediaType === '*/*') return { kind: 'json', value };
  if (
    media.mediaType === 'application/x-www-form-urlencoded' &&
    typeof value === 'object' &&
    value !== null
  ) {
    return {
      kind: 'text',
      text: new URLSearchParams(
        Object.entries(value).map(([k, v]) => [k, scalarText(v)]),
      ).toString(),
    };
  }
  return { kind: 'text', text: scalarText(value) };
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
  return operation.operationId ?? `${operation.method} ${operation.path}`;
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
      path = path.replaceAll(`{${parameter.name}}`, encodeURIComponent(scalarText(value)));
    } else if (parameter.in === 'query') query.push(...queryPairs(parameter, value));
    else if (parameter.in === 'header') headers.push([parameter.name, scalarText(value)]);
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
  const statuses = operation.responses.map((r) => r.status).join(', ');
  return {
    method: operation.method,
    origin: document.servers[0],
    path,
    query,
    headers,
    body,
    source: `OpenAPI operation ${baseName(operation)} (${operationKey(operation)})${variant.name === undefined ? '' : `, example "${variant.name}"`}`,
    name:
      variant.name === undefined ? baseName(operation) : `${baseName(operation)}-${variant.name}`,
    description: example?.summary ?? operation.summary,
    operation: operationKey(operation),
    comments: [
      ...(operation.deprecated ? ['the operation is deprecated'] : []),
      ...(statuses === '' ? [] : [`documented responses: ${statuses}`]),
    ],
  };
}

/** The requests of a loaded document, plus notes on operations that need credentials or cookies. */
export function importOpenApi(document: OpenApiDocument): ImportedSource {
  const requests: ImportedRequest[] = [];
  const notes: string[] = [];
  for (const operation of document.operations) {
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
