/**
 * A Postman request body as Postman's runtime sends it: raw text with the
 * content type of its language, urlencoded and formdata fields (a file
 * field left out with a note, the text fields kept), GraphQL with its
 * variables text as typed. A `file` body cannot be imported. Pure.
 */
import { FORM_BOUNDARY, multipartBody, multipartType } from './multipart.js';
import {
  enabled,
  type KeyValue,
  keyText,
  keyValueText,
  type PostmanBody,
} from './postman-schema.js';
import type { ImportedBody } from './types.js';

/** The fields URL-encoded, each name and value with its `{{variables}}` replaced first. */
function form(list: readonly KeyValue[], sub: (t: string) => string): string {
  return new URLSearchParams(
    enabled(list).map((kv) => [sub(keyText(kv)), sub(keyValueText(kv.value))]),
  ).toString();
}

/**
 * The methods whose body Postman's runtime prunes (postman-runtime's
 * `METHODS_WITHOUT_BODY`) unless `protocolProfileBehavior.disableBodyPruning`.
 */
const PRUNED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'COPY', 'PURGE', 'UNLOCK']);

/** Whether Postman's runtime sends no body for `method` (upper case) under `disableBodyPruning`. */
export function bodyPruned(method: string, disableBodyPruning: boolean | undefined): boolean {
  return PRUNED_METHODS.has(method) && disableBodyPruning !== true;
}

/** The content type Postman's runtime gives a raw body of each language, when no header sets one. */
const RAW_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
};

/**
 * The GraphQL body as Postman's runtime writes it: a variables text goes in
 * as typed (Postman does not parse it, so it is sent even when it is not
 * JSON: noted), an empty one is left out; variables given as an object are
 * serialised with the rest.
 */
function graphqlText(
  graphql: NonNullable<PostmanBody['graphql']>,
  sub: (t: string) => string,
  note: (text: string) => void,
): string {
  const query = graphql.query === undefined ? undefined : sub(graphql.query);
  const { operationName, variables } = graphql;
  if (typeof variables !== 'string') {
    return JSON.stringify({ query, operationName, variables });
  }
  const parts = [
    ...(query === undefined ? [] : [`"query":${JSON.stringify(query)}`]),
    ...(typeof operationName === 'string'
      ? [`"operationName":${JSON.stringify(operationName)}`]
      : []),
  ];
  const text = sub(variables);
  if (text !== '') {
    try {
      JSON.parse(text);
    } catch {
      note(
        'its GraphQL variables are not JSON; the body is sent as Postman sends it, not JSON either',
      );
    }
    parts.push(`"variables":${text}`);
  }
  return `{${parts.join(',')}}`;
}

export function bodyOf(
  body: PostmanBody | null | undefined,
  sub: (t: string) => string,
  note: (text: string) => void,
): { body: ImportedBody; type?: string } {
  if (body === null || body === undefined || body.disabled === true)
    return { body: { kind: 'none' } };
  switch (body.mode) {
    case 'raw': {
      const text = sub(body.raw ?? '');
      const type = RAW_TYPES[body.options?.raw?.language ?? 'text'] ?? RAW_TYPES['text'];
      return {
        body: text === '' ? { kind: 'none' } : { kind: 'text', text },
        ...(text === '' ? {} : { type }),
      };
    }
    case 'urlencoded':
      // No field, no body: Postman's runtime sends none.
      if (enabled(body.urlencoded).length === 0) return { body: { kind: 'none' } };
      return {
        body: { kind: 'text', text: form(body.urlencoded ?? [], sub) },
        type: 'application/x-www-form-urlencoded',
      };
    case 'formdata': {
      const fields = enabled(body.formdata);
      if (fields.length === 0) return { body: { kind: 'none' } };
      for (const file of fields.filter((f) => f.type === 'file'))
        note(`form field "${keyText(file)}" is a file, which an import cannot read: left out`);
      const text = fields
        .filter((f) => f.type !== 'file')
        .map((f) => ({ name: sub(keyText(f)), value: sub(keyValueText(f.value)) }));
      return {
        body: { kind: 'text', text: multipartBody(text, FORM_BOUNDARY) },
        type: multipartType(FORM_BOUNDARY),
      };
    }
    case 'graphql':
      return {
        body: { kind: 'text', text: graphqlText(body.graphql ?? {}, sub, note) },
        type: 'application/json',
      };
    case 'file':
      return {
        body: {
          kind: 'binary',
          size: 0,
          reason: 'its body is a file, which an import cannot read (a case holds text or JSON)',
        },
      };
    default:
      return { body: { kind: 'none' } };
  }
}
