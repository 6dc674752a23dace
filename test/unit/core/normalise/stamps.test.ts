import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  maskRunStamps,
  STAMPED_TOKEN,
  stampedFormatOf,
} from '../../../../src/core/normalise/stamps.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonSide } from '../../../helpers/json-side.js';

const side = jsonSide;
const exchange = (a: unknown, b: unknown): Exchange => ({
  case: makeCase('c', { path: '/c' }),
  baseline: side(a),
  candidate: side(b),
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;

const now = Date.parse('2026-11-24T13:51:51.000Z');
const window = { from: now - 60_000, to: now + 60_000 };

describe('timestamps stamped within the run', () => {
  it('are compared by format when both sides stamped one at the same place inside the window', () => {
    const out = maskRunStamps(
      exchange(
        {
          created: '2026-11-24T13:51:51.006Z',
          http: 'Tue, 24 Nov 2026 13:51:51 GMT',
          ms: now + 5,
          fraction: (now + 5) / 1000 + 0.0004,
          list: [{ at: '2026-11-24 13:51:52' }],
        },
        {
          created: '2026-11-24T13:51:51.154Z',
          http: 'Tue, 24 Nov 2026 13:51:53 GMT',
          ms: now + 90,
          fraction: (now + 90) / 1000 + 0.0004,
          list: [{ at: '2026-11-24 13:51:53' }],
        },
      ),
      window,
    );
    expect(body(out.baseline)).toEqual(body(out.candidate));
    expect(body(out.candidate)).toEqual({
      created: STAMPED_TOKEN,
      http: STAMPED_TOKEN,
      ms: STAMPED_TOKEN,
      fraction: STAMPED_TOKEN,
      list: [{ at: STAMPED_TOKEN }],
    });
    expect(out.stamped).toEqual(['/created', '/http', '/ms', '/fraction', '/list/0/at']);
  });

  it('still differ outside the window, in a format no timestamp has, or one-sided', () => {
    const a = {
      whole: Math.floor(now / 1000),
      old: '2020-01-01T00:00:00Z',
      kind: '2026-11-24T13:51:51Z',
      onlyHere: '2026-11-24T13:51:51Z',
    };
    const b = {
      whole: now / 1000 + 0.004,
      old: '2020-01-02T00:00:00Z',
      kind: 'yesterday',
    };
    const plain = exchange(a, b);
    expect(maskRunStamps(plain, window)).toBe(plain);
  });

  it.each([
    ['first names', { precise: 'created', zoned: 'updated', unit: 'seen', list: 'events' }],
    ['other names', { precise: 'Timestamp', zoned: 'lastModified', unit: 'at', list: 'rows' }],
  ])(
    '%s: two formats each side stamped are compared as their formats, never as their instants',
    (_, names) => {
      const out = maskRunStamps(
        exchange(
          {
            [names.precise]: '2026-11-24T13:51:51.006Z',
            [names.zoned]: '2026-11-24T13:51:51Z',
            [names.unit]: Math.floor(now / 1000),
            [names.list]: [{ [names.precise]: '2026-11-24T13:51:52.930Z' }],
          },
          {
            [names.precise]: '2026-11-24T13:51:51.1543217Z',
            [names.zoned]: '2026-11-24T13:51:52+00:00',
            [names.unit]: now + 90,
            [names.list]: [{ [names.precise]: '2026-11-24T13:51:52.9175945Z' }],
          },
        ),
        window,
      );
      expect(body(out.baseline)).toEqual({
        [names.precise]: '{{stamped YYYY-MM-DDThh:mm:ss.fffZ}}',
        [names.zoned]: '{{stamped YYYY-MM-DDThh:mm:ssZ}}',
        [names.unit]: '{{stamped epoch seconds}}',
        [names.list]: [{ [names.precise]: '{{stamped YYYY-MM-DDThh:mm:ss.fffZ}}' }],
      });
      expect(body(out.candidate)).toEqual({
        [names.precise]: '{{stamped YYYY-MM-DDThh:mm:ss.fffffffZ}}',
        [names.zoned]: '{{stamped YYYY-MM-DDThh:mm:ss±hh:mm}}',
        [names.unit]: '{{stamped epoch milliseconds}}',
        [names.list]: [{ [names.precise]: '{{stamped YYYY-MM-DDThh:mm:ss.fffffffZ}}' }],
      });
      expect(out.stamped).toEqual([
        `/${names.precise}`,
        `/${names.zoned}`,
        `/${names.unit}`,
        `/${names.list}/0/${names.precise}`,
      ]);
      // Each placeholder reads back as its format.
      expect(stampedFormatOf('{{stamped YYYY-MM-DDThh:mm:ss.fffffffZ}}')).toEqual({
        kind: 'rfc3339',
        fractionDigits: 7,
        zone: 'Z',
      });
      expect(stampedFormatOf(STAMPED_TOKEN)).toBeUndefined();
    },
  );

  it.each([
    ['first names', 'value', 'Timestamp', '.1543217Z', 'YYYY-MM-DDThh:mm:ss.fffffffZ'],
    ['other names', 'items', 'updated', '.154Z', undefined],
  ])(
    "%s: a list's stamps are masked on both sides, whichever elements the comparison pairs",
    (_, list, at, candidate, picture) => {
      // The candidate answers one record of three (the baseline's last): a walk by index pairs
      // only the first elements; the comparison pairs the record with its own.
      const stamp = (ms: number, tail = 'Z') => new Date(now + ms).toISOString().replace('Z', tail);
      const out = maskRunStamps(
        exchange(
          {
            [list]: [
              { n: 'a', [at]: stamp(1) },
              { n: 'b', [at]: stamp(2) },
              { n: 'c', [at]: stamp(3) },
            ],
          },
          { [list]: [{ n: 'c', [at]: stamp(4).replace(/\.\d+Z$/, candidate) }] },
        ),
        window,
      );
      const baselineToken =
        picture === undefined ? STAMPED_TOKEN : '{{stamped YYYY-MM-DDThh:mm:ss.fffZ}}';
      const candidateToken = picture === undefined ? STAMPED_TOKEN : `{{stamped ${picture}}}`;
      expect(body(out.baseline)).toEqual({
        [list]: ['a', 'b', 'c'].map((n) => ({ n, [at]: baselineToken })),
      });
      expect(body(out.candidate)).toEqual({ [list]: [{ n: 'c', [at]: candidateToken }] });
      expect(out.stamped).toEqual([`/${list}/0/${at}`, `/${list}/1/${at}`, `/${list}/2/${at}`]);
    },
  );

  it('masks a replica alike: its own stamp in the baseline format takes the baseline placeholder', () => {
    const out = maskRunStamps(
      {
        ...exchange(
          { Timestamp: '2026-11-24T13:51:51.006Z' },
          { Timestamp: '2026-11-24T13:51:51.1543217Z' },
        ),
        replica: side({ Timestamp: '2026-11-24T13:51:51.050Z' }),
      },
      window,
    );
    expect(out.replica === undefined ? undefined : body(out.replica)).toEqual(body(out.baseline));
  });
});

describe('times derived from each side clock, and stamps in headers', () => {
  const withHeaders = (headers: Record<string, string>, value: unknown = {}): SideOutcome => ({
    outcome: 'response',
    response: { status: 200, headers, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
  });
  const headersOf = (s: SideOutcome) => (s.outcome === 'response' ? s.response.headers : {});
  const seconds = (ms: number) => String(Math.floor(ms / 1000));

  it('masks a compared header both sides stamped: a rate-limit reset of each side clock plus one window', () => {
    const base = makeCase('c', { path: '/c' });
    const out = maskRunStamps(
      {
        case: { ...base, rules: { ...base.rules, headers: ['X-RateLimit-Reset', 'etag'] } },
        baseline: withHeaders({
          'x-ratelimit-reset': seconds(now + 900_000),
          etag: '"a"',
          date: 'Tue, 24 Nov 2026 13:51:51 GMT',
        }),
        candidate: withHeaders({
          'x-ratelimit-reset': seconds(now + 901_000),
          etag: '"b"',
          date: 'Tue, 24 Nov 2026 13:51:52 GMT',
        }),
      },
      window,
    );
    expect(headersOf(out.baseline)['x-ratelimit-reset']).toBe(STAMPED_TOKEN);
    expect(headersOf(out.candidate)['x-ratelimit-reset']).toBe(STAMPED_TOKEN);
    expect(headersOf(out.candidate).etag).toBe('"b"');
    // Not compared: neither masked nor listed (two clocks a second boundary apart).
    expect(headersOf(out.candidate).date).toBe('Tue, 24 Nov 2026 13:51:52 GMT');
    expect(out.stamped).toEqual(['header x-ratelimit-reset']);
  });

  it('masks expiries one offset ahead in bodies, but not two offsets, past times or far futures', () => {
    const out = maskRunStamps(
      exchange(
        {
          expires: new Date(now + 3_600_000).toISOString(),
          longer: new Date(now + 3_600_000).toISOString(),
          before: new Date(now - 86_400_000).toISOString(),
          far: '2030-01-01T00:00:00.000Z',
        },
        {
          expires: new Date(now + 3_600_500).toISOString(),
          longer: new Date(now + 86_400_000).toISOString(),
          before: new Date(now - 86_400_500).toISOString(),
          far: '2030-01-01T00:00:05.000Z',
        },
      ),
      window,
    );
    expect(out.stamped).toEqual(['/expires']);
  });
});
