/** `--rate` and `--max-in-flight` through the CLI and the config file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/io/config/resolve.js';
import { configSchema } from '../../src/io/config/schema.js';
import { runCli, tempProject } from '../helpers/cli.js';
import { startCountingServer, type TestServer } from '../helpers/http.js';

const CASES = `suite: g
cases:
${Array.from({ length: 12 }, (_, k) => `  - id: c${k}\n    request: { method: GET, path: /r/${k} }`).join('\n')}
`;

describe('gentle runs', () => {
  let counting: Awaited<ReturnType<typeof startCountingServer>>[] = [];
  const servers: TestServer[] = [];
  beforeAll(async () => {
    counting = [await startCountingServer(), await startCountingServer()];
    servers.push(...counting.map((c) => c.server));
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
    for (const c of counting) c.reset();
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
    // One per target, so never more than two overall.
    for (const c of counting) expect(c.peak()).toBeLessThanOrEqual(1);
  });

  it('rejects --max-in-flight 0 and --rate 0 as bad usage', async () => {
    const cwd = await tempProject({ 'cases/g.yaml': CASES });
    expect((await runCli(cwd, ['run', ...targets(), '--max-in-flight', '0'])).code).toBe(2);
    expect((await runCli(cwd, ['run', ...targets(), '--rate', '0'])).code).toBe(2);
  });

  it('takes rate and maxInFlight from the config, and flags win', () => {
    const config = configSchema().parse({ rate: 20, maxInFlight: 4 });
    const flags = { baseline: 'a=http://127.0.0.1:1', candidate: 'b=http://127.0.0.1:2' };
    expect(resolveConfig({ config, file: undefined }, flags, '/tmp')).toMatchObject({
      rate: 20,
      maxInFlight: 4,
    });
    expect(resolveConfig({ config, file: undefined }, { ...flags, rate: 2 }, '/tmp')).toMatchObject(
      {
        rate: 2,
        maxInFlight: 4,
      },
    );
    expect(resolveConfig({ config: {}, file: undefined }, flags, '/tmp')).toMatchObject({
      rate: undefined,
      maxInFlight: undefined,
    });
  });
});
