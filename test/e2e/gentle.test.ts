/** `--rate` and `--max-in-flight` through the CLI and the config file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { configSchema } from '../../src/config/schema.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: g
cases:
${Array.from({ length: 12 }, (_, k) => `  - id: c${k}\n    request: { method: GET, path: /r/${k} }`).join('\n')}
`;

describe('gentle runs', () => {
  const servers: TestServer[] = [];
  let active = 0;
  let peak = 0;
  beforeAll(async () => {
    for (let k = 0; k < 2; k++) {
      servers.push(
        await startServer((_req, res) => {
          active++;
          peak = Math.max(peak, active);
          setTimeout(() => {
            active--;
            json(res, 200, { ok: true });
          }, 5);
        }),
      );
    }
  });
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const targets = () => [
    '--baseline',
    `a=${servers[0]?.url}`,
    '--candidate',
    `b=${servers[1]?.url}`,
  ];

  it('--max-in-flight 1 keeps one request per target in flight (two servers: at most 2 overall)', async () => {
    const cwd = await tempProject({ 'cases/g.yaml': CASES });
    peak = 0;
    const run = await runCli(cwd, [
      'run',
      ...targets(),
      '--concurrency',
      '8',
      '--max-in-flight',
      '1',
      '--rate',
      '5000',
      '--no-tracker',
    ]);
    expect(run.code).toBe(0);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('rejects --max-in-flight 0 and --rate 0 as bad usage', async () => {
    const cwd = await tempProject({ 'cases/g.yaml': CASES });
    expect((await runCli(cwd, ['run', ...targets(), '--max-in-flight', '0'])).code).toBe(2);
    expect((await runCli(cwd, ['run', ...targets(), '--rate', '0'])).code).toBe(2);
  });

  it('takes rate and maxInFlight from the config, and flags win', () => {
    const config = configSchema.parse({ rate: 20, maxInFlight: 4 });
    const flags = { baseline: 'a=http://127.0.0.1:1', candidate: 'b=http://127.0.0.1:2' };
    expect(resolveConfig(config, flags, '/tmp')).toMatchObject({ rate: 20, maxInFlight: 4 });
    expect(resolveConfig(config, { ...flags, rate: 2 }, '/tmp')).toMatchObject({
      rate: 2,
      maxInFlight: 4,
    });
    expect(resolveConfig({}, flags, '/tmp')).toMatchObject({
      rate: undefined,
      maxInFlight: undefined,
    });
  });
});
