/**
 * An OpenAPI document's operations → imported requests: one per operation,
 * or one per documented example when it has some (request-body examples and
 * parameter examples each vary one thing). Values come from examples, then
 * defaults, enums and schemas (`io/openapi/sample.ts`), so the same document
 * always gives the same cases. Parameters are written in their `style`
 * (`parameter-style.ts`); numbers a double cannot hold keep their digits.
 * Operations that get no case are listed. Pure.
 */

import { displayJson } from '../../core/wire/display.js';
import { MISSING } from '../openapi/dangling-refs.js';
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
import { formBodyOf, formKind, isFileSchema, PLACEHOLDER_FILE } from './openapi-form.js';
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

/** A body and the content type it is sent with; `files`: form fields sent as placeholder files. */
interface EncodedBody {
  readonly body: ImportedBody;
  readonly contentType: string;
  readonly files: readonly string[];
}

/**
 * A body value in its media type: JSON as its text (exact numbers digit for
 * digit; the case builder writes it `json:` unless it holds long numbers, as
 * for every import), a form as a form (`openapi-form.ts`: multipart with its
 * boundary, a file field a placeholder file), anything else as text.
 */
function encodeBody(media: OpenApiMedia, value: unknown): EncodedBody {
  const form = formKind(media.mediaType);
  if (form !== undefined) return formBodyOf(form, media.schema, value, media.partTypes);
  const none = { kind: 'none' } as const;
  if (isJsonType(media.mediaType) || media.mediaType === '*/*') {
    const text = value === undefined ? undefined : displayJson(value);
    return {
      body: text === undefined ? none : { kind: 'text', text },
      contentType: media.mediaType === '*/*' ? 'application/json' : media.mediaType,
      files: [],
    };
  }
  // A whole body that is a file (GitHub's release asset upload): a placeholder, named.
  if (media.schema !== undefined && isFileSchema(media.schema))
    return {
      body: { kind: 'text', text: PLACEHOLDER_FILE },
      contentType: media.mediaType,
      files: [WHOLE_BODY],
    };
  return {
    body: value === undefined ? none : { kind: 'text', text: valueText(value) },
    contentType: media.mediaType,
    files: [],
  };
}

/** The `files` entry of a body that is a file as a whole. */
const WHOLE_BODY = '';

/** What the note and the case's comment say of form fields sent as placeholder files. */
function filesLine(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  if (files.includes(WHOLE_BODY))
    return 'the request body is a file, sent as a small placeholder (a document holds no file): put a real one in the case to upload it';
  const names = files.map((f) => `"${f}"`).join(', ');
  return `file field ${names} sent as a small placeholder file (a document holds no file): put a real one in the case to upload it`;
}

/** The media type a case sends: the first JSON one, else the first. */
function mediaOf(operation: OpenApiOperation): OpenApiMedia | undefined {
  const contents = operation.requestBody?.contents ?? [];
  return contents.find((m) => isJsonType(m.mediaType)) ?? contents[0];
}

/** The file fields of the form an operation's cases send, or its whole body when it is a file. */
function fileFieldsOf(operation: OpenApiOperation): readonly string[] {
  const media = mediaOf(operation);
  return media === undefined ? [] : encodeBody(media, undefined).files;
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
  const missing = operation.externalRefs
    .filter((ref) => ref.startsWith(MISSING))
    .map((ref) => ref.slice(MISSING.length));
  const external = operation.externalRefs.filter((ref) => !ref.startsWith(MISSING));
  const lines: string[] = [];
  if (external.length > 0) {
    const them = external.length === 1 ? 'it points' : 'they point';
    lines.push(
      `refers to ${external.join(', ')} outside the document (an import does not follow external $refs): the case leaves out what ${them} to`,
    );
  }
  if (missing.length > 0) {
    lines.push(
      `refers to ${missing.join(', ')}, which the document does not define: the case leaves out what ${missing.length === 1 ? 'it names' : 'they name'}`,
    );
  }
  return lines.length === 0 ? undefined : lines.join('; ');
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

function requestOf(operation: OpenApiOperation, variant: Variant): ImportedRequest {
  const { path, query, headers } = placeParameters(operation, variant);
  const media = mediaOf(operation);
  const bodyValue =
    media === undefined
      ? undefined
      : (variant.body?.value ??
        media.examples[0]?.value ??
        (media.schema === undefined ? undefined : sampleOf(media.schema)));
  const encoded = media === undefined ? undefined : encodeBody(media, bodyValue);
  const body = encoded?.body ?? ({ kind: 'none' } as const);
  if (encoded !== undefined && body.kind !== 'none')
    headers.push(['Content-Type', encoded.contentType]);
  const files = filesLine(encoded?.files ?? []);
  const example = variant.body ?? variant.parameter?.example;
  const external = externalRefsLine(operation);
  const statuses = operation.responses.map((r) => r.status).join(', ');
  return {
    method: operation.method,
    origin: operation.origin,
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
      ...(files === undefined ? [] : [files]),
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

/**
 * One note per origin that operations' own `servers` (path item or
 * operation) name, other than the document's: its cases are sent there.
 */
function ownServerNotes(document: OpenApiDocument): string[] {
  const byOrigin = new Map<string, string[]>();
  for (const operation of document.operations) {
    if (operation.origin === undefined || operation.origin === document.origin) continue;
    byOrigin.set(operation.origin, [
      ...(byOrigin.get(operation.origin) ?? []),
      operationKey(operation),
    ]);
  }
  return [...byOrigin].map(([origin, keys]) => {
    const shown = keys.slice(0, 3).join(', ') + (keys.length > 3 ? `, … (${keys.length})` : '');
    return `${keys.length} operation(s) are served at ${origin} (their own servers), not at the document's ${document.origin ?? 'server'}: ${shown}`;
  });
}

/** Webhooks and callbacks, named: requests the API sends, which an import cannot send. */
function sentByTheApiNotes(document: OpenApiDocument): string[] {
  const why = 'parity sends requests; %s are requests the API sends';
  const notes: string[] = [];
  const { webhooks } = document;
  if (webhooks.length > 0)
    notes.push(
      `${webhooks.length} webhook(s) not imported (${why.replace('%s', 'webhooks')}): ${webhooks.join(', ')}`,
    );
  for (const operation of document.operations) {
    if (operation.callbacks.length === 0) continue;
    notes.push(
      `${operationKey(operation)}: callback(s) ${operation.callbacks.join(', ')} not imported (${why.replace('%s', 'callbacks')}); the operation itself is`,
    );
  }
  return notes;
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
    const files = fileFieldsOf(operation);
    if (files.length > 0) notes.push(`${operationKey(operation)}: ${filesLine(files)}`);
    for (const variant of variantsOf(operation)) requests.push(requestOf(operation, variant));
  }
  const dangling = document.danglingRefs ?? [];
  if (dangling.length > 0)
    notes.push(
      `the document refers to ${dangling.join(', ')}, which it does not define (an OpenAPI parser refuses it): what refers to ${dangling.length === 1 ? 'it' : 'them'} is read without it`,
    );
  return {
    requests,
    notes: [...notes, ...ownServerNotes(document), ...sentByTheApiNotes(document)],
    origin: document.origin,
  };
}
