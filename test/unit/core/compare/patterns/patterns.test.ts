/**
 * One fixture per recognised pattern: the registry names it, explains it in
 * plain words, and gives divergences with the same root cause one fingerprint.
 */

import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../../src/contract/observation.js';
import { compare } from '../../../../../src/core/compare/comparison.js';
import { judge } from '../../../../../src/core/compare/judge.js';
import { recognisePatterns } from '../../../../../src/core/compare/patterns/registry.js';
import { divergenceOf } from '../../../../helpers/judgement.js';
import { exchange, json, response, testCase } from '../fixtures.js';

function judged(
  baseline: unknown,
  candidate: unknown,
  opts: { status?: number; id?: string; path?: string } = {},
) {
  const c = testCase({
    id: `t/${opts.id ?? 'a'}`,
    request: {
      method: 'GET',
      path: opts.path ?? '/v1/x',
      query: [],
      headers: [],
      body: { kind: 'none' },
    },
  });
  const status = opts.status ?? 200;
  const j = judge(exchange(response(status, json(baseline)), response(status, json(candidate)), c));
  const divergence = divergenceOf(j);
  if (divergence === undefined || j.verdict !== 'divergent')
    throw new Error('expected a divergence');
  return { ...divergence, causes: j.findings.map((f) => f.fingerprint) };
}

interface Fixture {
  readonly name: string;
  readonly baseline: unknown;
  readonly candidate: unknown;
  readonly title: string;
  readonly explanation: string;
  /** Another case with the same root cause (other values, other variant). */
  readonly again: readonly [unknown, unknown];
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'tagged-enum',
    baseline: { Schema: { field: 'name', reason: 'required' } },
    candidate: { Kind: 'schema', Field: 'name', Reason: 'required' },
    title: 'externally tagged enum vs `Kind` discriminator',
    explanation:
      'Baseline wraps the variant in a key `Schema` (an externally tagged enum); candidate uses a discriminator field `Kind` = "schema" with PascalCase fields (`field`→`Field` and `reason`→`Reason`).',
    again: [{ Range: { field: 'age', min: 0 } }, { Kind: 'range', Field: 'age', Min: 0 }],
  },
  {
    name: 'key-case',
    baseline: { user: { first_name: 'Ada', last_name: 'L' } },
    candidate: { user: { firstName: 'Ada', lastName: 'L' } },
    title: 'keys snake_case vs camelCase at `/user`',
    explanation:
      'Keys are snake_case in baseline and camelCase in candidate at `/user`: `first_name`→`firstName` and `last_name`→`lastName`.',
    again: [{ user: { first_name: 'Grace' } }, { user: { firstName: 'Grace' } }],
  },
  {
    name: 'null-vs-absent',
    baseline: { id: 1 },
    candidate: { id: 1, deleted_at: null },
    title: '`/deleted_at` null vs absent',
    explanation: 'Candidate writes `deleted_at` as null where baseline omits it at `/deleted_at`.',
    again: [{ id: 2 }, { id: 2, deleted_at: null }],
  },
  {
    name: 'nil-slice',
    baseline: { tags: [] },
    candidate: { tags: null },
    title: '`/tags` [] vs null',
    explanation: 'Baseline sends an empty list `[]` at `/tags` where candidate sends `null`.',
    again: [
      { tags: [], n: 1 },
      { tags: null, n: 1 },
    ],
  },
  {
    name: 'nil-map',
    baseline: { labels: {} },
    candidate: { labels: null },
    title: '`/labels` {} vs null',
    explanation: 'Baseline sends an empty object `{}` at `/labels` where candidate sends `null`.',
    again: [
      { labels: {}, n: 2 },
      { labels: null, n: 2 },
    ],
  },
  {
    name: 'int-as-string',
    baseline: { balance: '9007199254740993' },
    // A float64 cannot hold 2^53 + 1: the string is the exact value the number stood for.
    candidate: { balance: 2 ** 53 + 1 },
    title: '`/balance` integer as string vs number',
    explanation:
      'Baseline writes the integer at `/balance` as a string ("9007199254740993"), the other side as a JSON number.',
    again: [{ balance: '7' }, { balance: 7 }],
  },
  {
    name: 'timestamp-format',
    baseline: { created_at: '2024-03-10T08:05:59Z' },
    candidate: { created_at: '2024-03-10T08:05:59.999Z' },
    title: '`/created_at` timestamp precision',
    explanation:
      'The timestamp at `/created_at` is the same instant written differently: RFC 3339, whole seconds, Z in baseline, RFC 3339, fractional seconds, Z in candidate',
    again: [{ created_at: '2024-01-15T09:30:00Z' }, { created_at: '2024-01-15T09:30:00.12Z' }],
  },
  {
    name: 'enum-case',
    baseline: { status: 'ACTIVE' },
    candidate: { status: 'active' },
    title: '`/status` enum values UPPER_CASE vs lower_case',
    explanation:
      'The enum value at `/status` is cased differently: "ACTIVE" in baseline, "active" in candidate.',
    again: [{ status: 'SUSPENDED' }, { status: 'suspended' }],
  },
  {
    name: 'float-format',
    baseline: { price: '1' },
    candidate: { price: '1.0' },
    title: '`/price` number formatting',
    explanation:
      'The number at `/price` has the same value written differently: 1 in baseline, 1.0 in candidate.',
    again: [{ price: '2.5' }, { price: '2.50' }],
  },
  {
    name: 'error-envelope',
    baseline: { error: 'record 99 not found' },
    candidate: { message: 'record 99 not found' },
    title: 'error envelope `error` vs `message`',
    explanation:
      'The error envelope differs: baseline puts the error under `error`, candidate under `message` (same content).',
    again: [{ error: 'record 7 not found' }, { message: 'record 7 not found' }],
  },
  {
    name: 'empty-object',
    baseline: { meta: {} },
    candidate: { meta: { page: 1, total: 3 } },
    title: '`/meta` `{}` vs an object',
    explanation:
      'Baseline writes `/meta` as an empty object where candidate writes 2 members (`page`, `total`).',
    again: [{ meta: {} }, { meta: { next: 'b2' } }],
  },
  {
    name: 'nesting',
    baseline: { id: 7, street: 'Main 1', city: 'Paris' },
    candidate: { id: 7, address: { street: 'Main 1', city: 'Paris' } },
    title: 'candidate nests members under `address`',
    explanation:
      'Candidate writes 2 members (`city`, `street`) inside `address`, where baseline writes them at the top level, with the same values.',
    again: [
      { id: 8, street: 'Rue 2', city: 'Lyon', zip: '69001' },
      { id: 8, address: { street: 'Rue 2', city: 'Lyon', zip: '69001' } },
    ],
  },
  {
    name: 'array-order',
    baseline: { items: [{ id: 1 }, { id: 2 }, { id: 3 }] },
    candidate: { items: [{ id: 3 }, { id: 1 }, { id: 2 }] },
    title: '`/items` array order',
    explanation: 'The array `/items` has its elements in another order',
    again: [{ items: [{ id: 8 }, { id: 9 }] }, { items: [{ id: 9 }, { id: 8 }] }],
  },
];

