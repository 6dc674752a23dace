/**
 * Words and hints only for a convention actually identified (issue 43, item 5):
 * the protobuf JSON mapping found from what both sides' answers show, its fix
 * hints in protojson's terms (never Go's `,string` or `make([]T, 0)`); a
 * rename that is not a casing convention; and no language's idiom for a side
 * whose runtime is unknown. Each class has two fixtures of different names.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../../../src/contract/model/case.js';
import type { Response } from '../../../../src/contract/model/exchange.js';
import type { SideRuntimes } from '../../../../src/contract/model/runtime.js';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { PATTERN_NAMES, type Runtime } from '../../../../src/contract/vocabulary.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { hintFor } from '../../../../src/core/compare/hints.js';
import { recognisePatterns } from '../../../../src/core/compare/patterns/registry.js';
import { keyWords, sameWords } from '../../../../src/core/compare/patterns/util.js';
import {
  addProtobufSigns,
  noSigns,
  protobufVerdict,
} from '../../../../src/core/compare/protobuf-evidence.js';
import { ZERO_VALUED_MEMBERS } from '../../../../src/core/compare/root-cause.js';
import { runtimeEvidence } from '../../../../src/core/compare/runtime-evidence.js';
import { createRuntimeWatch } from '../../../../src/engine/run/runtime-watch.js';
import { exchange, json, response } from './fixtures.js';

const delta = (b: unknown, c: unknown) => diffJson(b, c, { arrayKeys: [], tolerance: [] });

/** Two answer pairs each, of other field names: a Node re-implementation vs a gRPC gateway. */
const PROTOBUF_PAIRS = [
  {
    side: 'candidate',
    // An order service: the gateway writes the int64 id as a string and leaves zeroes out.
    answers: [
      [{ orderId: 7, itemCount: 0, giftNote: '', lineItems: [] }, { orderId: '7' }],
      [
        { orderId: 8, itemCount: 2, isPaid: false, createTime: '2026-01-01T00:00:00Z' },
        { orderId: '8', itemCount: 2, createTime: '2026-01-01T00:00:00Z' },
      ],
    ],
  },
  {
    side: 'baseline',
    // An account service with the gateway as the baseline, a 64-bit number at 2^53.
    answers: [
      [
        { accountNumber: '9007199254740992', displayName: 'Ada' },
        { accountNumber: 9007199254740992, displayName: 'Ada', isFrozen: false },
      ],
      [
        { accountNumber: '12', displayName: 'Grace', overdraftCents: '40' },
        { accountNumber: 12, displayName: 'Grace', overdraftCents: 40, pendingTransfers: [] },
      ],
    ],
  },
] as const;

