/**
 * A `multipart/form-data` body of text fields, as curl `-F`, a Postman
 * formdata body, a HAR entry's form params and an OpenAPI form send it. A
 * recorded file field cannot be imported (its bytes are not in the source):
 * the caller leaves it out with a note and keeps the text fields; an OpenAPI
 * file field, which never had bytes, is a small placeholder file part. Pure.
 */

/** The boundary of an imported form whose source names none. */
export const FORM_BOUNDARY = '----parity-form-boundary';

/** `multipart/form-data; boundary=…` for `boundary`. */
export function multipartType(boundary: string): string {
  return `multipart/form-data; boundary=${boundary}`;
}

/** The boundary a `multipart/form-data` content type names (quoted or not), if any. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** True for a `multipart/form-data` content type. */
export function isMultipart(contentType: string | undefined): boolean {
  return /^\s*multipart\/form-data\b/i.test(contentType ?? '');
}

/** One part of a form: a text field, or a file (`filename`, with its content type). */
export interface FormPart {
  readonly name: string;
  readonly value: string;
  readonly filename?: string | undefined;
  readonly type?: string | undefined;
}

/** The body: each field a part, then the closing delimiter. */
export function multipartBody(fields: readonly FormPart[], boundary: string): string {
  const parts = fields.map(({ name, value, filename, type }) => {
    const file = filename === undefined ? '' : `; filename="${filename}"`;
    const typeLine = type === undefined ? '' : `\r\nContent-Type: ${type}`;
    return `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file}${typeLine}\r\n\r\n${value}\r\n`;
  });
  return `${parts.join('')}--${boundary}--\r\n`;
}
