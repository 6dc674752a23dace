/**
 * Deterministic sample values from JSON Schemas: the same schema always gives
 * the same value, so imported cases are stable from one import to the next.
 * The schema's own `example`, `examples`, `default`, `const` and `enum` come
 * first; otherwise a plain value of the type that honours `format`,
 * `minimum`/`maximum` and `minLength`/`maxLength`. Recursive schemas are cut
 * at a fixed depth. Numbers a double cannot hold are `ExactNumber`s, as the
 * document wrote them (`load.ts`). Pure.
 *
 * A document bounds neither: `minLength: 1000000000` would ask for a string
 * of a gigabyte, and nine schemas of twelve properties, each referring to
 * the next, for 12^8 values. A sample string is at most
 * {@link LONGEST_SAMPLE_STRING} characters, and a sample at most
 * {@link MOST_SAMPLE_VALUES} values (past that, further members are left
 * out), so every sample is made in bounded time and memory.
 */
import { type ExactNumber, isExactNumber } from '../../core/wire/exact-number.js';
import { field, has, isObject, type Json, listAt, objectAt, stringAt } from './read.js';
import type { JsonSchema } from './types.js';

/** What the value is for: a request leaves out `readOnly` properties, a response `writeOnly` ones. */
export type SampleFor = 'request' | 'response';

const MAX_DEPTH = 8;

/** The longest sample string, whatever `minLength` asks (a bounded case file; the server may refuse it). */
export const LONGEST_SAMPLE_STRING = 1024;

/** The most values one sample holds (a `$ref` fan-out is cut there, deterministically). */
export const MOST_SAMPLE_VALUES = 10_000;

/** Sample strings by `format`, chosen to be valid and obviously made up. */
const FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2024-01-15T09:30:00Z',
  date: '2024-01-15',
  time: '09:30:00Z',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'cGFyaXR5',
  password: 'secret',
};

/** The first documented value of a schema (`example`, `examples[0]`, `default`, `const`, `enum[0]`). */
function documented(schema: Json): { value: unknown } | undefined {
  if (has(schema, 'example')) return { value: field(schema, 'example') };
  const examples = listAt(schema, 'examples');
  if (examples.length > 0) return { value: examples[0] };
  if (has(schema, 'default')) return { value: field(schema, 'default') };
  if (has(schema, 'const')) return { value: field(schema, 'const') };
  const options = listAt(schema, 'enum');
  return options.length > 0 ? { value: options[0] } : undefined;
}

/** The schema's type: the first non-null of a 3.1 type list; inferred from its keywords when absent. */
function typeOf(schema: Json): string | undefined {
  const type = field(schema, 'type');
  if (typeof type === 'string') return type;
  if (Array.isArray(type))
    return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (has(schema, 'properties')) return 'object';
  if (has(schema, 'items')) return 'array';
  return undefined;
}

function numberBound(schema: Json, key: string): number | undefined {
  const value = field(schema, key);
  return typeof value === 'number' ? value : undefined;
}

function sampleNumber(schema: Json, integer: boolean): number | ExactNumber {
  // A bound a double cannot hold (int64's -9223372036854775808): the sample is
  // the bound itself when it may be, never a rounded neighbour.
  const exactMinimum = field(schema, 'minimum');
  if (isExactNumber(exactMinimum) && field(schema, 'exclusiveMinimum') !== true)
    return exactMinimum;
  const minimum = numberBound(schema, 'minimum');
  const exclusive = numberBound(schema, 'exclusiveMinimum');
  const maximum = numberBound(schema, 'maximum');
  let value = 1;
  if (minimum !== undefined)
    value = field(schema, 'exclusiveMinimum') === true ? minimum + 1 : minimum;
  else if (exclusive !== undefined) value = exclusive + 1;
  else if (maximum !== undefined && maximum < 1) value = maximum;
  const step = numberBound(schema, 'multipleOf');
  if (step !== undefined && step > 0) value = Math.ceil(value / step) * step;
  return integer ? Math.ceil(value) : value;
}

function sampleString(schema: Json): string {
  const format = stringAt(schema, 'format');
  let text = (format === undefined ? undefined : FORMATS[format]) ?? 'string';
  const asked = numberBound(schema, 'minLength');
  const min = asked === undefined ? undefined : Math.min(asked, LONGEST_SAMPLE_STRING);
  const max = numberBound(schema, 'maxLength');
  if (min !== undefined && text.length < min) text = text.padEnd(min, 'x');
  if (max !== undefined && text.length > max) text = text.slice(0, max);
  return text;
}

interface Walk {
  readonly purpose: SampleFor;
  readonly depth: number;
  readonly seen: ReadonlySet<Json>;
  /** Values the sample may still hold, shared by the whole walk. */
  readonly budget: { left: number };
}

function sampleObject(schema: Json, walk: Walk): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const hidden = walk.purpose === 'request' ? 'readOnly' : 'writeOnly';
  for (const [name, property] of Object.entries(objectAt(schema, 'properties') ?? {})) {
    if (!isObject(property) || field(property, hidden) === true) continue;
    const value = sampleAt(property, walk);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function sampleAllOf(parts: readonly unknown[], walk: Walk): unknown {
  const values = parts.map((part) => (isObject(part) ? sampleAt(part, walk) : undefined));
  if (values.every((value) => isObject(value) || value === undefined)) {
    return Object.assign({}, ...values.filter(isObject));
  }
  return values.find((value) => value !== undefined);
}

function sampleAt(schema: Json, outer: Walk): unknown {
  // A recursive schema (a tree of nodes) is a cycle once dereferenced: stop there.
  if (outer.depth > MAX_DEPTH || outer.seen.has(schema) || outer.budget.left <= 0) return undefined;
  outer.budget.left--;
  const walk: Walk = { ...outer, depth: outer.depth + 1, seen: new Set([...outer.seen, schema]) };
  const known = documented(schema);
  if (known !== undefined) return known.value;
  const allOf = listAt(schema, 'allOf');
  if (allOf.length > 0) return sampleAllOf(allOf, walk);
  const choice = [...listAt(schema, 'oneOf'), ...listAt(schema, 'anyOf')][0];
  if (isObject(choice)) return sampleAt(choice, walk);
  switch (typeOf(schema)) {
    case 'object':
      return sampleObject(schema, walk);
    case 'array': {
      const items = objectAt(schema, 'items');
      const item = items === undefined ? 'string' : sampleAt(items, walk);
      return item === undefined ? [] : [item];
    }
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema);
    default:
      return undefined;
  }
}

/**
 * A sample value of `schema` (see the module comment); undefined when the
 * schema says nothing a value could be made from (`{}`).
 */
export function sampleOf(schema: JsonSchema, purpose: SampleFor = 'request'): unknown {
  const budget = { left: MOST_SAMPLE_VALUES };
  return sampleAt(schema, { purpose, depth: 0, seen: new Set(), budget });
}
