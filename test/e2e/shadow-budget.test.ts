/**
 * The byte budget of shadow mode (`--mirror-mb`): a flood of large bodies,
 * with a slow candidate, never holds more bytes for mirrored pairs than the
 * budget (request bodies, the baseline's answers, the decoded copies, as the
 * budget's own peak says); copies past it are dropped and counted; the
 * clients see every answer whole, no error; and once the session stopped,
 * every byte counted was given back.
 */
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startShadow } from '../../src/engine/shadow.js';
import { prepareShadow } from '../../src/engine/shadow-prepare.js';
import type { ShadowMode } from '../../src/io/shadow/traffic.js';
import { tempProject, thisHost } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const KB = 1024;
const MB = 1024 * KB;
const servers: TestServer[] = [];
const agent = new Agent({ keepAliveTimeout: 10, connections: 16 });
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server answering each request with `body` after `delayMs`. */
async function answering(body: string, delayMs: number): Promise<TestServer> {
  const server = await startServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(body);
    }, delayMs);
  });
  servers.push(server);
  return server;
}

async function session(mode: ShadowMode, baseline: string, candidate: string, mirrorMb: number) {
  const cwd = await tempProject();
  const context = { cwd, env: {}, now: () => new Date(), host: thisHost() };
  const flags = {
    mode,
    listen: '127.0.0.1:0',
    baseline: `a=${baseline}`,
    candidate: `b=${candidate}`,
    tracker: false as const,
    mirrorMb,
    // The test's clients share this event loop: never shed for being busy.
    shed: '100%',
  };
  const { input } = await prepareShadow(flags, context);
  return startShadow(input);
}

/** Sends `count` requests, 16 at a time; resolves with each answer's status and body length. */
async function flood(url: string, count: number, body?: string) {
  const answers: { status: number; size: number }[] = [];
  let next = 0;
  const one = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const answer = await request(`${url}/items/${i}`, {
        dispatcher: agent,
        method: 'GET',
        ...(body === undefined ? {} : { body, headers: { 'content-type': 'text/plain' } }),
      });
      const text = await answer.body.text();
      answers.push({ status: answer.statusCode, size: text.length });
    }
  };
  await Promise.all(Array.from({ length: 16 }, one));
  return answers;
}

describe('the byte budget of mirrored pairs', () => {
  it('the proxy: large answers and a slow candidate stay within the budget, the rest dropped and counted', async () => {
    const large = 'x'.repeat(16 * KB);
    const baseline = await answering(large, 0);
    const candidate = await answering(large, 150);
    const shadow = await session('proxy', baseline.url, candidate.url, 2);
    const url = `http://127.0.0.1:${shadow.address.port}`;
    const answers = await flood(url, 300);
    const outcome = await shadow.stop();
    // The clients: every answer the baseline's, whole.
    expect(answers).toHaveLength(300);
    expect(answers.every((a) => a.status === 200 && a.size === large.length)).toBe(true);
    // Never more held than the budget; copies past it dropped and counted.
    expect(shadow.budget.limit).toBe(2 * MB);
    expect(shadow.budget.peak).toBeLessThanOrEqual(2 * MB);
    expect(shadow.budget.peak).toBeGreaterThan(0);
    expect(outcome.status.bytes).toBeGreaterThan(0);
    expect(outcome.status.compared).toBeGreaterThan(0);
    expect(outcome.status.dropped).toBeGreaterThanOrEqual(outcome.status.bytes);
    // Every byte counted was given back.
    expect(shadow.budget.held).toBe(0);
  }, 120_000);

  it('the sink: large request bodies stay within the budget, the rest dropped and counted', async () => {
    const baseline = await answering('{"ok":true}', 0);
    const candidate = await answering('{"ok":true}', 150);
    const shadow = await session('sink', baseline.url, candidate.url, 1);
    const url = `http://127.0.0.1:${shadow.address.port}`;
    const answers = await flood(url, 300, 'b'.repeat(64 * KB));
    const outcome = await shadow.stop();
    // The gateway's copies are all answered at once.
    expect(answers.every((a) => a.status === 204)).toBe(true);
    expect(shadow.budget.peak).toBeLessThanOrEqual(1 * MB);
    expect(outcome.status.bytes).toBeGreaterThan(0);
    expect(outcome.status.compared).toBeGreaterThan(0);
    expect(outcome.status.compared + outcome.status.dropped).toBe(300);
    expect(shadow.budget.held).toBe(0);
  }, 120_000);
});
