/** Defensive readers for parsed documents (no casts on parsed input). Pure. */

export type Json = Readonly<Record<string, unknown>>;

/** True for a plain object (not an array, not null). */
export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `value` is an object. */
export function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/** The object at `value[key]`, or undefined. */
export function objectAt(value: unknown, key: string): Json | undefined {
  const found = field(value, key);
  return isObject(found) ? found : undefined;
}

/** The string at `value[key]`, or undefined. */
export function stringAt(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' ? found : undefined;
}

/** The array at `value[key]`, or an empty one. */
export function listAt(value: unknown, key: string): readonly unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

/** The strings of the array at `value[key]`. */
export function stringsAt(value: unknown, key: string): string[] {
  return listAt(value, key).filter((item): item is string => typeof item === 'string');
}

/** Whether `value` has its own `key` (an `example: null` is an example). */
export function has(value: unknown, key: string): boolean {
  return isObject(value) && Object.hasOwn(value, key);
}
