/** Every command resolves the config the same way; only those that send need targets. */
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

const CASES = `suite: s
cases:
  - id: one
    request: { method: GET, path: /one }
`;

describe('the config, command by command', () => {
  it('lets the commands that send nothing run without targets', async () => {
    const cwd = await tempProject({
      'parity.config.yaml': 'cases: [lib]\ntracker: docs/T.md\nnoise: { replica: nowhere }\n',
      'lib/s.yaml': CASES,
      'docs/T.md': '# Decisions\n\n<!-- parity:tracker:start -->\n<!-- parity:tracker:end -->\n',
    });
    const validated = await runCli(cwd, ['validate']);
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toContain('1 file(s), 1 case(s), no problems');
    const listed = await runCli(cwd, ['tracker']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('docs/T.md');
  });

  it('asks the commands that send for their baseline (exit 2), after reading the config', async () => {
    const cwd = await tempProject({ 'parity.config.yaml': 'cases: [lib]\n', 'lib/s.yaml': CASES });
    for (const command of ['run', 'calibrate']) {
      const result = await runCli(cwd, [command]);
      expect(result.code, command).toBe(2);
      expect(result.stderr, command).toContain('no baseline target: pass --baseline NAME=URL');
    }
  });

  it('stops every command on an invalid config (exit 2), naming the file and the field', async () => {
    const cwd = await tempProject({ 'parity.config.yaml': 'concurrency: 0\n' });
    for (const argv of [['validate'], ['tracker'], ['run'], ['merge', 'x']]) {
      const result = await runCli(cwd, argv);
      expect(result.code, argv[0]).toBe(2);
      expect(result.stderr, argv[0]).toContain('parity.config.yaml:1:');
    }
  });

  it("checks a target's headers as a case's: a positioned problem, nothing sent", async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({
        'parity.config.yaml': [
          'cases: [lib]',
          'targets:',
          `  a: { url: "${server.url}", headers: { Expect: 100-continue } }`,
          `  b: { url: "${server.url}", headers: { "x y": v } }`,
          'baseline: a',
          'candidate: b',
          '',
        ].join('\n'),
        'lib/s.yaml': CASES,
      });
      const result = await runCli(cwd, ['run']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('parity.config.yaml:3:');
      expect(result.stderr).toContain('targets.a.headers.Expect belongs to the connection');
      expect(result.stderr).toContain('targets.b.headers["x y"] is not a valid header name');
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it("needs a target's ${env:…} tokens only in the commands that send to that target", async () => {
    const server = await startServer((_req, res) => json(res, 200, { ok: true }));
    try {
      const cwd = await tempProject({
        'parity.config.yaml': [
          'cases: [lib]',
          'targets:',
          `  a: { url: "${server.url}", headers: { authorization: "Bearer \${env:A_TOKEN}" } }`,
          `  b: { url: "${server.url}", headers: { authorization: "Bearer \${env:B_TOKEN}" } }`,
          '',
        ].join('\n'),
        'lib/s.yaml': CASES,
      });
      // Validating in CI needs no secrets at all.
      const validated = await runCli(cwd, ['validate']);
      expect(validated.code, validated.stderr).toBe(0);
      expect((await runCli(cwd, ['tracker', '--init'])).code).toBe(0);
      // Recording `a` needs A_TOKEN, not B_TOKEN.
      const recorded = await runCli(cwd, ['record', '--target', 'a'], { env: { A_TOKEN: 'ta' } });
      expect(recorded.code, recorded.stderr).toBe(0);
      expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer ta');
      const missing = await runCli(cwd, ['record', '--target', 'a']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('A_TOKEN');
      // A run sends to both.
      const run = await runCli(cwd, ['run', '--baseline', 'a', '--candidate', 'b'], {
        env: { A_TOKEN: 'ta' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('targets.b.headers.authorization uses ${env:B_TOKEN}');
    } finally {
      await server.close();
    }
  });
});
