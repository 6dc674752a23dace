/**
 * The fuzz loop against two real servers that differ only in planted
 * input-acceptance rules (test/helpers/fuzz-servers.ts): a fixed seed and
 * budget find every rule, each finding is shrunk to a minimal request (its
 * planted minimal form, and no reduction of it still shows the root cause),
 * the same seed finds the same things whatever the concurrency, and nothing
 * is found when both servers share their rules.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases } from '../../src/cases/load.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { resolveTargets } from '../../src/config/targets.js';
import { type FuzzRun, runFuzz } from '../../src/fuzz/engine.js';
import { reductions } from '../../src/fuzz/reduce.js';
import { bodyBytes, toCase } from '../../src/fuzz/request.js';
import { rootCausesOf } from '../../src/fuzz/root-cause.js';
import { type Seed, seedsOf } from '../../src/fuzz/seeds.js';
import { createSender, type Sender } from '../../src/fuzz/sender.js';
import { createRedactor } from '../../src/redact/redact.js';
import {
  BASELINE_RULES,
  CANDIDATE_RULES,
  PLANTED,
  possibleStatuses,
  SEED_CASES,
  startAcceptanceServer,
} from '../helpers/fuzz-servers.js';
import type { TestServer } from '../helpers/http.js';

const SEED = 9;
const BUDGET = 800;

async function seeds(): Promise<Seed[]> {
  const cwd = await mkdtemp(join(tmpdir(), 'parity-fuzz-'));
  await writeFile(join(cwd, 'seeds.yaml'), SEED_CASES);
  return seedsOf(await loadCases(['seeds.yaml'], { cwd, env: {} }));
}

function senderFor(baseline: string, candidate: string, concurrency = 8): Sender {
  const resolved = resolveConfig(
    { config: { concurrency, tracker: false }, file: undefined },
    { baseline: `strict=${baseline}`, candidate: `lenient=${candidate}` },
    tmpdir(),
  );
  const config = { ...resolved, ...resolveTargets(resolved, 'baseline+candidate') };
  const redact = createRedactor({ headerNames: [], secrets: new Map() });
  return createSender({ config, redact, reset: undefined, shell: { cwd: tmpdir(), env: {} } });
}

async function fuzz(urls: [string, string], options: { concurrency?: number } = {}) {
  const concurrency = options.concurrency ?? 8;
  const sender = senderFor(urls[0], urls[1], concurrency);
  try {
    return await runFuzz({
      seeds: await seeds(),
      send: sender.send,
      budget: { kind: 'inputs', count: BUDGET },
      seedNumber: SEED,
      concurrency,
      shrinkLimit: 300,
      maxFindings: 50,
      clock: () => performance.now(),
    });
  } finally {
    await sender.close();
  }
}

const pair = (f: FuzzRun['findings'][number]) =>
  `${f.rootCause.endpoint} ${f.rootCause.baseline}/${f.rootCause.candidate}`;

describe('parity fuzz against two servers with planted input-acceptance rules', () => {
  let strict: TestServer;
  let lenient: TestServer;
  let twin: TestServer;
  let run: FuzzRun;
  beforeAll(async () => {
    [strict, lenient, twin] = await Promise.all([
      startAcceptanceServer(BASELINE_RULES),
      startAcceptanceServer(CANDIDATE_RULES),
      startAcceptanceServer(BASELINE_RULES),
    ]);
    run = await fuzz([strict.url, lenient.url]);
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close(), twin.close()]));

  it('explores the whole budget and knows nothing from the seeds (they agree)', () => {
    expect(run.inputs).toBe(BUDGET);
    expect(run.known).toEqual([]);
    expect(run.unreachable).toEqual([]);
  });

  it('finds every planted rule, and nothing the rules do not explain', () => {
    const found = run.findings.map(pair);
    for (const planted of PLANTED) {
      expect(found, planted.rule).toContain(`${planted.endpoint} ${planted.statuses.join('/')}`);
    }
    for (const f of run.findings) {
      expect(possibleStatuses(f.rootCause.endpoint), pair(f)).toContain(
        `${f.rootCause.baseline}/${f.rootCause.candidate}`,
      );
    }
    // One finding per root cause.
    expect(new Set(found).size).toBe(found.length);
  });

  it('shrinks each planted rule to its minimal request', () => {
    for (const planted of PLANTED) {
      const f = run.findings.find(
        (x) => pair(x) === `${planted.endpoint} ${planted.statuses.join('/')}`,
      );
      const body = bodyBytes(f?.request.body ?? { kind: 'none' })?.toString('utf8');
      if ('path' in planted) expect(f?.request.path, planted.rule).toBe(planted.path);
      else if (typeof planted.body === 'string') expect(body, planted.rule).toBe(planted.body);
      else expect(body, planted.rule).toMatch(planted.body);
      expect(f?.request.query, planted.rule).toEqual([]);
      expect(f?.shrink.capped, planted.rule).toBe(false);
    }
  });

  it('leaves no finding that a reduction could make smaller and still show its root cause', async () => {
    const sender = senderFor(strict.url, lenient.url);
    try {
      for (const f of run.findings) {
        for (const smaller of reductions(f.request)) {
          const result = await sender.send(toCase(f.seed.case, smaller, 'check/smaller'));
          const causes = rootCausesOf(result, f.seed.endpoint).map((c) => c.key);
          expect(causes, `${pair(f)}: ${JSON.stringify(smaller)}`).not.toContain(f.rootCause.key);
        }
      }
    } finally {
      await sender.close();
    }
  });

  it('finds the same root causes in the same inputs, shrunk the same, whatever the concurrency', async () => {
    const again = await fuzz([strict.url, lenient.url], { concurrency: 3 });
    const summary = (r: FuzzRun) =>
      r.findings.map((f) => [pair(f), f.found.index, f.found.mutation, f.request, f.hits]);
    expect(summary(again)).toEqual(summary(run));
  });

  it('reports nothing when both servers share the same rules', async () => {
    const same = await fuzz([strict.url, twin.url]);
    expect(same.inputs).toBe(BUDGET);
    expect(same.divergentInputs).toBe(0);
    expect(same.findings).toEqual([]);
  });
});
