/**
 * OpenAPI parameter values as they go on the wire, by `style` and `explode`,
 * as the specification's style table writes `color` = `"blue"`,
 * `["blue","black"]` and `{"R":100,"G":200}` (the label row as RFC 6570 and
 * the tables after 3.0.3 have it: `.blue,black`):
 *
 * - query `form`: `color=blue,black` / `color=blue&color=black`,
 *   `color=R,100,G,200` / `R=100&G=200`; `spaceDelimited`, `pipeDelimited`
 *   (and Swagger's `tsv`) join with their delimiter unless exploded;
 *   `deepObject`: `color[R]=100&color[G]=200`;
 * - path `simple`: `blue,black`, `R,100,G,200` / `R=100,G=200`; `label`:
 *   `.blue,black` / `.blue.black`; `matrix`: `;color=blue,black` /
 *   `;color=blue;color=black`, `;color=R,100,G,200` / `;R=100;G=200`;
 * - header `simple`, as in the path but not percent-encoded.
 *
 * A parameter described by `content` is its value in that media type (JSON
 * text for JSON). Query pairs are decoded (the run encodes them); a path value
 * is percent-encoded except for the style's own delimiters. Combinations the
 * specification leaves undefined (a style another location uses, nested
 * values) are written the closest defined way: nested values as JSON, nested
 * deepObject members with one more `[key]`. Pure.
 */

import { displayJson } from '../../core/wire/display.js';
import { isExactNumber } from '../../core/wire/exact-number.js';
import type { OpenApiParameter } from '../openapi/types.js';
import { isJsonType } from './body.js';

/** A value as one piece of text: a string as is, an exact number's digits, anything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isExactNumber(value)) return value.text;
  return displayJson(value) ?? '';
}

/** A value as the style table sees it: a scalar's text, an array's item texts, an object's members. */
type Shape =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly string[] }
  | { readonly kind: 'object'; readonly members: readonly (readonly [string, unknown])[] };

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !isExactNumber(value)
  );
}

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(valueText) };
  if (isPlainObject(value)) return { kind: 'object', members: Object.entries(value) };
  return { kind: 'scalar', text: valueText(value) };
}

/** `R,100,G,200` (`explode` false) or `R=100,G=200`, each part through `encode`. */
function joinMembers(
  members: readonly (readonly [string, unknown])[],
  explode: boolean,
  separator: string,
  encode: (text: string) => string,
): string {
  return members
    .map(([key, value]) =>
      explode
        ? `${encode(key)}=${encode(valueText(value))}`
        : `${encode(key)},${encode(valueText(value))}`,
    )
    .join(separator);
}

const DELIMITERS: Readonly<Record<string, string>> = {
  spaceDelimited: ' ',
  pipeDelimited: '|',
  tabDelimited: '\t',
};

/** `color[R]=100`, one more `[key]` per nesting level; an array member repeats its name. */
function deepPairs(name: string, value: unknown): [string, string][] {
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, member]) => deepPairs(`${name}[${key}]`, member));
  if (Array.isArray(value)) return value.map((item) => [name, valueText(item)]);
  return [[name, valueText(value)]];
}

/** The decoded query pairs of one parameter value. */
export function queryPairsOf(parameter: OpenApiParameter, value: unknown): [string, string][] {
  const { name, style, explode } = parameter;
  if (parameter.contentType !== undefined) return [[name, contentText(parameter, value)]];
  if (style === 'deepObject') return deepPairs(name, value);
  const shape = shapeOf(value);
  if (shape.kind === 'scalar') return [[name, shape.text]];
  const delimiter = DELIMITERS[style] ?? ',';
  if (shape.kind === 'array') {
    if (shape.items.length === 0) return [[name, '']];
    return explode
      ? shape.items.map((item) => [name, item])
      : [[name, shape.items.join(delimiter)]];
  }
  if (shape.members.length === 0) return [[name, '']];
  if (explode) return shape.members.map(([key, member]) => [key, valueText(member)]);
  return [
    [name, shape.members.flatMap(([key, member]) => [key, valueText(member)]).join(delimiter)],
  ];
}

/** A `simple` value (path or header): items joined with `,`, members as `k,v` or `k=v`. */
function simpleText(shape: Shape, explode: boolean, encode: (text: string) => string): string {
  if (shape.kind === 'scalar') return encode(shape.text);
  if (shape.kind === 'array') return shape.items.map(encode).join(',');
  return joinMembers(shape.members, explode, ',', encode);
}

/** The text a path parameter's `{name}` is replaced by, percent-encoded but for the style's delimiters. */
export function pathTextOf(parameter: OpenApiParameter, value: unknown): string {
  const { name, style, explode } = parameter;
  const encode = encodeURIComponent;
  if (parameter.contentType !== undefined) return encode(contentText(parameter, value));
  const shape = shapeOf(value);
  if (style === 'label') {
    if (shape.kind === 'scalar') return `.${encode(shape.text)}`;
    if (shape.kind === 'array') return `.${shape.items.map(encode).join(explode ? '.' : ',')}`;
    return `.${joinMembers(shape.members, explode, explode ? '.' : ',', encode)}`;
  }
  if (style === 'matrix') {
    const named = `;${encode(name)}`;
    // RFC 6570's `;` operator writes an empty value without `=`.
    if (shape.kind === 'scalar')
      return shape.text === '' ? named : `${named}=${encode(shape.text)}`;
    if (shape.kind === 'array') {
      if (shape.items.length === 0) return named;
      return explode
        ? shape.items.map((item) => `${named}=${encode(item)}`).join('')
        : `${named}=${shape.items.map(encode).join(',')}`;
    }
    if (shape.members.length === 0) return named;
    return explode
      ? `;${joinMembers(shape.members, true, ';', encode)}`
      : `${named}=${joinMembers(shape.members, false, ',', encode)}`;
  }
  return simpleText(shape, explode, encode);
}

/** A header parameter's value (`simple`, whatever else the document says). */
export function headerTextOf(parameter: OpenApiParameter, value: unknown): string {
  if (parameter.contentType !== undefined) return contentText(parameter, value);
  return simpleText(shapeOf(value), parameter.explode, (text) => text);
}

/** A `content` parameter's value in its media type: JSON as JSON text (a string too). */
function contentText(parameter: OpenApiParameter, value: unknown): string {
  if (isJsonType(parameter.contentType)) return displayJson(value) ?? '';
  return valueText(value);
}
