/**
 * Coverage in every report: the endpoints a run exercised, and with an
 * OpenAPI document (config `openapi:` or `--openapi`) its operations that no
 * case exercises; shards' coverage adds up in `parity merge`.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../examples/servers/start.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');

describe('coverage', () => {
  const servers: { url: string; close(): Promise<void> }[] = [];
  beforeAll(async () => {
    servers.push(await startServer('serde'), await startServer('go'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });
  const targets = () => [
    '--baseline',
    `rust=${servers[0]?.url}`,
    '--candidate',
    `go=${servers[1]?.url}`,
  ];

  async function project(): Promise<string> {
    const cwd = await tempProject();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    await cp(join(ROOT, 'examples'), join(cwd, 'examples'), { recursive: true });
    return cwd;
  }

  it('lists the endpoints exercised in every report, without a document', async () => {
    const cwd = await project();
    const run = await runCli(cwd, [
      'run',
      'cases/records',
      ...targets(),
      '--no-tracker',
      '--fail-on',
      'none',
    ]);
    expect(run.stdout).toContain('  coverage: 5 endpoint(s) exercised\n');
    const report = await latestReport(cwd);
    expect(report.coverage).toEqual({
      endpoints: [
        { endpoint: 'GET /health', cases: 1 },
        { endpoint: 'GET /v1/nothing-here', cases: 1 },
        { endpoint: 'GET /v1/records', cases: 2 },
        { endpoint: 'GET /v1/records/:id', cases: 2 },
        { endpoint: 'POST /v1/records', cases: 2 },
      ],
    });
    const md = await readFile(join(cwd, 'reports/latest/report.md'), 'utf8');
    expect(md).toContain('## Coverage\n\n5 endpoint(s) exercised.\n\n| endpoint | cases |');
  });

  it('with an OpenAPI document, lists the operations no case exercises (config or flag)', async () => {
    const cwd = await project();
    await writeFile(
      join(cwd, 'parity.config.yaml'),
      'openapi: examples/openapi.yaml\ntracker: false\nfailOn: none\n',
    );
    const run = await runCli(cwd, ['run', 'cases/validator', ...targets()]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'coverage: 1 endpoint(s) exercised · OpenAPI examples/openapi.yaml: 1/5 operation(s) have a case',
    );
    expect(run.stdout).toContain(
      'operations without a case: GET /health, GET /v1/records, POST /v1/records, GET /v1/records/{id}',
    );
    const report = await latestReport(cwd);
    expect(report.coverage?.openapi).toEqual({
      document: 'examples/openapi.yaml',
      operations: [
        { operation: 'GET /health', cases: 0 },
        { operation: 'POST /v1/validate', cases: 6 },
        { operation: 'GET /v1/records', cases: 0 },
        { operation: 'POST /v1/records', cases: 0 },
        { operation: 'GET /v1/records/{id}', cases: 0 },
      ],
      unmatched: [],
    });

    // The whole library against the Swagger 2.0 sample: what it does not describe is listed too.
    const flag = await runCli(cwd, ['run', ...targets(), '--openapi', 'examples/swagger2.yaml']);
    expect(flag.stdout).toContain('OpenAPI examples/swagger2.yaml: 3/4 operation(s) have a case');
    expect(flag.stdout).toContain('operations without a case: DELETE /v1/records/{id}');
    expect(flag.stdout).toContain(
      'endpoints the document does not describe: GET /health, GET /v1/nothing-here, POST /v1/validate',
    );
    const html = await readFile(join(cwd, 'reports/latest/report.html'), 'utf8');
    expect(html).toContain('operations without a case: DELETE /v1/records/{id}');
  });

  it('refuses a broken document before anything is sent', async () => {
    const cwd = await project();
    await writeFile(join(cwd, 'bad.yaml'), 'openapi: 3.0.0\npaths: {}\n');
    const run = await runCli(cwd, ['run', ...targets(), '--openapi', 'bad.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bad\.yaml:1:1: .*info/m);
  });

  it('adds shards up in parity merge', async () => {
    const cwd = await project();
    const common = [
      ...targets(),
      '--no-tracker',
      '--fail-on',
      'none',
      '--openapi',
      'examples/openapi.yaml',
    ];
    await runCli(cwd, ['run', 'cases/records', ...common, '--shard', '1/2', '--reports', 's1']);
    await runCli(cwd, ['run', 'cases/records', ...common, '--shard', '2/2', '--reports', 's2']);
    const merged = await runCli(cwd, [
      'merge',
      's1/latest/report.json',
      's2/latest/report.json',
      '--no-tracker',
      '--fail-on',
      'none',
    ]);
    expect(merged.code).toBe(0);
    const report = await latestReport(cwd);
    expect(report.coverage?.endpoints.reduce((n, e) => n + e.cases, 0)).toBe(8);
    expect(
      report.coverage?.openapi?.operations.find((o) => o.operation === 'GET /v1/records')?.cases,
    ).toBe(2);
    expect(report.coverage?.openapi?.unmatched).toEqual(['GET /v1/nothing-here']);
  });
});
