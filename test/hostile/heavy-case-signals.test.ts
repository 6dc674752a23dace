/**
 * Signals while parity compares heavy cases (300,000 members that differ:
 * seconds of synchronous work each, during which no signal listener can
 * run). A first SIGINT starts the clean stop; a second ends the process at
 * once, whether it comes while parity waits (the listener aborts the
 * requests in flight) or while it compares (once a first signal was
 * handled, SIGINT and SIGTERM are left at their default action during each
 * comparison, and for good once nothing is in flight).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { catchesSigint, startBin, until } from './helpers.js';

const heavy = (side: number) =>
  JSON.stringify(
    Object.fromEntries(Array.from({ length: 300_000 }, (_, n) => [`k${n}`, n + side])),
  );

describe('signals while heavy cases are compared', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const bodies = [heavy(0), heavy(1)];
    const serve = (side: number) =>
      startServer(async (_req, res) => {
        // Answered 2 s after asked: the first signal comes while every case is in flight.
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(bodies[side]);
      });
    [a, b] = await Promise.all([serve(0), serve(1)]);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('a second SIGINT ends the run at once, even in the middle of a comparison', async () => {
    const cases = Array.from(
      { length: 6 },
      (_, n) => `  - id: h${n}\n    request: { method: GET, path: /h${n} }`,
    );
    const cwd = await tempProject({ 'cases/h.yaml': `suite: h\ncases:\n${cases.join('\n')}\n` });
    const bin = await startBin(
      ['run', '--baseline', `a=${a.url}`, '--candidate', `b=${b.url}`, '--no-tracker'],
      cwd,
    );
    const killer = setTimeout(() => bin.child.kill('SIGKILL'), 120_000);
    try {
      // Every case sent: the first SIGINT is handled while they are in flight (a clean stop).
      await until(() => a.requests.length >= 6 && b.requests.length >= 6, 60_000);
      const pid = bin.child.pid as number;
      // Caught until then: the run's listener (so the probe below can see the difference).
      expect(await catchesSigint(pid)).toBe(true);
      bin.child.kill('SIGINT');
      await until(() => bin.stderr().includes('no new case will be sent'), 10_000);
      // The answers come at 2 s; comparing six of them takes seconds, one at a
      // time, with SIGINT at its default action: the second one comes during one
      // (not at a fixed time, which a loaded machine could reach before the answers).
      await until(async () => (await catchesSigint(pid)) === false, 60_000);
      const second = Date.now();
      bin.child.kill('SIGINT');
      const outcome = await bin.done;
      expect(Date.now() - second, outcome.stderr).toBeLessThan(3_000);
      expect(outcome.signal === 'SIGINT' || outcome.code === 130, JSON.stringify(outcome)).toBe(
        true,
      );
      expect(outcome.stderr).not.toMatch(/\n\s+at |internal error/);
    } finally {
      clearTimeout(killer);
    }
  }, 180_000);
});
