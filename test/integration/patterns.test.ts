/**
 * Patterns and equivalence rules against two real servers: the bundled
 * serde-style and Go-style reference servers on loopback port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import type { RulesSpecInput } from '../../src/contract/rules/schema.js';
import { judge } from '../../src/core/compare/judge.js';
import { createClient, type TargetClient } from '../../src/io/http/client.js';
import { exchangeCase } from '../../src/io/http/exchange.js';
import { makeCase } from '../helpers/case.js';
import { divergenceOf } from '../helpers/judgement.js';

const INVALID_RECORDS: Record<string, unknown> = {
  'schema-missing-name': { age: 36 },
  'range-age-too-high': { name: 'Ada', age: 200 },
  'format-bad-email': { name: 'Ada', email: 'nope' },
  'unknown-field': { name: 'Ada', nickname: 'c' },
  'too-many-tags': { name: 'Ada', tags: ['a', 'b', 'c', 'd', 'e', 'f'] },
};

describe('patterns against the reference servers', () => {
  let servers: RunningServer[];
  let baseline: TargetClient;
  let candidate: TargetClient;
  beforeAll(async () => {
    servers = await Promise.all([startServer('serde'), startServer('go')]);
    const options = { connections: 2, timeoutMs: 5000, bodyCapBytes: 1 << 20, retries: 0 };
    const [serde, go] = servers.map((s) => new URL(s.url));
    baseline = createClient(
      { name: 'rust', url: serde ?? new URL('http://x'), headers: [] },
      options,
    );
    candidate = createClient({ name: 'go', url: go ?? new URL('http://x'), headers: [] }, options);
  });
  afterAll(async () => {
    await Promise.all([baseline.close(), candidate.close(), ...servers.map((s) => s.close())]);
  });

  const validate = async (id: string, record: unknown, rules: RulesSpecInput = {}) => {
    const request = {
      method: 'POST' as const,
      path: '/v1/validate',
      headers: [['content-type', 'application/json'] as const],
      body: { kind: 'json' as const, value: { record } },
    };
    return judge(await exchangeCase(makeCase(id, request, rules), baseline, candidate));
  };

  it('makes the five validator divergences one root cause', async () => {
    const judgements = await Promise.all(
      Object.entries(INVALID_RECORDS).map(([id, record]) => validate(id, record)),
    );
    const prints = new Set(
      judgements
        .flatMap((j) => (j.verdict === 'divergent' ? j.findings : []))
        .map((f) => f.fingerprint),
    );
    expect([...prints]).toHaveLength(1);
    expect([...prints][0]).toMatch(/^tagged-enum-/);
    for (const j of judgements) {
      expect(divergenceOf(j)?.summary).toBe(
        'validation errors: externally tagged enum vs `Kind` discriminator',
      );
      expect(divergenceOf(j)?.pattern?.complete).toBe(true);
      expect(divergenceOf(j)?.explanation).toMatch(/^Baseline wraps the variant in a key `\w+`/);
    }
  });

  it('recognises several patterns in one record and explains each', async () => {
    const c = makeCase('get-one', { path: '/v1/records/3' });
    const j = judge(await exchangeCase(c, baseline, candidate));
    expect(
      divergenceOf(j)
        ?.pattern?.matches.map((m) => m.name)
        .sort(),
    ).toEqual(['nil-slice', 'null-vs-absent', 'timestamp-format']);
    expect(divergenceOf(j)?.explanation).toContain('empty list `[]`');
  });

  it('turns the divergence into equality with enumTag + keyCase rules', async () => {
    const rules: RulesSpecInput = {
      keyCase: 'fold',
      enumTag: { baseline: 'external', candidate: { field: 'Kind' } },
    };
    const j = await validate('schema', INVALID_RECORDS['schema-missing-name'], rules);
    expect(j.verdict).toBe('equal');
    expect(j.comparison?.equivalences).toContain('enumTag: external vs field Kind at /');
  });
});
