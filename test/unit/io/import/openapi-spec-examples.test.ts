/**
 * From the OpenAPI Specification's own examples: `x-…` members of `paths`
 * (product-catalog.yaml keeps a YAML anchor in `x-options`) are extensions
 * the specification allows, not paths; `swagger: 2.0` unquoted is a number,
 * and the refusal says how to write it.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../../../helpers/cli.js';

const PATH_EXTENSION = `swagger: "2.0"
info: { title: Product Catalog, version: "1.0.0" }
host: 127.0.0.1:9
basePath: /api/v1
paths:
  x-options: &options
    summary: CORS pre-flight request
    parameters:
      - { name: Origin, in: header, type: string, required: true, default: "http://example.com" }
    responses: { "200": { description: CORS request is allowed } }
  /users:
    options: *options
    get:
      responses: { "200": { description: users } }
`;

describe("the specification's product-catalog example", () => {
  it('reads x-… members of paths as the extensions they are, not paths', async () => {
    const cwd = await tempProject({ 'catalog.yaml': PATH_EXTENSION });
    const imported = await runCli(cwd, ['import', 'openapi', 'catalog.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('wrote cases/imported/users.yaml (2 case(s))');
    expect(imported.stdout).not.toContain('x-options');
  });

  it('says that an unquoted swagger: 2.0 is a number, and how to write it', async () => {
    const cwd = await tempProject({
      'catalog.yaml': PATH_EXTENSION.replace('swagger: "2.0"', 'swagger: 2.0'),
    });
    const imported = await runCli(cwd, ['import', 'openapi', 'catalog.yaml']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(
      'declares neither `openapi: 3.x.y` nor `swagger: "2.0"` (`swagger` is the number 2 here, as YAML reads it unquoted: write `swagger: "2.0"`, quoted)',
    );
  });
});

const LIST_OF_EXAMPLES = `openapi: "3.0.0"
info: { title: Simple API overview, version: v2 }
paths:
  /:
    get:
      operationId: listVersionsv2
      responses:
        200:
          description: 200 response
          content:
            application/json:
              examples:
                - { "versions": [] }
`;

describe("the specification's api-with-examples.yaml (examples as a list)", () => {
  it('is refused at the field and line the error is at, not at 1:1', async () => {
    const cwd = await tempProject({ 'api.yaml': LIST_OF_EXAMPLES });
    const imported = await runCli(cwd, ['import', 'openapi', 'api.yaml']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(
      'api.yaml:12:15: paths["/"].get.responses["200"].content["application/json"].examples TYPE must be object',
    );
  });
});
