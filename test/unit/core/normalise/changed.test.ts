import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  maskChangedValues,
  needsSecondLook,
  valueFormat,
} from '../../../../src/core/normalise/changed.js';
import { GENERATED_TOKEN } from '../../../../src/core/normalise/generated.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, status = 200): SideOutcome => ({
  outcome: 'response',
  response: { status, headers: {}, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;

function exchange(a: unknown, b: unknown, request: Partial<CaseRequest> = {}): Exchange {
  return { case: makeCase('c', { path: '/c', ...request }), baseline: side(a), candidate: side(b) };
}

/** The exchange with each side's second answer. */
function looked(ex: Exchange, again: { baseline?: unknown; candidate?: unknown }) {
  return maskChangedValues(ex, {
    first: { baseline: ex.baseline, candidate: ex.candidate },
    again: {
      ...(again.baseline === undefined ? {} : { baseline: side(again.baseline) }),
      ...(again.candidate === undefined ? {} : { candidate: side(again.candidate) }),
    },
  });
}

describe('formats', () => {
  it('tells integers from fractions, text shapes apart, and ids by their format', () => {
    expect(valueFormat(3)).toBe('integer');
    expect(valueFormat(3.5)).toBe('fraction');
    expect(valueFormat('req-3fa9c1x')).toBe(valueFormat('req-77b0e2d'));
    expect(valueFormat('1a2b')).not.toBe(valueFormat('4123'));
    expect(valueFormat(true)).toBe('boolean');
    expect(valueFormat({})).toBeUndefined();
  });
});

describe('a second look', () => {
  it('is worth it for a read whose answers differ in a value of one format', () => {
    expect(needsSecondLook(exchange({ up: 1.5 }, { up: 2.5 }))).toBe(true);
    expect(needsSecondLook(exchange({ up: 1.5 }, { up: 1.5 }))).toBe(false);
    // Another format: no second look can make it per-instance.
    expect(needsSecondLook(exchange({ n: 12 }, { n: '0xc' }))).toBe(false);
    // A write is never sent again.
    expect(needsSecondLook(exchange({ up: 1.5 }, { up: 2.5 }, { method: 'POST' }))).toBe(false);
    // A place the rules ignore makes no row.
    const ignored = exchange({ up: 1.5 }, { up: 2.5 });
    expect(
      needsSecondLook({
        ...ignored,
        case: { ...ignored.case, rules: { ...ignored.case.rules, ignore: ['/up'] } },
      }),
    ).toBe(false);
  });

  it('masks a value that changed on one side or both, with its evidence', () => {
    const ex = exchange(
      { up: 1.5, mem: 10, name: 'a', id: 'r-1x' },
      { up: 2.25, mem: 11, name: 'b', id: 'r-2y' },
    );
    const out = looked(ex, {
      baseline: { up: 1.75, mem: 10, name: 'a', id: 'r-9z' },
      candidate: { up: 2.5, mem: 11, name: 'b', id: 'r-2y' },
    });
    expect(body(out.baseline)).toEqual({
      up: GENERATED_TOKEN,
      mem: 10,
      name: 'a',
      id: GENERATED_TOKEN,
    });
    expect(body(out.candidate)).toEqual({
      up: GENERATED_TOKEN,
      mem: 11,
      name: 'b',
      id: GENERATED_TOKEN,
    });
    expect(out.generated).toEqual([
      '/up (changed between two requests to each side)',
      '/id (changed between two requests to the baseline)',
    ]);
  });

  it('takes no reordered list, no value of another format and no unchanged answer as evidence', () => {
    const list = exchange({ nodes: ['n1', 'n2'] }, { nodes: ['n2', 'n1'] });
    expect(
      looked(list, { baseline: { nodes: ['n2', 'n1'] }, candidate: { nodes: ['n1', 'n2'] } }),
    ).toBe(list);
    const format = exchange({ n: 12 }, { n: '0xc' });
    expect(looked(format, { baseline: { n: 13 }, candidate: { n: '0xd' } })).toBe(format);
    const same = exchange({ pid: 'p-1a' }, { pid: 'p-2b' });
    expect(looked(same, { baseline: { pid: 'p-1a' }, candidate: { pid: 'p-2b' } })).toBe(same);
  });

  it('drops a place it settles from the unsettled ones', () => {
    const ex = { ...exchange({ key: 'k_1a' }, { key: 'k_2b' }), unsettled: ['/key'] };
    const out = looked(ex, { baseline: { key: 'k_3c' } });
    expect(out.unsettled).toBeUndefined();
    expect(out.generated).toEqual(['/key (changed between two requests to the baseline)']);
  });
});

describe('a second look at tokens of one family and another length', () => {
  const hex = (n: number) =>
    `${'0123456789abcdef'.repeat(8).slice(0, n - 2)}a1`
      .split('')
      .sort(() => Math.random() - 0.5)
      .join('');
  const b64 = (n: number) =>
    Buffer.from(
      Array.from({ length: n }, (_, i) => (i * 37 + Math.floor(Math.random() * 200)) % 256),
    ).toString('base64url');
  for (const [name, field, make, short, long] of [
    ['a request id in hex', 'requestId', hex, 24, 40],
    ['a session token in base64url', 'session', b64, 33, 48],
  ] as const) {
    it(`${name}: each side's own length, changed between requests, is per-instance; another format is not`, () => {
      const [a1, a2, b1] = [make(short), make(short), make(long)];
      const ex = exchange({ [field]: a1 }, { [field]: b1 });
      expect(needsSecondLook(ex)).toBe(true);
      const out = looked(ex, { baseline: { [field]: a2 } });
      expect(body(out.candidate)).toEqual({ [field]: GENERATED_TOKEN });
      // Decimal against hex: another format, never worth a second look.
      expect(
        needsSecondLook(exchange({ [field]: '4123412341234123' }, { [field]: make(long) })),
      ).toBe(false);
    });
  }
});

describe('a second look at 32 hex digits drawn at random, and what sits beside them', () => {
  // 32 hex digits carry a UUID's version and variant digits one time in eight by chance.
  const CHANCE_UUID = '85fb71bf700c4726bfef77535820e371';
  const PLAIN_HEX = '2c9e5d0a17f3e88103ad6b4f90e2c7d5';
  const AGAIN = '7d0c1e9a4b2f3c5d6e7f8091a2b3c4d5';
  const FIXTURES = [
    {
      name: 'a document store’s root (uuid, version)',
      a: { couchdb: 'Welcome', uuid: CHANCE_UUID, version: '2.3.7', vendor: { name: 'x' } },
      b: { couchdb: 'Welcome', uuid: PLAIN_HEX, version: '4.2.0', vendor: { name: 'x' } },
      id: '/uuid',
      beside: ['/version'],
    },
    {
      name: 'a node’s status (node.instance, node.build)',
      a: { node: { instance: PLAIN_HEX, build: '40f0c2b07', name: 'n' }, ok: true },
      b: { node: { instance: CHANCE_UUID, build: '1e6d7a9c3', name: 'n' }, ok: true },
      id: '/node/instance',
      beside: ['/node/build'],
    },
  ];
  const at = (value: unknown, pointer: string): unknown =>
    pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
  const put = (value: unknown, pointer: string, leaf: unknown): unknown => {
    const copy = structuredClone(value) as Record<string, unknown>;
    const keys = pointer.split('/').slice(1);
    const last = keys.pop() as string;
    const parent = keys.reduce<Record<string, unknown>>(
      (v, k) => v[k] as Record<string, unknown>,
      copy,
    );
    parent[last] = leaf;
    return copy;
  };
  for (const f of FIXTURES) {
    it(`${f.name}: a UUID on one side and plain hex on the other is worth a second look, and what changed is per-instance with the versions beside it`, () => {
      const ex = { ...exchange(f.a, f.b), unsettled: [f.id, ...f.beside] };
      expect(needsSecondLook(ex)).toBe(true);
      const out = looked(ex, { baseline: put(f.a, f.id, AGAIN) });
      expect(at(body(out.baseline), f.id)).toBe(GENERATED_TOKEN);
      for (const place of f.beside) {
        expect(at(body(out.baseline), place)).toBe(GENERATED_TOKEN);
        expect(at(body(out.candidate), place)).toBe(GENERATED_TOKEN);
      }
      expect(out.generated).toEqual([
        `${f.id} (changed between two requests to the baseline)`,
        ...f.beside.map((place) => `${place} (beside the side's own id)`),
      ]);
      expect(out.unsettled).toBeUndefined();
    });
    it(`${f.name}: a value beside it that is not unsettled, or beside a number that changed, keeps its row`, () => {
      // Not unsettled: the generated pass had evidence against it (in a request, a digest).
      const kept = looked(
        { ...exchange(f.a, f.b), unsettled: [f.id] },
        {
          baseline: put(f.a, f.id, AGAIN),
        },
      );
      for (const place of f.beside)
        expect(at(body(kept.baseline), place)).not.toBe(GENERATED_TOKEN);
      expect(kept.generated).toEqual([`${f.id} (changed between two requests to the baseline)`]);
      // Beside an uptime that changed: no id, no evidence for the version.
      const counted = put(put(f.a, f.id, 5), f.beside[0] as string, at(f.a, f.beside[0] as string));
      const other = put(put(f.b, f.id, 9), f.beside[0] as string, at(f.b, f.beside[0] as string));
      const up = looked(
        { ...exchange(counted, other), unsettled: f.beside },
        {
          baseline: put(counted, f.id, 6),
        },
      );
      expect(up.unsettled).toEqual(f.beside);
    });
  }
});