describe('pattern registry', () => {
  it.each(FIXTURES)('recognises $name, explains it and groups it', (f) => {
    const divergence = judged(f.baseline, f.candidate, { id: 'one', path: '/v1/one' });
    expect(divergence.pattern?.matches.map((m) => m.name)).toEqual([f.name]);
    expect(divergence.pattern?.complete).toBe(true);
    expect(divergence.pattern?.title).toBe(f.title);
    expect(divergence.summary).toBe(f.title);
    expect(divergence.explanation).toContain(f.explanation);
    // Same root cause in another case, on another endpoint, with other values: one fingerprint.
    const again = judged(f.again[0], f.again[1], { id: 'two', path: '/v2/other' });
    expect(divergence.causes).toHaveLength(1);
    expect(again.causes).toEqual(divergence.causes);
  });

  it('gives different root causes different fingerprints', () => {
    const prints = FIXTURES.flatMap((f) => judged(f.baseline, f.candidate).causes);
    expect(new Set(prints).size).toBe(FIXTURES.length);
  });

  it('keys the root cause on the field the pattern occurs at, not the whole path', () => {
    const top = judged({ tags: [] }, { tags: 'x' });
    const nested = judged({ items: [{ tags: [] }] }, { items: [{ tags: 'y' }] });
    expect(nested.causes).toEqual(top.causes);
    expect(judged({ labels: [] }, { labels: 'x' }).causes).not.toEqual(top.causes);
    const absent = judged({ tags: [] }, {});
    const nestedAbsent = judged({ items: [{ tags: [] }] }, { items: [{}] });
    expect(nestedAbsent.causes).toEqual(absent.causes);
    expect(judged({ labels: [] }, {}).causes).not.toEqual(absent.causes);
    // An empty list written as null: one cause whatever the field.
    expect(judged({ labels: [] }, { labels: null }).causes).toEqual(
      judged({ tags: [] }, { tags: null }).causes,
    );
  });

  it('reports every pattern of a divergence and explains each', () => {
    const divergence = judged(
      { tags: [], created_at: '2024-01-15T09:30:00Z' },
      { tags: null, created_at: '2024-01-15T09:30:00.12Z', deleted_at: null },
    );
    expect(divergence.pattern?.matches.map((m) => m.name).sort()).toEqual([
      'nil-slice',
      'null-vs-absent',
      'timestamp-format',
    ]);
    expect(divergence.explanation).toContain('empty list `[]` at `/tags`');
    expect(divergence.explanation).toContain('baseline omits it');
    expect(divergence.explanation).toContain('same instant');
  });

  it('takes two clocks read a second boundary apart for one instant, and not two seconds apart', () => {
    const names = (b: unknown, c: unknown) =>
      judged({ stamp: b }, { stamp: c }).pattern?.matches.map((m) => m.name) ?? [];
    // Milliseconds against seconds, each side stamping at write time.
    expect(names(1764058199_995, 1764058200)).toEqual(['timestamp-format']);
    expect(names(1764058200_004, 1764058200)).toEqual(['timestamp-format']);
    expect(names(1764058197_995, 1764058200)).toEqual([]);
    expect(names('2024-03-10T08:05:59.999Z', '2024-03-10T08:06:00Z')).toEqual(['timestamp-format']);
    expect(names('2024-03-10T08:05:58.999Z', '2024-03-10T08:06:00Z')).toEqual([]);
  });

  it('makes a change no pattern explains a root cause of its own, beside the pattern', () => {
    const a = judged({ tags: [], total: 1 }, { tags: null, total: 2 }, { id: 'a' });
    const b = judged({ tags: [], total: 3 }, { tags: null, total: 4 }, { id: 'b' });
    expect(a.pattern?.complete).toBe(false);
    expect(a.causes).toHaveLength(2);
    expect(b.causes).toEqual(a.causes);
    expect(a.fingerprint).not.toBe(b.fingerprint);
    expect(a.explanation).toContain('Value differs at `/total`: 1 → 2.');
  });

  it('makes a status transition a root cause of its own, beside the pattern', () => {
    const c = (id: string) =>
      testCase({
        id,
        request: { method: 'GET', path: '/x', query: [], headers: [], body: { kind: 'none' } },
      });
    const causes = (id: string) => {
      const j = judge(
        exchange(response(400, json({ tags: [] })), response(422, json({ tags: null })), c(id)),
      );
      return j.verdict === 'divergent' ? j.findings.map((f) => f.cause.type) : [];
    };
    expect(causes('t/a')).toEqual(['status', 'pattern']);
    expect(
      divergenceOf(judge(exchange(response(400, json({})), response(422, json({})), c('t/b'))))
        ?.kinds,
    ).toEqual(['status']);
  });

  it('prefixes error answers with what they are', () => {
    const divergence = judged(
      { Schema: { field: 'x' } },
      { Kind: 'schema', Field: 'x' },
      { status: 400 },
    );
    expect(divergence.summary).toBe(
      'validation errors: externally tagged enum vs `Kind` discriminator',
    );
  });

  it('recognises the reverse and the adjacently tagged representation', () => {
    const reverse = judged({ type: 'Circle', radius: 1 }, { Circle: { radius: 1 } });
    expect(reverse.summary).toBe('`type` discriminator vs externally tagged enum');
    const adjacent = judged({ Circle: { radius: 1 } }, { t: 'Circle', c: { radius: 1 } });
    expect(adjacent.summary).toBe('externally tagged enum vs adjacently tagged (`t`, `c`)');
  });

  it("recognises a variant named like one of the flat struct's fields, and claims the other variants' zero values", () => {
    const changes = compare(
      exchange(
        response(422, json({ error: { Format: { format: 'email' } } })),
        response(
          422,
          json({ error: { Kind: 'Format', Min: 0, Max: 0, Regex: '', Format: 'email' } }),
        ),
      ),
    )?.body;
    const { matches, unexplained } = recognisePatterns(changes ?? []);
    expect(matches.map((m) => m.name)).toEqual(['tagged-enum']);
    expect(unexplained).toEqual([]);
  });

  it('recognises a unit variant (its bare name) against a flat struct, as the same root cause', () => {
    const unit = judged('Ok', { Kind: 'Ok', Min: 0, Reason: '' });
    const struct = judged({ Range: { min: 1 } }, { Kind: 'Range', Min: 1, Reason: '' });
    expect(unit.summary).toBe('externally tagged enum vs `Kind` discriminator');
    expect(unit.causes).toEqual(struct.causes);
    // A value that is not a unit variant: the object holds more than zero values.
    expect(judged('Ok', { Kind: 'Ok', Min: 3 }).summary).not.toContain('tagged enum');
  });

  it('takes two values of one casing with other separators for other values, not an enum casing', () => {
    expect(judged({ slug: 'one-2024' }, { slug: 'one_2024' }).summary).not.toContain('enum');
  });

  it('does not mistake different values for a pattern', () => {
    const changes: Change[] = [
      { path: '/status', op: 'value', baseline: 'active', candidate: 'deleted' },
      {
        path: '/at',
        op: 'value',
        baseline: '2024-01-01T00:00:00Z',
        candidate: '2024-01-02T00:00:00Z',
      },
      { path: '/n', op: 'type', baseline: 'twelve', candidate: 13 },
      { path: '/list', op: 'type', baseline: [1], candidate: null },
    ];
    const { matches, unexplained } = recognisePatterns(changes);
    expect(matches).toEqual([]);
    expect(unexplained).toEqual(changes);
  });

  // Issue 43: a type family is keyed on the types; values that also differ are a question of their own.
  it.each([
    ['/n', '12', 13, 'int-as-string', 12, 13],
    ['/seq/0/offset', 7, '8', 'int-as-string', 7, 8],
    ['/enabled', 'false', true, 'bool-as-string', false, true],
    ['/flags/visible', true, 'False', 'bool-as-string', true, false],
  ])(
    'names the family at %s whatever the values (%j vs %j), and leaves their difference',
    (at, b, c, name, vb, vc) => {
      const { matches, unexplained } = recognisePatterns([
        { path: at, op: 'type', baseline: b, candidate: c },
      ]);
      expect(matches.map((m) => m.name)).toEqual([name]);
      expect(unexplained).toEqual([{ path: at, op: 'value', baseline: vb, candidate: vc }]);
    },
  );

  it.each([
    ['/createdAt', 1_700_000_000, '2023-11-14T22:13:25Z', '2023-11-14T22:13:20Z'],
    ['/meta/updated_ms', '2024-01-02T03:04:05.000Z', 1_704_164_700_000, '2024-01-02T03:04:05Z'],
  ])(
    'names a timestamp at %s as number vs string at other instants, and leaves the instants',
    (at, b, c, first) => {
      const { matches, unexplained } = recognisePatterns([
        { path: at, op: 'type', baseline: b, candidate: c },
      ]);
      expect(matches.map((m) => m.name)).toEqual(['timestamp-format']);
      expect(unexplained).toHaveLength(1);
      expect(unexplained[0]).toMatchObject({ path: at, op: 'value', baseline: first });
    },
  );

  it.each([
    ['/Timestamp', 'YYYY-MM-DDThh:mm:ss.fffZ', 'YYYY-MM-DDThh:mm:ss.fffffffZ', 'precision'],
    ['/events/3/created', 'epoch seconds', 'YYYY-MM-DDThh:mm:ssZ', 'epoch-seconds:rfc3339-z'],
  ])(
    "names each side's own stamps at %s in two formats by their formats, and leaves no instants",
    (at, b, c, variant) => {
      const { matches, unexplained } = recognisePatterns([
        { path: at, op: 'value', baseline: `{{stamped ${b}}}`, candidate: `{{stamped ${c}}}` },
      ]);
      expect(matches.map((m) => [m.name, m.params])).toEqual([['timestamp-format', [variant]]]);
      expect(matches[0]?.explanation).toContain("each side's own instant, stamped during this run");
      expect(unexplained).toEqual([]);
    },
  );

  it('leaves nothing when the family holds the same values', () => {
    const { matches, unexplained } = recognisePatterns([
      { path: '/n', op: 'type', baseline: '12', candidate: 12 },
      { path: '/on', op: 'type', baseline: true, candidate: 'true' },
    ]);
    expect(matches.map((m) => m.name)).toEqual(['int-as-string', 'bool-as-string']);
    expect(unexplained).toEqual([]);
  });

  it('matches the comparison of the seed finding to one pattern', () => {
    const comparison = compare(
      exchange(
        response(400, json({ Schema: { field: 'x', reason: 'y' } })),
        response(400, json({ Kind: 'schema', Field: 'x', Reason: 'y' })),
      ),
    );
    expect(comparison?.body).toHaveLength(4);
    expect(recognisePatterns(comparison?.body ?? []).unexplained).toEqual([]);
  });
});

