/**
 * What an OpenAPI document describes that parity cannot send — webhooks and
 * callbacks, requests the API itself sends — is named in a note, never
 * dropped silently; a webhooks-only document says so, not only "nothing to
 * import".
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../../../helpers/cli.js';

const WEBHOOKS_ONLY = `openapi: 3.1.0
info: { title: hooks, version: "1" }
webhooks:
  newPet:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { "200": { description: ok } }
  petGone:
    delete: { responses: { "200": { description: ok } } }
`;

const CALLBACKS = `openapi: 3.0.3
info: { title: subs, version: "1" }
servers: [{ url: "http://127.0.0.1:9" }]
paths:
  /subscribe:
    post:
      requestBody: { content: { application/json: { example: { url: "http://x" } } } }
      callbacks:
        onEvent:
          "{$request.body#/url}":
            post: { responses: { "200": { description: ok } } }
      responses: { "201": { description: made } }
`;

describe('webhooks and callbacks', () => {
  it('a webhooks-only document names its webhooks and why (exit 2, nothing written)', async () => {
    const cwd = await tempProject({ 'hooks.yaml': WEBHOOKS_ONLY });
    const imported = await runCli(cwd, ['import', 'openapi', 'hooks.yaml']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain(
      'note: 2 webhook(s) not imported (parity sends requests; webhooks are requests the API sends): newPet (POST), petGone (DELETE)',
    );
    expect(imported.stderr).toContain('parity: nothing to import');
  });

  it("an operation's callbacks are named; the operation is imported", async () => {
    const cwd = await tempProject({ 'subs.yaml': CALLBACKS });
    const imported = await runCli(cwd, ['import', 'openapi', 'subs.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(
      'note: POST /subscribe: callback(s) onEvent not imported (parity sends requests; callbacks are requests the API sends); the operation itself is',
    );
    expect(imported.stdout).toContain('wrote cases/imported/subscribe.yaml (1 case(s))');
  });
});
