/**
 * Case bodies as exact bytes: `base64:` in a case file resolves to a bytes
 * body, the plan sends it untouched (content type application/octet-stream
 * unless a header sets one), and the curl repro prints the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { curlCommand, printfEscape } from '../../../../src/core/request/curl.js';
import { planRequest } from '../../../../src/core/request/plan.js';
import { loadCases, validateCases } from '../../../../src/io/cases/load.js';

const BYTES = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}

async function caseFile(text: string): Promise<{ cwd: string; file: string }> {
  const cwd = await mkdtemp(path.join(tmpdir(), 'parity-raw-'));
  await writeFile(path.join(cwd, 'c.yaml'), text);
  return { cwd, file: 'c.yaml' };
}

describe('base64 request bodies', () => {
  it('resolve to the exact bytes and are planned as they are', async () => {
    const { cwd, file } = await caseFile(`suite: raw
cases:
  - id: bytes
    request: { method: POST, path: /echo, base64: ${BYTES.toString('base64')} }
  - id: typed
    request:
      method: POST
      path: /echo
      headers: { content-type: application/json }
      base64: ${BYTES.toString('base64')}
`);
    const [plain, typed] = await loadCases([file], { cwd, env: {} });
    expect(plain?.request.body).toEqual({ kind: 'bytes', bytes: BYTES });
    const plan = planRequest(plain ?? expect.unreachable());
    expect(Buffer.from(plan.body as Uint8Array).equals(BYTES)).toBe(true);
    expect(plan.headers).toEqual([['content-type', 'application/octet-stream']]);
    expect(planRequest(typed ?? expect.unreachable()).headers).toEqual([
      ['content-type', 'application/json'],
    ]);
  });

  it('are checked as base64, and one body field at a time, at file:line:col', async () => {
    const { cwd, file } = await caseFile(`suite: raw
cases:
  - id: bad
    request: { method: POST, path: /echo, base64: "not base64!" }
  - id: two
    request: { method: POST, path: /echo, text: a, base64: YQ== }
`);
    const { problems } = await validateCases([file], { cwd, env: {} });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '4:51 cases[0].request.base64 must be base64 (A-Z, a-z, 0-9, "+", "/", "=" padding) (got "not base64!")',
      '6:60 cases[1].request.base64 cannot be set together with text (a request has one body: json, text or base64)',
    ]);
  });
});

describe('curl repro of bodies a shell argument cannot hold', () => {
  const target = { name: 'a', url: new URL('http://127.0.0.1:9'), headers: [] };
  const redact = createRedactor({ headerNames: [], secrets: new Map() });

  it('pipes the exact bytes through printf', () => {
    const plan = { method: 'POST' as const, pathAndQuery: '/x', headers: [], body: BYTES };
    const command = curlCommand(plan, target, redact);
    expect(command).toMatch(/^printf '.*' \| curl -sS -i http:.* --data-binary @-$/);
    // The printf half, run by a real shell, prints exactly the bytes.
    const printf = command.slice(0, command.indexOf(' | curl'));
    expect(execFileSync('sh', ['-c', printf]).equals(BYTES)).toBe(true);
  });

  it('escapes quotes, percent signs, backslashes and NUL so printf reproduces them', () => {
    const tricky = Buffer.from("a'b%c\\d\0e\n", 'utf8');
    const out = execFileSync('sh', ['-c', `printf '${printfEscape(tricky)}'`]);
    expect(out.equals(tricky)).toBe(true);
    const plan = { method: 'POST' as const, pathAndQuery: '/x', headers: [], body: 'a\0b' };
    expect(curlCommand(plan, target, redact)).toMatch(/^printf 'a\\000b' \| curl/);
  });
});
