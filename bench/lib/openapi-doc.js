// A generated OpenAPI 3.0 document shaped like GitHub's REST description
// (api.github.com.json): shared components (schemas that refer to each
// other, a few recursively; parameters; responses; large examples) used by
// $ref from 4,000 operations on 2,000 paths. `openApiDocument(mb)` grows the
// number of shared schemas until the JSON text is about `mb` megabytes;
// deterministic.
// Run alone: node bench/lib/openapi-doc.js OUT.json [MB]
import { writeFileSync } from 'node:fs';

const PATHS = 2000;
const PROPERTIES = 14;
const LEAVES = 40;
let SCHEMAS = 400;

function schema(i) {
  const properties = {};
  for (let p = 0; p < PROPERTIES; p++) {
    const name = `field_${p}_of_${i}`;
    // Schemas from LEAVES on refer to the first LEAVES (a simple-user everywhere), which refer
    // only to s0, a recursive one (a tree node): a few levels deep, as GitHub's are.
    if (p % 5 === 1)
      properties[name] = { $ref: `#/components/schemas/s${i < LEAVES ? 0 : (i + p) % LEAVES}` };
    else if (p % 5 === 2)
      properties[name] = {
        type: 'array',
        items: { $ref: `#/components/schemas/s${i < LEAVES ? 0 : (i * 7 + p) % LEAVES}` },
      };
    else if (p % 5 === 3)
      properties[name] = { type: 'string', format: 'date-time', example: '2011-01-26T19:01:12Z' };
    else
      properties[name] = {
        type: p % 2 === 0 ? 'integer' : 'string',
        description: `The ${name} of the resource, as the API returns it.`,
        example: p % 2 === 0 ? 42 : `value-${p}`,
      };
  }
  return {
    title: `Schema ${i}`,
    description: `A resource of kind ${i}.`,
    type: 'object',
    properties,
    required: Object.keys(properties).slice(0, 3),
  };
}

function example(i) {
  const value = {};
  for (let p = 0; p < 30; p++)
    value[`key_${p}`] = `https://api.example.com/resources/${i}/items/${p}`;
  return { value };
}

function operations(i) {
  const s = `#/components/schemas/s${i % SCHEMAS}`;
  const params = [
    { $ref: '#/components/parameters/owner' },
    { $ref: '#/components/parameters/repo' },
    { $ref: '#/components/parameters/per-page' },
    { $ref: '#/components/parameters/page' },
  ];
  return {
    get: {
      summary: `Get resource ${i}`,
      description: `Gets resource ${i}. `.repeat(6),
      operationId: `resources/get-${i}`,
      tags: [`tag${i % 40}`],
      parameters: params,
      responses: {
        200: {
          description: 'Response',
          content: {
            'application/json': {
              schema: { $ref: s },
              examples: { default: { $ref: `#/components/examples/e${i % 300}` } },
            },
          },
        },
        304: { $ref: '#/components/responses/not_modified' },
        404: { $ref: '#/components/responses/not_found' },
      },
    },
    post: {
      summary: `Create resource ${i}`,
      operationId: `resources/create-${i}`,
      tags: [`tag${i % 40}`],
      parameters: params.slice(0, 2),
      requestBody: {
        required: true,
        // Request bodies are small and inline, as GitHub's are; the answers are the big schemas.
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string', description: 'The name.' },
                description: { type: 'string' },
                private: { type: 'boolean', default: false },
                labels: { type: 'array', items: { type: 'string' } },
                owner: { $ref: `#/components/schemas/s${i % LEAVES}` },
              },
            },
          },
        },
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: { $ref: s } } } },
        422: { $ref: '#/components/responses/validation_failed' },
      },
    },
  };
}

function components() {
  const error = {
    description: 'Error',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } },
  };
  return {
    schemas: {
      error: {
        type: 'object',
        properties: { message: { type: 'string' }, documentation_url: { type: 'string' } },
      },
      ...Object.fromEntries(Array.from({ length: SCHEMAS }, (_, i) => [`s${i}`, schema(i)])),
    },
    parameters: {
      owner: { name: 'owner', in: 'path', required: true, schema: { type: 'string' } },
      repo: { name: 'repo', in: 'path', required: true, schema: { type: 'string' } },
      'per-page': { name: 'per_page', in: 'query', schema: { type: 'integer', default: 30 } },
      page: { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
    },
    responses: {
      not_modified: { description: 'Not modified' },
      not_found: error,
      validation_failed: error,
    },
    examples: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`e${i}`, example(i)])),
  };
}

/** The document's JSON text, about `mb` megabytes. */
export function openApiDocument(mb) {
  for (SCHEMAS = 400; ; SCHEMAS += 200) {
    const paths = {};
    for (let i = 0; i < PATHS; i++) paths[`/repos/{owner}/{repo}/resources-${i}`] = operations(i);
    const base = components();
    const text = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'generated', version: '1.0.0' },
      servers: [{ url: 'http://127.0.0.1:9' }],
      paths,
      components: base,
    });
    if (text.length >= mb * 1024 * 1024) return text;
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')
) {
  const [out, mb] = process.argv.slice(2);
  if (out === undefined) throw new Error('usage: node bench/lib/openapi-doc.js OUT.json [MB]');
  const text = openApiDocument(Number(mb ?? 13));
  writeFileSync(out, text);
  process.stderr.write(
    `${out}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${(text.match(/"\/repos/g) ?? []).length} paths\n`,
  );
}
