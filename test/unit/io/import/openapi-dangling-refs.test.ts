/**
 * A `$ref` to nothing in the document (the OpenAPI Specification's own
 * callback-example.yaml refers to `#/components/schemas/UserLogData` and
 * defines no components) no longer refuses the whole document: it is named
 * in a note, and an operation whose request uses one says what it leaves out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../../../helpers/cli.js';

const CALLBACK_EXAMPLE = `openapi: 3.0.0
info: { title: Callback Example, version: 1.0.0 }
paths:
  /streams:
    post:
      parameters:
        - { name: callbackUrl, in: query, required: true, schema: { type: string, example: "https://tonys-server.com" } }
      responses: { "201": { description: subscription successfully created } }
      callbacks:
        onData:
          '{$request.query.callbackUrl}/data':
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      properties:
                        userData: { $ref: '#/components/schemas/UserLogData' }
              responses: { "202": { description: ok } }
`;

const IN_A_BODY = `openapi: 3.0.0
info: { title: t, version: "1" }
paths:
  /logs:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                level: { type: string, example: info }
                user: { $ref: '#/components/schemas/Missing' }
      responses: { "201": { description: made } }
`;

describe('a $ref to nothing in the document', () => {
  it('is named in a note, and the rest of the document is imported (callback-example.yaml)', async () => {
    const cwd = await tempProject({ 'cb.yaml': CALLBACK_EXAMPLE });
    const imported = await runCli(cwd, ['import', 'openapi', 'cb.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'note: the document refers to #/components/schemas/UserLogData, which it does not define (an OpenAPI parser refuses it): what refers to it is read without it',
    );
    expect(imported.stdout).toContain('wrote cases/imported/streams.yaml (1 case(s))');
  });

  it("is noted on an operation whose request body uses it; the body's other members are sent", async () => {
    const cwd = await tempProject({ 'logs.yaml': IN_A_BODY });
    const imported = await runCli(cwd, ['import', 'openapi', 'logs.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'note: POST /logs refers to #/components/schemas/Missing, which the document does not define: the case leaves out what it names',
    );
    const written = await readFile(join(cwd, 'cases/imported/logs.yaml'), 'utf8');
    expect(written).toContain('level: info');
    expect(written).not.toContain('parity-missing');
  });
});
