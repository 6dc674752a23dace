/**
 * The repro script of a flow step, read from a case file as a run reads it:
 * captures become shell variables, `${env:…}` values `"$NAME"`, a secret
 * header made of variables is shown (the script holds no value), one with a
 * literal value stays redacted, and a flow with an XPath capture has no
 * script. (Scripts are run against real servers in test/e2e/flow-repro.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { flowScript } from '../../../../src/core/request/flow-script.js';
import { resolvedCases } from '../../../../src/io/cases/load.js';
import { parseCaseFile } from '../../../../src/io/cases/parse-file.js';

const env = { CRED: 'c2VjcmV0LWNyZWQ=' };
const redact = createRedactor({ headerNames: [], secrets: new Map([[env.CRED, '${env:CRED}']]) });
const target = { name: 'go', url: new URL('http://127.0.0.1:4110'), headers: [] };

function steps(text: string): Case[] {
  const parsed = parseCaseFile(Buffer.from(text, 'utf8'), 'cases/flow.yaml');
  if (!parsed.ok) throw new Error('unparsed');
  const out: Case[] = [];
  for (const { entry } of resolvedCases(parsed.parsed, { cwd: '.', env, globalRules: undefined })) {
    const resolved = entry?.case;
    if (resolved?.kind === 'flow') out.push(...resolved.steps);
  }
  return out;
}

function scriptOf(step: Case | undefined): string | undefined {
  if (step?.flow === undefined) throw new Error('not a step');
  return flowScript(step.flow, step.request, target, redact);
}

const FLOW = `suite: s
cases:
  - id: f
    steps:
      - id: login
        request: { method: GET, path: /login, headers: { authorization: "Basic \${env:CRED}" } }
        capture:
          token: { json: /token }
          sid: { header: x-session, regex: "sid=(\\\\w+)" }
      - id: use
        request:
          method: GET
          path: /me
          headers: { authorization: "Bearer {{token}}", cookie: "sid={{sid}}", x-api-key: literal-key }
`;

describe('flowScript', () => {
  it('replays the earlier steps, reads each capture into a variable, and holds no value', () => {
    const [login, use] = steps(FLOW);
    expect(scriptOf(login)).toBeUndefined();
    const script = scriptOf(use) ?? '';
    expect(script.split('\n')).toEqual([
      '# replays flow s/f up to step "use" on go: earlier steps, their captures read by node, then the step (needs curl and node)',
      `(set -e; d=$(mktemp -d); trap 'rm -rf "$d"' EXIT`,
      expect.stringMatching(/^cap\(\) \{ node -e '[^']+' "\$d" "\$@"; \}$/),
      `curl -sS -o "$d"/b -D "$d"/h http://127.0.0.1:4110/login -H 'authorization: Basic '"$CRED"`,
      `token=$(cap json /token '' '')`,
      `sid=$(cap header x-session 'sid=(\\w+)' '')`,
      `curl -sS -i http://127.0.0.1:4110/me -H 'authorization: Bearer '"$token" -H 'cookie: sid='"$sid" -H 'x-api-key: [redacted]'`,
      ')',
    ]);
    expect(script).not.toContain(env.CRED);
  });

  it('fills a captured value in the form its place takes: path, query pair, query in the path, JSON string', () => {
    const flow = `suite: s
cases:
  - id: f
    steps:
      - id: write
        request: { method: POST, path: /docs, json: {} }
        capture:
          id: { json: /id }
          rev: { json: /rev }
      - id: rewrite
        request:
          method: PUT
          path: "/docs/{{id}}?at={{rev}}"
          query: { rev: "{{rev}}" }
          json: { note: "was {{rev}}", rev: "{{rev}}" }
`;
    const script = scriptOf(steps(flow)[1]) ?? '';
    expect(script).not.toContain('PARITYVAR');
    expect(script).toContain(`id_path=$(cap json /id '' '' p)`);
    expect(script).toContain(`rev_query=$(cap json /rev '' '' q)`);
    expect(script).toContain(`rev_uri=$(cap json /rev '' '' u)`);
    expect(script).toContain(`rev_str=$(cap json /rev '' '' s)`);
    expect(script.split('\n').at(-2)).toBe(
      `curl -sS -i -X PUT 'http://127.0.0.1:4110/docs/'"$id_path"'?at='"$rev_uri"'&rev='"$rev_query" -H 'content-type: application/json' --data-raw '{"note":"was '"$rev_str"'","rev":'"$rev_json"'}'`,
    );
  });

  it('sends a path made from a captured Location as its path and query, then the step’s own query', () => {
    const flow = `suite: s
cases:
  - id: f
    steps:
      - id: write
        request: { method: POST, path: /docs }
        capture: { location: { header: location } }
      - id: read
        request: { method: GET, path: "{{location}}", query: { a: "1" } }
      - id: again
        request: { method: GET, path: "{{location}}" }
`;
    const [, read, again] = steps(flow);
    expect(scriptOf(read)?.split('\n').at(-2)).toBe(
      `curl -sS -i 'http://127.0.0.1:4110'"$location_target_q"'a=1'`,
    );
    expect(scriptOf(again)?.split('\n').at(-2)).toBe(
      `curl -sS -i 'http://127.0.0.1:4110'"$location_target"`,
    );
  });

  it('has no script form for an XPath capture', () => {
    const xpath = FLOW.replace('token: { json: /token }', 'token: { xpath: /r/token }');
    expect(scriptOf(steps(xpath)[1])).toBeUndefined();
  });
});
