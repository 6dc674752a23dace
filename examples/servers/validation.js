/**
 * The validation rules of `POST /v1/validate`, shared by both reference
 * servers so they always agree on *which* error a record has. Only the wire
 * encoding differs: serde writes an externally tagged enum
 * (`{"Range":{"field":"age",…}}`), Go a struct with a `Kind` discriminator and
 * exported PascalCase fields (`{"Kind":"range","Field":"age",…}`).
 */

/** The record fields the API knows, in the order they are checked. */
export const RECORD_FIELDS = ['name', 'age', 'email', 'tags'];
export const AGE_RANGE = { min: 0, max: 150 };
export const MAX_TAGS = 5;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A runtime-neutral validation error; `kind` doubles as Go's `Kind` value.
 * @typedef {{ kind: 'schema', field: string, reason: string }
 *   | { kind: 'range', field: string, min: number, max: number, actual: number }
 *   | { kind: 'format', field: string, expected: string }
 *   | { kind: 'unknown_field', field: string }
 *   | { kind: 'too_many', field: string, max: number, actual: number }} ValidationError
 */

/**
 * The first rule `record` breaks, or `undefined` when it is valid. Checks run in
 * a fixed order: unknown fields, then each known field in {@link RECORD_FIELDS} order.
 * @param {unknown} record
 * @returns {ValidationError | undefined}
 */
export function validateRecord(record) {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { kind: 'schema', field: 'record', reason: 'must be an object' };
  }
  const fields = new Map(Object.entries(record));
  const unknown = [...fields.keys()].find((key) => !RECORD_FIELDS.includes(key));
  if (unknown !== undefined) return { kind: 'unknown_field', field: unknown };
  return (
    checkName(fields.get('name')) ??
    checkAge(fields.get('age')) ??
    checkEmail(fields.get('email')) ??
    checkTags(fields.get('tags'))
  );
}

/** @param {unknown} name @returns {ValidationError | undefined} */
function checkName(name) {
  if (name === undefined || name === null) return schema('name', 'required');
  if (typeof name !== 'string') return schema('name', 'must be a string');
  if (name.trim() === '') return schema('name', 'must not be empty');
  return undefined;
}

/** @param {unknown} age @returns {ValidationError | undefined} */
function checkAge(age) {
  if (age === undefined) return undefined;
  if (typeof age !== 'number' || !Number.isSafeInteger(age)) {
    return schema('age', 'must be an integer');
  }
  if (age < AGE_RANGE.min || age > AGE_RANGE.max) {
    return { kind: 'range', field: 'age', ...AGE_RANGE, actual: age };
  }
  return undefined;
}

/** @param {unknown} email @returns {ValidationError | undefined} */
function checkEmail(email) {
  if (email === undefined) return undefined;
  if (typeof email !== 'string') return schema('email', 'must be a string');
  if (!EMAIL.test(email)) return { kind: 'format', field: 'email', expected: 'email' };
  return undefined;
}

/** @param {unknown} tags @returns {ValidationError | undefined} */
function checkTags(tags) {
  if (tags === undefined) return undefined;
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    return schema('tags', 'must be a list of strings');
  }
  if (tags.length > MAX_TAGS) {
    return { kind: 'too_many', field: 'tags', max: MAX_TAGS, actual: tags.length };
  }
  return undefined;
}

/** @param {string} field @param {string} reason @returns {ValidationError} */
function schema(field, reason) {
  return { kind: 'schema', field, reason };
}

/**
 * serde's externally tagged enum: the variant name wraps its fields.
 * `enum ValidationError { Schema { field, reason }, Range { field, min, max, actual }, … }`
 * @param {ValidationError} error
 */
export function toSerdeError(error) {
  switch (error.kind) {
    case 'schema':
      return { Schema: { field: error.field, reason: error.reason } };
    case 'range':
      return {
        Range: { field: error.field, min: error.min, max: error.max, actual: error.actual },
      };
    case 'format':
      return { Format: { field: error.field, expected: error.expected } };
    case 'unknown_field':
      return { UnknownField: { field: error.field } };
    case 'too_many':
      return { TooMany: { field: error.field, max: error.max, actual: error.actual } };
  }
}

/**
 * Go's flat struct without json tags, so the keys are the exported field names;
 * `omitempty` drops the fields a kind does not use (Min is a `*int`, so 0 stays):
 * `type ValidationError struct { Kind, Field string; Reason, Expected string ",omitempty";
 *  Min, Max, Actual *int ",omitempty" }`
 * @param {ValidationError} error
 */
export function toGoError(error) {
  return {
    Kind: error.kind,
    Field: error.field,
    Reason: 'reason' in error ? error.reason : undefined,
    Expected: 'expected' in error ? error.expected : undefined,
    Min: 'min' in error ? error.min : undefined,
    Max: 'max' in error ? error.max : undefined,
    Actual: 'actual' in error ? error.actual : undefined,
  };
}
