/**
 * Parameters and examples of OpenAPI 3.x and Swagger 2.0 operations, read into
 * one shape. Pure.
 */
import { field, has, isObject, type Json, listAt, objectAt, stringAt } from './read.js';
import type { JsonSchema, OpenApiExample, OpenApiParameter, ParameterLocation } from './types.js';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

function locationOf(value: unknown): ParameterLocation | undefined {
  return LOCATIONS.find((location) => location === value);
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
  const schema = objectAt(raw, 'schema');
  const style =
    stringAt(raw, 'style') ?? (location === 'query' || location === 'cookie' ? 'form' : 'simple');
  const explode = field(raw, 'explode');
  return {
    name,
    in: location,
    required: field(raw, 'required') === true || location === 'path',
    description: stringAt(raw, 'description'),
    schema,
    examples: examplesOf(raw),
    explode: typeof explode === 'boolean' ? explode : style === 'form',
  };
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
    explode: stringAt(raw, 'collectionFormat') === 'multi',
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
