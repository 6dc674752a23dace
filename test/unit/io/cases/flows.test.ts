import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases, validateCases } from '../../../../src/io/cases/load.js';
import { formatWarning } from '../../../../src/util/errors.js';

async function library(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parity-flows-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const FLOW = `suite: notes
defaults:
  headers: { x-client: parity }
  tags: [notes]
  rules: { ignore: [/at] }
cases:
  - id: lifecycle
    description: create then read
    tags: [flow]
    rules: { headers: [etag] }
    steps:
      - id: create
        request: { method: POST, path: /notes, json: { text: hi } }
        capture:
          id: { json: /id }
          session: { header: Set-Cookie, regex: "sid=([^;]+)" }
          token: { json: /token }
          hidden: { json: /x, secret: true }
      - id: read
        request:
          method: GET
          path: "/notes/{{id}}?v=1"
          headers: { authorization: "Bearer {{token}}" }
        rules: { ignore: [/read_at] }
        expect: { status: 200 }
  - id: after
    request: { method: GET, path: /notes }
`;

describe('flows in case files', () => {
  it('resolve to one case per step: ids suite/flow/step, rules and tags of the flow and step', async () => {
    const cwd = await library({ 'notes.yaml': FLOW });
    const cases = await loadCases(['notes.yaml'], { cwd, env: {} });
    expect(cases.map((c) => c.id)).toEqual([
      'notes/lifecycle/create',
      'notes/lifecycle/read',
      'notes/after',
    ]);
    const [create, read, after] = cases;
    expect(create?.flow).toMatchObject({
      id: 'notes/lifecycle',
      step: 'create',
      index: 0,
      steps: 2,
      uses: [],
    });
    expect(create?.flow?.captures.map((c) => [c.name, c.source])).toEqual([
      ['id', { kind: 'json', pointer: '/id' }],
      ['session', { kind: 'header', name: 'set-cookie' }],
      ['token', { kind: 'json', pointer: '/token' }],
      ['hidden', { kind: 'json', pointer: '/x' }],
    ]);
    expect(read?.flow?.uses).toEqual(['id', 'token']);
    // Secret: marked so, captured from a redacted header, or sent in one.
    expect([...(read?.flow?.secrets ?? [])].sort()).toEqual(['hidden', 'session', 'token']);
    // Writes without sideEffects: the flow is skipped, and says why.
    expect(read?.flow?.skip).toMatch(/the flow writes \(POST create\)/);
    expect(read?.request).toMatchObject({ path: '/notes/{{id}}', query: [['v', '1']] });
    expect(read?.request.headers).toEqual([
      ['x-client', 'parity'],
      ['authorization', 'Bearer {{token}}'],
    ]);
    expect(read?.rules.ignore).toEqual(['/at', '/read_at']);
    expect(read?.rules.headers).toContain('etag');
    expect(read?.tags).toEqual(['notes', 'flow']);
    expect(read?.expect.status).toBe(200);
    expect(read?.source).toMatchObject({ line: 19, column: 9 });
    expect(after?.flow).toBeUndefined();
  });

  it('run when the file or the config opts in to side effects', async () => {
    const cwd = await library({
      'a.yaml': FLOW.replace('suite: notes', 'suite: notes\nsideEffects: true'),
      'b.yaml': FLOW.replace('suite: notes', 'suite: other'),
    });
    const [fromFile] = await loadCases(['a.yaml'], { cwd, env: {} });
    expect(fromFile?.flow?.skip).toBeUndefined();
    const [fromConfig] = await loadCases(['b.yaml'], { cwd, env: {}, sideEffects: true });
    expect(fromConfig?.flow?.skip).toBeUndefined();
  });

  it('warn in validate: writes and reads mixed without serial, writing flows without the opt-in', async () => {
    const cwd = await library({
      'mixed.yaml': `suite: s3
cases:
  - id: create-bucket
    request: { method: PUT, path: /b }
  - id: list
    request: { method: GET, path: /b }
  - id: raw
    request: { method: post, path: "/b/{{key}}" }
`,
      'serial.yaml': `suite: s4\nserial: true\ncases:\n  - id: put\n    request: { method: PUT, path: /b }\n  - id: get\n    request: { method: GET, path: /b }\n`,
      'flow.yaml': FLOW,
    });
    const result = await validateCases(['.'], { cwd, env: {} });
    expect(result.problems).toEqual([]);
    // Counted as a run counts them: 6 plain cases and the flow's 2 steps.
    expect(result).toMatchObject({ files: 3, cases: 8, flows: 1, flowSteps: 2 });
    expect(result.warnings.map((w) => formatWarning(w))).toEqual([
      'flow.yaml:7:9: warning: cases[0].id is a flow that writes (POST) but neither this file nor the config sets sideEffects: true; `parity run` will not send it (add sideEffects: true to the file or the config)',
      'flow.yaml:7:3: warning: cases mixes writes (POST lifecycle) and reads (GET lifecycle, GET after) without serial: true; with --concurrency above 1 they may run in any order (add serial: true to run them in file order, one at a time)',
      'mixed.yaml:8:24: warning: cases[2].request.method is sent as written ("post"); methods are case-sensitive and servers expect POST',
      'mixed.yaml:8:36: warning: cases[2].request.path uses {{key}} but only the steps of a flow capture variables: it is sent as written (write the case as steps to capture and use values)',
      'mixed.yaml:3:3: warning: cases mixes writes (PUT create-bucket, post raw) and reads (GET list) without serial: true; with --concurrency above 1 they may run in any order (add serial: true to run them in file order, one at a time)',
    ]);
    // Two flows never race: each keeps its own order and works on what it created.
    const flows = await library({
      'flows.yaml': `suite: f\nsideEffects: true\ncases:\n  - id: session\n    steps:\n      - id: open\n        request: { method: POST, path: /s }\n      - id: read\n        request: { method: GET, path: /s }\n  - id: other\n    steps:\n      - id: make\n        request: { method: POST, path: /o }\n      - id: see\n        request: { method: GET, path: /o }\n`,
    });
    const flowsOnly = await validateCases(['.'], { cwd: flows, env: {} });
    expect(flowsOnly.warnings).toEqual([]);
    // A flow that writes what a later file (in path order) reads: the reads see what it left.
    const residue = await library({
      'a-flow.yaml': FLOW,
      'b-reads.yaml': `suite: r\ncases:\n  - id: all\n    request: { method: GET, path: /notes }\n`,
      'c-other.yaml': `suite: o\ncases:\n  - id: all\n    request: { method: GET, path: /other }\n`,
    });
    const left = await validateCases(['.'], { cwd: residue, env: {}, sideEffects: true });
    const flowFirst = left.warnings.filter((w) => w.message.includes('in a flow that runs before'));
    expect(flowFirst.map((w) => formatWarning(w))).toEqual([
      'a-flow.yaml:13:40: warning: cases[0].steps[0].request.path writes /notes (POST lifecycle) in a flow that runs before b-reads.yaml, which reads /notes (GET all): files run in path order, so those reads may answer with what the flow left on each side (rename the files so the reads come first, or end the flow by deleting what it wrote)',
    ]);
    // The config can make a suite serial, or let flows write.
    const quiet = await validateCases(['.'], {
      cwd,
      env: {},
      serial: ['s3', 'notes'],
      sideEffects: true,
    });
    expect(quiet.warnings.map((w) => w.message)).not.toContainEqual(
      expect.stringMatching(/mixes|sideEffects/),
    );
  });
});