describe('the protobuf JSON mapping, found from the answers', () => {
  for (const { side, answers } of PROTOBUF_PAIRS) {
    it(`names the ${side} once it showed int64 strings, omitted defaults and camelCase names`, () => {
      const signs = noSigns();
      for (const [b, c] of answers) addProtobufSigns(signs, b, c);
      const other = side === 'baseline' ? 'candidate' : 'baseline';
      expect(protobufVerdict(signs[side])).toMatch(/64-bit integers as strings/);
      expect(protobufVerdict(signs[other])).toBeUndefined();
    });
  }

  it('needs all three habits: strings and omitted members alone are other encoders too', () => {
    // Go's `,string` with `omitempty`, under snake_case tags: not the protobuf mapping.
    const snake = noSigns();
    addProtobufSigns(snake, { user_id: 4, login_count: 0 }, { user_id: '4' });
    expect(snake.candidate.int64Strings).toBe(1);
    expect(snake.candidate.omittedDefaults).toBe(1);
    expect(protobufVerdict(snake.candidate)).toBeUndefined();
    // Integers as strings in camelCase, nothing left out: not yet.
    const strings = noSigns();
    addProtobufSigns(strings, { ticketId: 4 }, { ticketId: '4' });
    expect(protobufVerdict(strings.candidate)).toBeUndefined();
    // Map keys (ids, UUIDs) say nothing about names.
    const keyed = noSigns();
    addProtobufSigns(
      keyed,
      { 'a1b2c3d4-0000-4000-8000-000000000000': { seatCount: 3, spare: 0 } },
      { 'a1b2c3d4-0000-4000-8000-000000000000': { seatCount: '3' } },
    );
    expect(protobufVerdict(keyed.candidate)).toMatch(/lowerCamelCase/);
    // Nor does a key far longer than any field's name, in any convention.
    const long = noSigns();
    addProtobufSigns(long, { [`a${'b'.repeat(300)}C`]: 1, [`${'x'.repeat(300)}_y`]: 2 }, {});
    expect(long.baseline.camelKeys).toBe(0);
    expect(long.baseline.otherKeys).toBe(0);
    const named = noSigns();
    addProtobufSigns(named, { [`a${'b'.repeat(200)}C`]: 1, [`${'x'.repeat(200)}_y`]: 2 }, {});
    expect(named.baseline.camelKeys).toBe(1);
    expect(named.baseline.otherKeys).toBe(1);
  });

  it("reads protojson's own error texts", () => {
    const error = (text: string): Response => ({
      status: 400,
      headers: {},
      body: { kind: 'text', text },
      wireBytes: 1,
      durationMs: 1,
    });
    expect(
      runtimeEvidence(error('proto: (line 1:14): invalid value for int64 type: "x"'))?.name,
    ).toBe('protobuf');
    expect(runtimeEvidence(error('proto: syntax error (line 1:2): unexpected token'))?.name).toBe(
      'protobuf',
    );
    // A gateway's google.rpc.Status, and nothing that merely resembles it.
    const status = (value: unknown): Response => ({ ...error(''), body: { kind: 'json', value } });
    expect(runtimeEvidence(status({ code: 3, message: 'bad orderId', details: [] }))).toEqual({
      name: 'protobuf',
      from: 'body: google.rpc.Status',
    });
    expect(
      runtimeEvidence(status({ code: 5, message: 'no such account', details: [{}] }))?.name,
    ).toBe('protobuf');
    expect(runtimeEvidence(status({ code: 'E3', message: 'x', details: [] }))).toBeUndefined();
    expect(runtimeEvidence(status({ code: 3, message: 'x' }))).toBeUndefined();
    expect(
      runtimeEvidence(status({ code: 3, message: 'x', details: [], error: 'x' })),
    ).toBeUndefined();
  });
});

function target(name: string, runtime?: Runtime): Target {
  const url = new URL('http://127.0.0.1:1');
  return { name, url, headers: [], ...(runtime === undefined ? {} : { runtime }) };
}

const ok = (value: unknown) => response(200, json(value));

describe('the run names a side by the protobuf mapping', () => {
  it('over a language its error texts showed first, never over the config', () => {
    const [, accounts] = PROTOBUF_PAIRS;
    const watch = createRuntimeWatch(
      { baseline: target('gw'), candidate: target('node', 'node') },
      (t) => t,
    );
    // The gateway's Go router answers a malformed body as Go does.
    watch.add(
      exchange(
        response(400, { kind: 'text', text: 'json: cannot unmarshal string into Go value' }),
        ok({}),
      ),
    );
    expect(watch.runtimes().baseline?.name).toBe('go');
    for (const [b, c] of accounts.answers) watch.add(exchange(ok(b), ok(c)));
    expect(watch.runtimes().baseline).toMatchObject({ name: 'protobuf', from: /^answers: / });
    expect(watch.runtimes().candidate).toEqual({ name: 'node', from: 'config' });

    const [orders] = PROTOBUF_PAIRS;
    const configured = createRuntimeWatch(
      { baseline: target('node'), candidate: target('gw', 'go') },
      (t) => t,
    );
    for (const [b, c] of orders.answers) configured.add(exchange(ok(b), ok(c)));
    expect(configured.runtimes().candidate?.name).toBe('go');
    expect(configured.runtimes().baseline).toBeUndefined();
  });
});

