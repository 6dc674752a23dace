/**
 * OpenAPI form bodies become the forms they describe: `multipart/form-data`
 * (OpenAPI 3 request bodies and Swagger 2.0 `formData` parameters) with a
 * boundary its content type names and a placeholder file part per file field
 * (noted by name), `application/x-www-form-urlencoded` as a URL-encoded form.
 * Each body is read back by a real form parser (undici's `Response.formData`).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importOpenApi } from '../../../../src/io/import/openapi.js';
import { PLACEHOLDER_FILE } from '../../../../src/io/import/openapi-form.js';
import { loadOpenApi } from '../../../../src/io/openapi/load.js';
import { tempProject } from '../../../helpers/cli.js';

async function imported(yaml: string) {
  const dir = await tempProject({ 'api.yaml': yaml });
  const built = buildCaseFiles(importOpenApi(await loadOpenApi('api.yaml', dir)));
  const requests = built.files.flatMap((f) => f.cases.map((c) => c.request));
  return { notes: built.notes, requests };
}

/** The form a server reads from a case's body and content type. */
async function formOf(request: { headers?: Readonly<Record<string, string>>; text?: string }) {
  const type = request.headers?.['content-type'] ?? '';
  const form = await new Response(request.text ?? '', {
    headers: { 'content-type': type },
  }).formData();
  const fields: [string, string][] = [];
  form.forEach((value, name) => {
    fields.push([name, typeof value === 'string' ? value : `file ${value.name} ${value.type}`]);
  });
  return fields;
}

const OAS3 = `openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "http://127.0.0.1:4001" }]
paths:
  /upload:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                title: { type: string, example: cat }
                tags: { type: array, items: { type: string }, example: [a, b] }
                file: { type: string, format: binary }
      responses: { "200": { description: ok } }
  /login:
    post:
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema: { type: object, properties: { user: { type: string, example: "a b" }, n: { type: integer } } }
      responses: { "200": { description: ok } }
`;

const SWAGGER = `swagger: "2.0"
info: { title: t, version: "1" }
host: 127.0.0.1:4001
paths:
  /pet/{id}/image:
    post:
      consumes: [application/x-www-form-urlencoded, multipart/form-data]
      parameters:
        - { name: id, in: path, required: true, type: integer }
        - { name: note, in: formData, type: string, x-example: hi }
        - { name: file, in: formData, type: file, required: true }
      responses: { "200": { description: ok } }
  /pet/{id}:
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - { name: id, in: path, required: true, type: integer }
        - { name: status, in: formData, type: string, enum: [sold] }
      responses: { "200": { description: ok } }
`;

describe('OpenAPI forms', () => {
  it('OpenAPI 3: multipart with a boundary and a placeholder file (noted), a URL-encoded form', async () => {
    const { notes, requests } = await imported(OAS3);
    const [upload, login] = requests;
    expect(upload?.headers?.['content-type']).toBe(
      'multipart/form-data; boundary=----parity-form-boundary',
    );
    expect(await formOf(upload ?? {})).toEqual([
      ['title', 'cat'],
      ['tags', 'a'],
      ['tags', 'b'],
      ['file', 'file file.bin application/octet-stream'],
    ]);
    expect(upload?.text).toContain(PLACEHOLDER_FILE);
    expect(notes).toContain(
      'POST /upload: file field "file" sent as a small placeholder file (a document holds no file): put a real one in the case to upload it',
    );
    expect(login).toMatchObject({
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      text: 'user=a+b&n=1',
    });
  });

  it('Swagger 2.0 formData: a file makes the form multipart (whatever consumes lists first); without one it is URL-encoded', async () => {
    const { notes, requests } = await imported(SWAGGER);
    const [image, pet] = requests;
    expect(await formOf(image ?? {})).toEqual([
      ['note', 'hi'],
      ['file', 'file file.bin application/octet-stream'],
    ]);
    expect(notes.some((n) => n.startsWith('POST /pet/{id}/image: file field "file"'))).toBe(true);
    expect(pet).toMatchObject({ text: 'status=sold' });
    expect(await formOf(pet ?? {})).toEqual([['status', 'sold']]);
  });

  it('writes the multipart body as text a case file holds', async () => {
    const dir = await tempProject({ 'api.yaml': OAS3 });
    const built = buildCaseFiles(importOpenApi(await loadOpenApi('api.yaml', dir)));
    const { renderCaseFile } = await import('../../../../src/io/import/render.js');
    const file = built.files.find((f) => f.name === 'upload.yaml');
    const text = file === undefined ? '' : renderCaseFile(file, ['test']);
    expect(parse(text)).toMatchObject({ cases: [{ request: { method: 'POST' } }] });
  });

  it('a request body that is a file as a whole (a release asset upload) is a placeholder, noted', async () => {
    const { notes, requests } = await imported(`openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "http://127.0.0.1:4001" }]
paths:
  /assets:
    post:
      requestBody:
        content:
          application/octet-stream:
            schema: { type: string, format: binary }
      responses: { "201": { description: made } }
`);
    expect(requests[0]).toMatchObject({
      headers: { 'content-type': 'application/octet-stream' },
      text: PLACEHOLDER_FILE,
    });
    expect(notes).toEqual([
      'POST /assets: the request body is a file, sent as a small placeholder (a document holds no file): put a real one in the case to upload it',
    ]);
  });

  it("gives each part the content type the form's encoding names", async () => {
    const { requests } = await imported(`openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "http://127.0.0.1:4001" }]
paths:
  /profile:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                meta: { type: object, example: { a: 1 } }
                photo: { type: string, format: binary }
            encoding:
              meta: { contentType: application/json }
              photo: { contentType: image/png }
      responses: { "200": { description: ok } }
`);
    const text = requests[0]?.text ?? '';
    expect(text).toContain(
      'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"a":1}\r\n',
    );
    expect(await formOf(requests[0] ?? {})).toEqual([
      ['meta', '{"a":1}'],
      ['photo', 'file photo.bin image/png'],
    ]);
  });
});
