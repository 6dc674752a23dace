/**
 * Parameters and examples of OpenAPI 3.x and Swagger 2.0 operations, read into
 * one shape. Pure.
 */
import { field, has, isObject, type Json, listAt, objectAt, stringAt } from './read.js';
import type {
  JsonSchema,
  OpenApiExample,
  OpenApiParameter,
  ParameterLocation,
  ParameterStyle,
} from './types.js';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

function locationOf(value: unknown): ParameterLocation | undefined {
  return LOCATIONS.find((location) => location === value);
}

/** The styles OpenAPI 3 names (`tabDelimited` is Swagger 2.0's `tsv` only). */
const STYLES_V3: readonly ParameterStyle[] = [
  'matrix',
  'label',
  'simple',
  'form',
  'spaceDelimited',
  'pipeDelimited',
  'deepObject',
];

/** The spec's default style: `form` in the query and cookies, `simple` in the path and headers. */
function defaultStyle(location: ParameterLocation): ParameterStyle {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/**
 * A parameter described by `content` (one media type) instead of `schema`:
 * the media type, its schema and its examples.
 */
function contentOf(
  raw: unknown,
): { mediaType: string; schema: JsonSchema | undefined; examples: OpenApiExample[] } | undefined {
  const [entry] = Object.entries(objectAt(raw, 'content') ?? {});
  if (entry === undefined) return undefined;
  const [mediaType, media] = entry;
  return { mediaType, schema: objectAt(media, 'schema'), examples: examplesOf(media) };
}

/**
 * The examples of an object with `examples: {name: {summary, value}}` (OpenAPI
 * 3) and/or `example: value`; `extra` names a vendor key (`x-example`, Swagger).
 */
export function examplesOf(holder: unknown, extra?: string): OpenApiExample[] {
  const out: OpenApiExample[] = [];
  for (const [name, example] of Object.entries(objectAt(holder, 'examples') ?? {})) {
    // An `externalValue` points outside the document: nothing to send.
    if (has(example, 'value')) {
      out.push({ name, summary: stringAt(example, 'summary'), value: field(example, 'value') });
    }
  }
  if (has(holder, 'example')) {
    out.push({ name: 'example', summary: undefined, value: field(holder, 'example') });
  }
  if (extra !== undefined && has(holder, extra)) {
    out.push({ name: 'example', summary: undefined, value: field(holder, extra) });
  }
  return out;
}

/** The keys of a Swagger 2.0 parameter that are not part of its value's schema. */
const NOT_SCHEMA = new Set([
  'name',
  'in',
  'required',
  'description',
  'collectionFormat',
  'allowEmptyValue',
  'x-example',
]);

/** A Swagger 2.0 non-body parameter's inline `type`/`format`/`items`/`enum`/… as a schema. */
export function inlineSchema(parameter: Json): JsonSchema {
  return Object.fromEntries(Object.entries(parameter).filter(([key]) => !NOT_SCHEMA.has(key)));
}

/** One OpenAPI 3.x parameter, or undefined when it is not a valid one. */
export function parameterV3(raw: unknown): OpenApiParameter | undefined {
  const name = stringAt(raw, 'name');
  const location = locationOf(field(raw, 'in'));
  if (name === undefined || location === undefined) return undefined;
  const written = stringAt(raw, 'style');
  const style = STYLES_V3.find((s) => s === written) ?? defaultStyle(location);
  const explode = field(raw, 'explode');
  const content = contentOf(raw);
  return {
    name,
    in: location,
    required: field(raw, 'required') === true || location === 'path',
    description: stringAt(raw, 'description'),
    schema: objectAt(raw, 'schema') ?? content?.schema,
    // The parameter's own examples win over its media type's.
    examples: [...examplesOf(raw), ...(content?.examples ?? [])],
    style,
    explode: typeof explode === 'boolean' ? explode : style === 'form',
    contentType: content?.mediaType,
  };
}

/** Swagger 2.0's `collectionFormat` (default `csv`) as a style and explode. */
function collectionStyle(
  format: string | undefined,
  location: ParameterLocation,
): Pick<OpenApiParameter, 'style' | 'explode'> {
  switch (format) {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'tsv':
      return { style: 'tabDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    default:
      return { style: location === 'query' ? 'form' : 'simple', explode: false };
  }
}

/** One Swagger 2.0 parameter that is not `in: body` or `in: formData`. */
export function parameterV2(raw: unknown): OpenApiParameter | undefined {
  const name = stringAt(raw, 'name');
  const location = locationOf(field(raw, 'in'));
  if (name === undefined || location === undefined || !isObject(raw)) return undefined;
  return {
    name,
    in: location,
    required: field(raw, 'required') === true || location === 'path',
    description: stringAt(raw, 'description'),
    schema: inlineSchema(raw),
    examples: examplesOf(raw, 'x-example'),
    ...collectionStyle(stringAt(raw, 'collectionFormat'), location),
    contentType: undefined,
  };
}

/**
 * Path-level parameters overridden by operation-level ones of the same name
 * and location, in order (path level first).
 */
export function mergeParameters(
  pathLevel: readonly unknown[],
  operationLevel: readonly unknown[],
): unknown[] {
  const key = (raw: unknown) => `${stringAt(raw, 'in')}\u0000${stringAt(raw, 'name')}`;
  const own = new Set(operationLevel.map(key));
  return [...pathLevel.filter((raw) => !own.has(key(raw))), ...operationLevel];
}

/** The parameters list at `holder.parameters`. */
export function parametersAt(holder: unknown): readonly unknown[] {
  return listAt(holder, 'parameters');
}