describe('a flat struct that writes every variant', () => {
  it("claims the other variants' zero-valued fields: one root cause per probe, whatever the variant", () => {
    const flat = (kind: string, fields: Record<string, unknown>) => ({
      Kind: kind,
      Field: '',
      Reason: '',
      Min: 0,
      Max: 0,
      Format: '',
      ...fields,
    });
    const probes: [unknown, unknown][] = [
      [
        { Schema: { field: 'name', reason: 'required' } },
        flat('schema', { Field: 'name', Reason: 'required' }),
      ],
      [{ Range: { field: 'age', min: 0, max: 150 } }, flat('range', { Field: 'age', Max: 150 })],
      [
        { Pattern: { field: 'email', format: 'email' } },
        flat('pattern', { Field: 'email', Format: 'email' }),
      ],
    ];
    const causes = new Set<string>();
    for (const [baseline, candidate] of probes) {
      const result = judged(baseline, candidate);
      expect(result.causes, JSON.stringify(result.changes)).toHaveLength(1);
      for (const cause of result.causes) causes.add(cause);
    }
    expect(causes.size).toBe(1);
  });
});

describe('a variant whose flat struct names one of its fields otherwise', () => {
  // Two fixtures with other names, so the rule is not one pair's: serde's
  // `Format { field, expected }` against Go's `Reason`, and a camelCase
  // discriminated union whose `detail` is the flat side's `message`.
  const probes = {
    serde: {
      variants: [
        [
          { Schema: { field: 'name', reason: 'required' } },
          { Kind: 'schema', Field: 'name', Reason: 'required', Min: 0, Max: 0 },
        ],
        [
          { Range: { field: 'age', min: 0, max: 150 } },
          { Kind: 'range', Field: 'age', Reason: '', Min: 0, Max: 150 },
        ],
        [
          { Format: { field: 'email', expected: 'an email address' } },
          { Kind: 'format', Field: 'email', Reason: 'an email address', Min: 0, Max: 0 },
        ],
        [
          { Format: { field: 'url', expected: 'a URL' } },
          { Kind: 'format', Field: 'url', Reason: 'must be a URL', Min: 0, Max: 0 },
        ],
      ],
      renamed: '`expected`→`Reason` named otherwise',
    },
    union: {
      variants: [
        [
          { Conflict: { resource: 'user', detail: 'name taken' } },
          { type: 'conflict', resource: 'user', message: 'name taken', retryAfter: 0, limit: 0 },
        ],
        [
          { Throttled: { resource: 'user', limit: 10 } },
          { type: 'throttled', resource: 'user', message: '', retryAfter: 0, limit: 10 },
        ],
        [
          { Conflict: { resource: 'team', detail: 'slug taken' } },
          {
            type: 'conflict',
            resource: 'team',
            message: 'another slug is taken',
            retryAfter: 0,
            limit: 0,
          },
        ],
      ],
      renamed: '`detail`→`message` named otherwise',
    },
  } as const;

  for (const [name, { variants, renamed }] of Object.entries(probes)) {
    it(`claims the renamed field, the discriminator and the zero values: one root cause for every variant (${name})`, () => {
      const causes = new Set<string>();
      const explanations: string[] = [];
      for (const [baseline, candidate] of variants) {
        const result = judged({ error: baseline }, { error: candidate }, { status: 422 });
        expect(result.causes, JSON.stringify(result.changes)).toHaveLength(1);
        for (const cause of result.causes) causes.add(cause);
        explanations.push(result.explanation);
      }
      expect(causes.size).toBe(1);
      expect(explanations.join('\n')).toContain(renamed);
    });
  }

  it('still leaves a variant field with no counterpart unexplained: two fields of one type and value the flat side could carry', () => {
    // Two string fields nothing names, and two string members with values: which is which is a guess.
    const { matches } = recognisePatterns(
      compare(
        exchange(
          response(422, json({ Format: { field: 'email', expected: 'x', hint: 'y' } })),
          response(422, json({ Kind: 'format', Field: 'email', Reason: 'p', Note: 'q' })),
        ),
      )?.body ?? [],
    );
    expect(matches.map((m) => m.name)).not.toContain('tagged-enum');
  });
});
