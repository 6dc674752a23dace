/**
 * A flow step's repro is a script that replays the flow up to the step on one
 * target, captures included: run here with `sh` against the two real servers
 * (each issues its own token, user id, item id and ETag), it gives each side
 * the status the run recorded for the step, and it holds no secret.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import {
  CONDITIONAL_FLOW,
  type SessionServer,
  startSessionServer,
} from '../helpers/session-servers.js';

const run = promisify(execFile);
const PASSWORD = 'hunter2-repro-secret';

/** The status of the last HTTP answer a script printed. */
function lastStatus(output: string): number | undefined {
  const statuses = [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]));
  return statuses.at(-1);
}

describe('a flow step’s repro', () => {
  let strict: SessionServer;
  let lenient: SessionServer;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSessionServer(true), startSessionServer(false)]);
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close()]));

  it('is a script that replays the flow up to the step, captures included, and gives each side its status', async () => {
    const cwd = await tempProject({ 'cases/shop.yaml': CONDITIONAL_FLOW });
    const targets = ['--baseline', `strict=${strict.url}`, '--candidate', `lenient=${lenient.url}`];
    const env = { SHOP_PASSWORD: PASSWORD };
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker'], { env });
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(1);
    const report = await latestReport(cwd);
    const step = report.results.find((r) => r.caseId === 'shop/conditional/read-unchanged');
    expect(step?.verdict).toBe('divergent');
    expect([step?.baseline.status, step?.candidate.status]).toEqual([304, 200]);
    const repro = step?.repro;
    if (repro === undefined) throw new Error('no repro');
    expect(repro.baseline).toMatch(
      /^# replays flow shop\/conditional up to step "read-unchanged" on strict/,
    );
    expect(repro.baseline).toContain('"$SHOP_PASSWORD"');
    expect(repro.baseline).toContain(`'authorization: Bearer '"$token"`);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    for (const [side, script, status] of [
      ['baseline', repro.baseline, 304],
      ['candidate', repro.candidate, 200],
    ] as const) {
      const out = await run('sh', ['-c', script], { env: { ...process.env, ...env } });
      expect(lastStatus(out.stdout), `${side}:\n${script}\n${out.stdout}\n${out.stderr}`).toBe(
        status,
      );
    }
    // The same script without the flow's captures is no repro: a lone curl line gets 401.
    const lone = repro.baseline.split('\n').find((line) => line.startsWith('curl -sS -i ')) ?? '';
    const alone = await run('sh', ['-c', lone.replaceAll('"$token"', 'none')], {
      env: { ...process.env, ...env },
    });
    expect(lastStatus(alone.stdout)).toBe(401);
    // The markdown report shows the script.
    const markdown = await import('node:fs/promises').then((fs) =>
      fs.readFile(`${cwd}/reports/latest/report.md`, 'utf8'),
    );
    expect(markdown).toContain(
      '# replays flow shop/conditional up to step "read-unchanged" on lenient',
    );
  });
});

describe('parity show after a fuzz run with another tracker', () => {
  let strict: SessionServer;
  let lenient: SessionServer;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startSessionServer(true), startSessionServer(false)]);
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close()]));

  it('shows the run that wrote its tracker, with the flow step’s script, not reports/latest', async () => {
    const cwd = await tempProject({
      'cases/shop.yaml': CONDITIONAL_FLOW,
      'parity.config.yaml': `targets:
  strict: { url: "${strict.url}", disposable: true }
  lenient: { url: "${lenient.url}", disposable: true }
baseline: strict
candidate: lenient
`,
    });
    const env = { SHOP_PASSWORD: PASSWORD };
    const first = await runCli(cwd, ['run'], { env });
    expect(first.code, first.stdout).toBe(1);
    const runId = (await latestReport(cwd)).runId;
    // A fuzz run with a tracker of its own repoints reports/latest at its replay.
    const fuzz = await runCli(
      cwd,
      ['fuzz', '--seed', '3', '--budget', '200', '--allow-writes', '--tracker', 'fuzz-tracker.md'],
      { env },
    );
    expect(fuzz.stderr).toBe('');
    expect(fuzz.code, fuzz.stdout).toBe(1);
    expect((await latestReport(cwd)).runId).not.toBe(runId);
    const shown = await runCli(cwd, ['show', 'PAR-001']);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`In report ${runId} `);
    expect(shown.stdout).toContain('Example: shop/conditional/read-unchanged');
    expect(shown.stdout).toContain(
      '  # replays flow shop/conditional up to step "read-unchanged" on lenient',
    );
    // The scripts are long: the difference and how to close it come first, the scripts last.
    const out = shown.stdout;
    expect(out).toContain('Reproduce: a replay of its flow up to the step, per side (below)');
    const script = out.indexOf('# replays flow');
    expect(out.indexOf('Example: ')).toBeLessThan(script);
    expect(out.lastIndexOf('How to close it:') > 0 || out.lastIndexOf('Decide') > 0).toBe(true);
    expect(Math.max(out.lastIndexOf('How to close it:'), out.lastIndexOf('Decide'))).toBeLessThan(
      script,
    );
    expect(shown.stdout).not.toContain(PASSWORD);
  });
});