const pattern = (
  name: (typeof PATTERN_NAMES)[number],
  field: string,
  params: string[],
): RootCause => ({
  type: 'pattern',
  pattern: name,
  field,
  params,
  detail: '',
});

const GO_WORDS = /,string|`make\(|omitempty|encoding\/json|serde/;

describe("fix hints in protojson's terms", () => {
  for (const field of ['orderId', 'accountNumber']) {
    it(`int64 as a string at ${field}: the proto3 JSON mapping, not a struct tag`, () => {
      const gateway: SideRuntimes = { candidate: 'protobuf' };
      const hint = hintFor(pattern('int-as-string', field, ['candidate-string']), gateway);
      expect(hint.candidate).toMatch(/proto3 JSON mapping writes 64-bit integers/);
      expect(hint.candidate).not.toMatch(GO_WORDS);
      expect(hint.baseline).not.toMatch(/proto/);
      // The same cause with a Go side keeps Go's words for Go.
      expect(
        hintFor(pattern('int-as-string', field, ['candidate-string']), { candidate: 'go' })
          .candidate,
      ).toMatch(/,string/);
    });
  }

  for (const field of ['lineItems', 'pendingTransfers']) {
    it(`an empty list left out at ${field}: EmitUnpopulated, not make([]T, 0)`, () => {
      const hint = hintFor(pattern('nil-slice', field, ['baseline-empty', 'absent']), {
        candidate: 'protobuf',
      });
      expect(hint.candidate).toMatch(/EmitUnpopulated: true/);
      expect(hint.candidate).not.toMatch(GO_WORDS);
    });
  }

  for (const path of ['/items/*', '']) {
    it(`zero-valued members left out at "${path}": protojson's default, in its words`, () => {
      const cause: RootCause = {
        type: 'structure',
        endpoint: '/v1/orders',
        change: { op: 'added', path, baseline: '-', candidate: ZERO_VALUED_MEMBERS },
      };
      const hint = hintFor(cause, { baseline: 'protobuf' });
      expect(hint.baseline).toMatch(/EmitUnpopulated: true/);
      expect(hint.candidate).toMatch(
        /^leave members at their zero value out, as the baseline does$/,
      );
      const unknown = hintFor(cause);
      expect(`${unknown.baseline} ${unknown.candidate}`).not.toMatch(/protojson|omitempty|serde/);
    });
  }

  it('keys: protojson writes the json_name, UseProtoNames the .proto names', () => {
    const hint = hintFor(pattern('key-case', 'user', ['snake_case', 'camelCase']), {
      baseline: 'protobuf',
      candidate: 'protobuf',
    });
    expect(hint.baseline).toMatch(/json_name/);
    expect(hint.candidate).toMatch(/UseProtoNames: true/);
  });
});

/** Two pairs of each: a rename (other words) and a casing (the same words). */
const RENAMES = [
  ['userName', 'username'],
  ['e_mail', 'email'],
] as const;
const CASINGS = [
  ['userName', 'user_name'],
  ['postCount', 'PostCount'],
] as const;

