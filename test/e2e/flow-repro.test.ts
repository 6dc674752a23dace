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
