/**
 * An OpenAPI form body (`multipart/form-data`, `application/x-www-form-urlencoded`;
 * Swagger 2.0 `formData` parameters are read as one) from its schema and a
 * value: one field per member in schema order (an array one per item, an
 * object as JSON), and each file field (OpenAPI 3 `format: binary`, 3.1
 * `contentMediaType`/`contentEncoding`, Swagger `type: file`) as a small
 * placeholder file, which a document never holds: the caller notes it by name.
 * Pure.
 */
import { field, isObject, type Json, objectAt, stringAt } from '../openapi/read.js';
import type { JsonSchema } from '../openapi/types.js';
import { FORM_BOUNDARY, type FormPart, multipartBody, multipartType } from './multipart.js';
import { valueText } from './parameter-style.js';
import type { ImportedBody } from './types.js';

/** What a placeholder file part holds: short, readable, and plainly not the real file. */
export const PLACEHOLDER_FILE = 'placeholder file written by parity import';

/** The form media types, by their type alone (parameters cut, any case). */
export function formKind(mediaType: string): 'multipart' | 'urlencoded' | undefined {
  const type = mediaType.split(';', 1)[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') return 'multipart';
  if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
  return undefined;
}

/** A schema for file contents: `type: file`, `format: binary`, or 3.1's content keywords. */
export function isFileSchema(schema: Json): boolean {
  return (
    field(schema, 'type') === 'file' ||
    stringAt(schema, 'format') === 'binary' ||
    stringAt(schema, 'contentMediaType') !== undefined ||
    stringAt(schema, 'contentEncoding') !== undefined
  );
}

/** The file's media type: 3.1's `contentMediaType` (or the array item's), else bytes. */
function fileType(schema: Json): string {
  return (
    stringAt(schema, 'contentMediaType') ??
    stringAt(objectAt(schema, 'items'), 'contentMediaType') ??
    'application/octet-stream'
  );
}

/** A property that holds a file, or files (an array of them). */
function fileProperty(schema: Json): boolean {
  const items = objectAt(schema, 'items');
  return isFileSchema(schema) || (items !== undefined && isFileSchema(items));
}

export interface FormBody {
  /** None when the form has no field to send. */
  readonly body: ImportedBody;
  /** The content type to send (multipart with the body's boundary). */
  readonly contentType: string;
  /** The file fields, each sent as a placeholder file. */
  readonly files: readonly string[];
}

/** The text parts of a member: one per array item, an object as JSON; `type` from the form's `encoding`. */
function textParts(name: string, value: unknown, type: string | undefined): FormPart[] {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => ({ name, value: valueText(item), type }));
}

/**
 * The parts of a form whose schema is `schema` and value `value` (an object,
 * else no member): schema properties first, in order, then other members.
 */
function partsOf(
  schema: JsonSchema | undefined,
  value: unknown,
  partTypes: Readonly<Record<string, string>>,
): {
  parts: FormPart[];
  files: string[];
} {
  const properties = objectAt(schema, 'properties') ?? {};
  const members = isObject(value) ? value : {};
  const parts: FormPart[] = [];
  const files: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (isObject(property) && fileProperty(property)) {
      files.push(name);
      parts.push({
        name,
        value: PLACEHOLDER_FILE,
        filename: `${name}.bin`,
        type: partTypes[name] ?? fileType(property),
      });
    } else if (members[name] !== undefined)
      parts.push(...textParts(name, members[name], partTypes[name]));
  }
  for (const [name, member] of Object.entries(members)) {
    if (!Object.hasOwn(properties, name) && member !== undefined)
      parts.push(...textParts(name, member, partTypes[name]));
  }
  return { parts, files };
}

/** The body of a form of `kind` (see the module comment). */
export function formBodyOf(
  kind: 'multipart' | 'urlencoded',
  schema: JsonSchema | undefined,
  value: unknown,
  partTypes: Readonly<Record<string, string>> = {},
): FormBody {
  const { parts, files } = partsOf(schema, value, kind === 'multipart' ? partTypes : {});
  if (parts.length === 0) return { body: { kind: 'none' }, contentType: '', files };
  if (kind === 'multipart') {
    return {
      body: { kind: 'text', text: multipartBody(parts, FORM_BOUNDARY) },
      contentType: multipartType(FORM_BOUNDARY),
      files,
    };
  }
  const text = new URLSearchParams(parts.map((p) => [p.name, p.value])).toString();
  return {
    body: { kind: 'text', text },
    contentType: 'application/x-www-form-urlencoded',
    files,
  };
}