describe('a rename is not a casing convention', () => {
  it('splits keys into words', () => {
    expect(keyWords('HTTPStatus')).toEqual(['http', 'status']);
    expect(keyWords('address_1')).toEqual(keyWords('address1'));
    expect(sameWords('userID', 'user_id')).toBe(true);
    expect(sameWords('userName', 'username')).toBe(false);
  });

  for (const [from, to] of RENAMES) {
    it(`${from} → ${to} is a rename, with no casing switch`, () => {
      const body = (key: string) => ({ id: 1, profile: { [key]: 'Ada' } });
      const { matches, unexplained } = recognisePatterns(delta(body(from), body(to)));
      expect(unexplained).toEqual([]);
      expect(matches.map((m) => m.name)).toEqual(['key-rename']);
      expect(matches[0]?.params).toEqual([from, to]);
      expect(matches[0]?.explanation).toMatch(/a rename/);
      const cause = pattern('key-rename', 'profile', [from, to]);
      for (const runtimes of [{}, { baseline: 'go', candidate: 'rust' }] as const) {
        const hint = hintFor(cause, runtimes);
        expect(hint.baseline).toBe(
          `name the member \`${to}\` instead of \`${from}\`, as the candidate does`,
        );
        expect(`${hint.baseline} ${hint.candidate}`).not.toMatch(
          /rename_all|json tags|alias_generator|case/,
        );
      }
      expect(hintFor(cause, { candidate: 'protobuf' }).candidate).toMatch(
        new RegExp(`json_name = "${from}"`),
      );
    });
  }

  for (const [from, to] of CASINGS) {
    it(`${from} → ${to} is a casing convention`, () => {
      const body = (key: string) => ({ id: 1, profile: { [key]: 'Ada' } });
      const { matches } = recognisePatterns(delta(body(from), body(to)));
      expect(matches.map((m) => m.name)).toEqual(['key-case']);
    });
  }

  // One-word keys follow several conventions: each side is named so the two differ least.
  for (const [before, after, named] of [
    [{ value: 'x' }, { Value: 'x' }, ['camelCase', 'PascalCase']],
    [{ status: 'x', kind: 'y' }, { Status: 'x', Kind: 'y' }, ['camelCase', 'PascalCase']],
    [{ total: 1 }, { TOTAL: 1 }, ['snake_case', 'SCREAMING_SNAKE_CASE']],
    [{ order_id: 1, note: 'n' }, { OrderId: 1, Note: 'n' }, ['snake_case', 'PascalCase']],
  ] as const) {
    it(`names ${Object.keys(before).join(', ')} → ${Object.keys(after).join(', ')} ${named.join(' vs ')}`, () => {
      const { matches } = recognisePatterns(delta(before, after));
      expect(matches.map((m) => [m.name, m.params])).toEqual([['key-case', named]]);
      expect(matches[0]?.title).toBe(`keys ${named[0]} vs ${named[1]}`);
    });
  }

  it('splits one object: the same words are the convention, the rest renames', () => {
    const { matches } = recognisePatterns(
      delta({ first_name: 'A', user_name: 'a' }, { firstName: 'A', username: 'a' }),
    );
    expect(matches.map((m) => [m.name, m.params])).toEqual([
      ['key-case', ['snake_case', 'camelCase']],
      ['key-rename', ['user_name', 'username']],
    ]);
  });
});

describe('a side of unknown runtime gets no idiom of a language', () => {
  const IDIOMS =
    /serde|encoding\/json|omitempty|`make\(|,string|Jackson|@Json|Pydantic|alias_generator|rename_all|json tags|JSON\.stringify|protojson|json_name|EmitUnpopulated/;
  const PARAMS: Record<string, string[]> = {
    'int-as-string': ['candidate-string'],
    'nil-slice': ['baseline-empty', 'absent'],
    'null-vs-absent': ['baseline-null'],
    'key-case': ['snake_case', 'camelCase'],
    'key-rename': ['userName', 'username'],
  };
  for (const field of ['orderId', 'display_name']) {
    it(`for every pattern at ${field}, the known side alone speaks its terms`, () => {
      for (const name of PATTERN_NAMES) {
        const cause = pattern(name, field, PARAMS[name] ?? []);
        const neither = hintFor(cause);
        expect(`${neither.baseline} ${neither.candidate}`, name).not.toMatch(IDIOMS);
        const half = hintFor(cause, { baseline: 'go' });
        expect(half.candidate, name).not.toMatch(IDIOMS);
      }
    });
  }
});
