/**
 * Swagger 2.0 operations in the shape of OpenAPI 3's: `in: body` and
 * `in: formData` parameters become a request body (one media type per
 * `consumes` entry), response `schema`/`examples` become contents per
 * `produces` entry. Pure.
 */
import {
  examplesOf,
  inlineSchema,
  mergeParameters,
  parametersAt,
  parameterV2,
} from './parameters.js';
import { field, has, isObject, type Json, objectAt, stringAt, stringsAt } from './read.js';
import type {
  JsonSchema,
  OpenApiMedia,
  OpenApiOperation,
  OpenApiRequestBody,
  OpenApiResponse,
} from './types.js';
import { type OperationServer, walkOperations } from './walk.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';

/** The body of a form: one property per `formData` parameter (its `x-example` its example). */
function formSchema(form: readonly Json[]): JsonSchema {
  const properties = Object.fromEntries(
    form.map((p) => {
      const example = has(p, 'x-example') ? { example: field(p, 'x-example') } : {};
      return [stringAt(p, 'name') ?? '', { ...inlineSchema(p), ...example }] as const;
    }),
  );
  const required = form
    .filter((p) => field(p, 'required') === true)
    .map((p) => stringAt(p, 'name'));
  return { type: 'object', properties, required };
}

function requestBodyV2(
  parameters: readonly unknown[],
  consumes: readonly string[],
): OpenApiRequestBody | undefined {
  const body = parameters.find((p) => field(p, 'in') === 'body');
  if (isObject(body)) {
    const schema = objectAt(body, 'schema');
    const examples = examplesOf(body, 'x-example');
    const types = consumes.length > 0 ? consumes : ['application/json'];
    return {
      required: field(body, 'required') === true,
      contents: types.map((mediaType) => ({ mediaType, schema, examples })),
    };
  }
  const form = parameters.filter((p): p is Json => isObject(p) && field(p, 'in') === 'formData');
  if (form.length === 0) return undefined;
  // A file can only be sent in a multipart form (Swagger 2.0 requires its `consumes`).
  const file = form.some((p) => field(p, 'type') === 'file');
  const mediaType =
    file || (consumes.includes(MULTIPART) && !consumes.includes(FORM)) ? MULTIPART : FORM;
  return {
    required: form.some((p) => field(p, 'required') === true),
    contents: [{ mediaType, schema: formSchema(form), examples: [] }],
  };
}

function responsesV2(raw: unknown, produces: readonly string[]): OpenApiResponse[] {
  return Object.entries(isObject(raw) ? raw : {}).map(([status, response]) => {
    const schema = objectAt(response, 'schema');
    const examples = objectAt(response, 'examples') ?? {};
    const types = [...new Set([...produces, ...Object.keys(examples)])];
    const contents: OpenApiMedia[] =
      schema === undefined && Object.keys(examples).length === 0
        ? []
        : types.map((mediaType) => ({
            mediaType,
            schema,
            examples: Object.hasOwn(examples, mediaType)
              ? [{ name: 'example', summary: undefined, value: examples[mediaType] }]
              : [],
          }));
    return { status, description: stringAt(response, 'description'), contents };
  });
}

/** `consumes` or `produces` of an operation, else of the document. */
function mediaTypes(document: unknown, operation: unknown, key: string): string[] {
  return field(operation, key) === undefined ? stringsAt(document, key) : stringsAt(operation, key);
}

/** The operations of a dereferenced Swagger 2.0 document. */
export function operationsV2(document: unknown, server: OperationServer): OpenApiOperation[] {
  return walkOperations(
    document,
    () => server,
    (item, operation) => {
      const raw = mergeParameters(parametersAt(item), parametersAt(operation));
      return {
        parameters: raw.map(parameterV2).filter((p) => p !== undefined),
        requestBody: requestBodyV2(raw, mediaTypes(document, operation, 'consumes')),
        responses: responsesV2(
          field(operation, 'responses'),
          mediaTypes(document, operation, 'produces'),
        ),
      };
    },
  );
}
