/**
 * The fuzz loop against two real servers that differ only in planted
 * input-acceptance rules (test/helpers/fuzz-servers.ts), three of which share
 * one status signature on one endpoint: a fixed seed and budget find every
 * rule as a divergence of its own (one root cause, three rules), each
 * finding is shrunk to a minimal request (its planted minimal form, and no
 * reduction of it still shows the root cause by the same rule), the same
 * seed finds the same things whatever the concurrency, and nothing is found
 * when both servers share their rules.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/core/redact/redact.js';
import { loadCases } from '../../src/io/cases/load.js';
import { resolveConfig } from '../../src/io/config/resolve.js';
import { resolveTargets } from '../../src/io/config/targets.js';
import { type FuzzRun, runFuzz } from '../../src/judge/fuzz/engine.js';
import { reductions } from '../../src/judge/fuzz/reduce.js';
import { bodyBytes, toCase } from '../../src/judge/fuzz/request.js';
import { rootCausesOf } from '../../src/judge/fuzz/root-cause.js';
import { carries } from '../../src/judge/fuzz/rule.js';
import { type Seed, seedsOf } from '../../src/judge/fuzz/seeds.js';
import { createSender, type FuzzSender } from '../../src/judge/fuzz/sender.js';
import {
  BASELINE_RULES,
  CANDIDATE_RULES,
  PLANTED,
  possibleDivergences,
  SEED_CASES,
  startAcceptanceServer,
} from '../helpers/fuzz-servers.js';
import type { TestServer } from '../helpers/http.js';

const SEED = 2;
const BUDGET = 800;

async function seeds(): Promise<Seed[]> {
  const cwd = await mkdtemp(join(tmpdir(), 'parity-fuzz-'));
  await writeFile(join(cwd, 'seeds.yaml'), SEED_CASES);
  return seedsOf(await loadCases(['seeds.yaml'], { cwd, env: {} }));
}

function senderFor(baseline: string, candidate: string, concurrency = 8): FuzzSender {
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

type Finding = FuzzRun['findings'][number];
const pair = (f: Finding) =>
  `${f.rootCause.endpoint} ${f.rootCause.baseline}/${f.rootCause.candidate}`;
/** `POST /v1/notes 400/201 trailing-data`: the root cause's endpoint and statuses, and the rule. */
const divergence = (f: Finding) => `${pair(f)} ${f.rule}`;
const planted = (p: (typeof PLANTED)[number]) =>
  `${p.endpoint} ${p.statuses.join('/')} ${p.family}`;

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

  it('finds every planted rule as its own divergence, and nothing the rules do not explain', () => {
    const found = run.findings.map(divergence);
    for (const p of PLANTED) expect(found, p.rule).toContain(planted(p));
    for (const f of run.findings) {
      expect(possibleDivergences(f.rootCause.endpoint), divergence(f)).toContain(
        `${f.rootCause.baseline}/${f.rootCause.candidate} ${f.rule}`,
      );
    }
    // One finding per (root cause, rule); the rules sharing a status signature share a root cause.
    expect(new Set(found).size).toBe(found.length);
    const notes = run.findings.filter((f) => pair(f) === 'POST /v1/notes 400/201');
    expect(notes.map((f) => f.rule).sort()).toEqual([
      'invalid-utf8',
      'lone-surrogate',
      'trailing-data',
    ]);
    expect(new Set(notes.map((f) => f.rootCause.key)).size).toBe(1);
  });

  it('shrinks each planted rule to its minimal request, which still carries the rule', () => {
    for (const p of PLANTED) {
      const f = run.findings.find((x) => divergence(x) === planted(p));
      const body = bodyBytes(f?.request.body ?? { kind: 'none' })?.toString('latin1');
      if ('path' in p) expect(f?.request.path, p.rule).toBe(p.path);
      else if (typeof p.body === 'string') expect(body, p.rule).toBe(p.body);
      else expect(body, p.rule).toMatch(p.body);
      expect(f?.request.query, p.rule).toEqual([]);
      expect(f?.shrink.capped, p.rule).toBe(false);
    }
  });

  it('leaves no finding that a reduction could make smaller and still show its root cause (and answers) by its rule', async () => {
    const sender = senderFor(strict.url, lenient.url);
    try {
      for (const f of run.findings) {
        for (const smaller of reductions(f.request)) {
          if (!carries(f.rule, f.seed.request, smaller)) continue;
          const result = await sender.send(toCase(f.seed.case, smaller, 'check/smaller'));
          const causes = rootCausesOf(result, f.seed.endpoint).map(
            (c) => `${c.key} ${c.baseline}/${c.candidate}`,
          );
          const { key, baseline, candidate } = f.rootCause;
          expect(causes, `${divergence(f)}: ${JSON.stringify(smaller)}`).not.toContain(
            `${key} ${baseline}/${candidate}`,
          );
        }
      }
    } finally {
      await sender.close();
    }
  });

  it('finds the same root causes in the same inputs, shrunk the same, whatever the concurrency', async () => {
    const again = await fuzz([strict.url, lenient.url], { concurrency: 3 });
    const summary = (r: FuzzRun) =>
      r.findings.map((f) => [divergence(f), f.found.index, f.found.mutation, f.request, f.hits]);
    expect(summary(again)).toEqual(summary(run));
  });

  it('reports nothing when both servers share the same rules', async () => {
    const same = await fuzz([strict.url, twin.url]);
    expect(same.inputs).toBe(BUDGET);
    expect(same.divergentInputs).toBe(0);
    expect(same.findings).toEqual([]);
  });
});
