// Writes a generated OpenAPI 3.0 document of about 13 MB (the size of GitHub's
// REST description), for the import scenario: `paths` paths, each with a GET
// and a POST, path and query parameters, a JSON request body and responses that
// point (`$ref`) at shared components (schemas, parameters, responses), some of
// them nested and one circular, as large descriptions are.
// Usage: node bench/openapi-doc.js OUT_FILE [PATHS]   (default 3,100 paths)
import { writeFileSync } from 'node:fs';

const TEXT =
  'A generated description of about the length a real API description gives each of its operations and fields, so that the document reaches its size by the same mix of structure and prose.';

/** @returns {object} the document */
export function openApiDocument(paths = 3100, shared = 300) {
  const schemas = {};
  for (let s = 0; s < shared; s++) {
    schemas[`Model${s}`] = {
      type: 'object',
      description: TEXT,
      required: ['id', 'name'],
      properties: {
        id: { type: 'integer', format: 'int64', example: s, description: TEXT },
        name: { type: 'string', example: `model-${s}`, description: TEXT },
        created_at: { type: 'string', format: 'date-time', example: '2026-01-02T03:04:05Z' },
        tags: { type: 'array', items: { type: 'string' }, example: ['a', 'b'] },
        state: { type: 'string', enum: ['open', 'closed', 'draft'], example: 'open' },
        owner: { $ref: `#/components/schemas/Model${(s * 7 + 1) % shared}Ref` },
        ...(s % 10 === 0 ? { parent: { $ref: `#/components/schemas/Model${s}` } } : {}),
      },
    };
    schemas[`Model${s}Ref`] = {
      type: 'object',
      description: TEXT,
      properties: {
        id: { type: 'integer', example: s },
        url: { type: 'string', format: 'uri', example: `https://api.example.test/m/${s}` },
      },
    };
  }
  const parameters = {
    page: { name: 'page', in: 'query', schema: { type: 'integer', example: 1 }, description: TEXT },
    per_page: {
      name: 'per_page',
      in: 'query',
      schema: { type: 'integer', example: 30, maximum: 100 },
      description: TEXT,
    },
  };
  const responses = {
    NotFound: {
      description: TEXT,
      content: {
        'application/json': {
          schema: { type: 'object', properties: { message: { type: 'string' } } },
        },
      },
    },
  };
  const doc = {
    openapi: '3.0.3',
    info: { title: 'Generated', version: '1.0.0', description: TEXT },
    servers: [{ url: 'https://api.example.test' }],
    paths: {},
    components: { schemas, parameters, responses },
  };
  for (let p = 0; p < paths; p++) {
    const model = `#/components/schemas/Model${p % shared}`;
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' }, example: p };
    const json = (schema) => ({ 'application/json': { schema, example: undefined } });
    doc.paths[`/area${p % 40}/things${p}/{id}`] = {
      get: {
        operationId: `get-thing-${p}`,
        summary: `Get thing ${p}`,
        description: `${TEXT} ${TEXT}`,
        tags: [`area${p % 40}`],
        parameters: [
          id,
          { $ref: '#/components/parameters/page' },
          { $ref: '#/components/parameters/per_page' },
        ],
        responses: {
          200: { description: TEXT, content: json({ $ref: model }) },
          404: { $ref: '#/components/responses/NotFound' },
        },
      },
      post: {
        operationId: `update-thing-${p}`,
        summary: `Update thing ${p}`,
        description: `${TEXT} ${TEXT}`,
        tags: [`area${p % 40}`],
        parameters: [id],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  name: { type: 'string', example: `thing-${p}`, description: TEXT },
                  state: { type: 'string', enum: ['open', 'closed'], example: 'open' },
                  ref: { $ref: `${model}Ref` },
                },
              },
            },
          },
        },
        responses: {
          200: { description: TEXT, content: json({ $ref: model }) },
          404: { $ref: '#/components/responses/NotFound' },
        },
      },
    };
  }
  return doc;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, paths = '3100'] = process.argv.slice(2);
  if (out === undefined) throw new Error('usage: node bench/openapi-doc.js OUT_FILE [PATHS]');
  const text = JSON.stringify(openApiDocument(Number(paths)), null, 2);
  writeFileSync(out, text);
  process.stderr.write(`${out}: ${(text.length / 1e6).toFixed(1)} MB\n`);
}
