/**
 * `--github` on `run` and `merge`: an `::error` annotation per new root cause
 * on stdout, and the decisions appended to `$GITHUB_STEP_SUMMARY`; against the
 * two bundled reference servers on port 0, in a temp project.
 */
import { cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import { runCli, tempProject } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const annotations = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::'));

describe('parity run --github', () => {
  let rust: RunningServer;
  let go: RunningServer;
  beforeAll(async () => {
    [rust, go] = await Promise.all([startServer('serde'), startServer('go')]);
  });
  afterAll(async () => {
    await Promise.all([rust?.close(), go?.close()]);
  });

  const run = (cwd: string, extra: readonly string[], env: Record<string, string>) =>
    runCli(
      cwd,
      [
        'run',
        'cases/validator',
        '--baseline',
        `rust=${rust.url}`,
        '--candidate',
        `go=${go.url}`,
        '--github',
        ...extra,
      ],
      { env },
    );

  it('annotates each new root cause once, and appends the decisions to the job summary', async () => {
    const cwd = await tempProject();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    const summary = join(cwd, 'step-summary.md');
    const env = { GITHUB_STEP_SUMMARY: summary };

    const first = await run(cwd, ['--fail-on', 'new'], env);
    expect(first.code, first.stderr).toBe(1);
    expect(annotations(first.stdout)).toEqual([
      expect.stringMatching(
        /^::error title=parity%3A new root cause PAR-001 \(shape\)::externally tagged enum vs `Kind` discriminator — 5 cases \(.*\) at POST \/v1\/validate; fingerprint tagged-enum-\w+; see parity show PAR-001$/,
      ),
    ]);
    const written = await readFile(summary, 'utf8');
    expect(written).toContain('## Parity: rust vs go');
    expect(written).toContain('| PAR-001 | _open_ | shape | externally tagged enum');
    expect(written).toContain('| Status parity | 6/6 |');

    // Compared with the first run, nothing is new: no annotation, the run passes.
    const second = await run(cwd, ['--fail-on', 'new', '--compare-to', 'latest'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(annotations(second.stdout)).toEqual([]);
    const appended = await readFile(summary, 'utf8');
    expect(appended.startsWith(written)).toBe(true);
    expect(appended.slice(written.length)).toContain('0 new · 5 persisting');
  });

  it('is on by itself in a GitHub Actions job (GITHUB_ACTIONS=true), and off there with --no-github', async () => {
    const cwd = await tempProject();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    const plain = [
      'run',
      'cases/validator',
      '--baseline',
      `rust=${rust.url}`,
      '--candidate',
      `go=${go.url}`,
    ];
    const flags = ['--no-tracker', '--fail-on', 'none'];
    const actions = { GITHUB_ACTIONS: 'true' };
    const detected = await runCli(cwd, [...plain, ...flags], { env: actions });
    expect(detected.code, detected.stderr).toBe(0);
    expect(annotations(detected.stdout)).toHaveLength(1);
    const off = await runCli(cwd, [...plain, ...flags, '--no-github'], { env: actions });
    expect(annotations(off.stdout)).toEqual([]);
    const elsewhere = await runCli(cwd, [...plain, ...flags]);
    expect(annotations(elsewhere.stdout)).toEqual([]);
  });

  it('with --json, keeps stdout one JSON document and prints the annotations on stderr', async () => {
    const cwd = await tempProject();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    const outcome = await run(cwd, ['--json', '--no-tracker', '--fail-on', 'none'], {});
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(JSON.parse(outcome.stdout).summary.divergent).toBe(5);
    expect(annotations(outcome.stderr)).toHaveLength(1);
  });

  it('fails with exit 4 when the job summary cannot be written, the reports written all the same', async () => {
    const cwd = await tempProject();
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    await mkdir(join(cwd, 'a-folder'));
    const outcome = await run(cwd, ['--fail-on', 'none'], {
      GITHUB_STEP_SUMMARY: join(cwd, 'a-folder'),
    });
    expect(outcome.code).toBe(4);
    expect(outcome.stderr).toContain('could not append the job summary');
    expect(
      JSON.parse(await readFile(join(cwd, 'reports/latest/report.json'), 'utf8')).summary.cases,
    ).toBe(6);
  });
});
