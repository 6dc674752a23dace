import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { memberWord } from '../../../../src/core/compare/patterns/sent-vs-drawn.js';
import {
  drawnIdClass,
  maskSentSubstitutions,
  SENT_TOKEN,
} from '../../../../src/core/normalise/sent-substitutions.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonOf, jsonSide } from '../../../helpers/json-side.js';

const side = jsonSide;
const body = (s: SideOutcome | undefined) => (s === undefined ? undefined : jsonOf(s));

function exchange(
  a: unknown,
  b: unknown,
  request: Partial<CaseRequest> = {},
  replica?: SideOutcome,
): Exchange {
  return {
    case: makeCase('c', { path: '/c', method: 'POST', ...request }),
    baseline: side(a),
    candidate: side(b),
    ...(replica === undefined ? {} : { replica }),
  };
}

const U1 = '3f2b8c1e-9d4a-4e6b-8c2d-1a0b9c8d7e6f';
const U2 = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SENT = { body: { kind: 'json', value: { user: { login: 'ada@example.com' } } } } as const;
const ID = '{{id drawn as uuid}}';

describe('a value the request sent against a drawn id', () => {
  it('compares the pair as both, on either side, the replica alike', () => {
    const out = maskSentSubstitutions(
      exchange(
        { login: 'ada@example.com', n: 1 },
        { login: U1, n: 1 },
        SENT,
        side({ login: 'ada@example.com', n: 1 }),
      ),
    );
    expect(body(out.baseline)).toEqual({ login: SENT_TOKEN, n: 1 });
    expect(body(out.candidate)).toEqual({ login: ID, n: 1 });
    expect(body(out.replica)).toEqual({ login: SENT_TOKEN, n: 1 });
    const back = maskSentSubstitutions(
      exchange({ a: { login: U1 } }, { a: { login: 'ada@example.com' } }, SENT),
    );
    expect(body(back.baseline)).toEqual({ a: { login: ID } });
    expect(body(back.candidate)).toEqual({ a: { login: SENT_TOKEN } });
  });

  it("reads what the flow's earlier steps, the query and the path sent, never a variable", () => {
    const earlier = makeCase('e', { path: '/signup', method: 'POST', ...SENT });
    const step = {
      ...makeCase('c', { path: '/me' }),
      flow: {
        id: 't/f',
        step: 'c',
        index: 1,
        steps: 2,
        captures: [],
        uses: [],
        skip: undefined,
        secrets: new Set<string>(),
        before: [{ step: 'e', request: earlier.request, captures: [] }],
      },
    };
    const flowed = maskSentSubstitutions({
      case: step,
      baseline: side({ login: 'ada@example.com' }),
      candidate: side({ login: U1 }),
    });
    expect(body(flowed.baseline)).toEqual({ login: SENT_TOKEN });
    const query = maskSentSubstitutions(
      exchange({ q: 'bob' }, { q: U1 }, { query: [['who', 'bob']] }),
    );
    expect(body(query.baseline)).toEqual({ q: SENT_TOKEN });
    const path = maskSentSubstitutions(exchange({ q: 'bob' }, { q: U1 }, { path: '/users/bob' }));
    expect(body(path.baseline)).toEqual({ q: SENT_TOKEN });
    const form = {
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: { kind: 'text', text: 'login=bob&x=1' },
    } as const;
    const formed = maskSentSubstitutions(exchange({ q: 'bob' }, { q: U1 }, form));
    expect(body(formed.baseline)).toEqual({ q: SENT_TOKEN });
    const text = { body: { kind: 'text', text: 'login=bob' } } as const;
    const plain = maskSentSubstitutions(exchange({ q: 'bob' }, { q: U1 }, text));
    expect(body(plain.baseline)).toEqual({ q: 'bob' });
    const variable = { body: { kind: 'json', value: { login: '{{who}}' } } } as const;
    const none = maskSentSubstitutions(exchange({ login: '{{who}}' }, { login: U1 }, variable));
    expect(body(none.baseline)).toEqual({ login: '{{who}}' });
  });

  it('keeps data, two values sent, a value that is no drawn id, and elements another order pairs', () => {
    const cases: [unknown, unknown][] = [
      // Neither sent: data.
      [{ login: 'eve@example.com' }, { login: U1 }],
      // Both sent.
      [{ login: 'ada@example.com' }, { login: 'bob' }],
      // The other value is a word, digits (a sequence), or short hex digits.
      [{ login: 'ada@example.com' }, { login: 'ada-1' }],
      [{ login: 'ada@example.com' }, { login: '1234567890123456' }],
      [{ login: 'ada@example.com' }, { login: 'deadbeef01' }],
      // A list of name/value records in another order: its elements by index are two records.
      [
        {
          attributes: [
            { name: 'sub', value: U2 },
            { name: 'email', value: 'ada@example.com' },
          ],
        },
        {
          attributes: [
            { name: 'email', value: 'ada@example.com' },
            { name: 'sub', value: U1 },
          ],
        },
      ],
    ];
    const sent = {
      body: { kind: 'json', value: { login: 'ada@example.com', other: 'bob' } },
    } as const;
    for (const [a, b] of cases) {
      const out = maskSentSubstitutions(exchange(a, b, sent));
      expect(body(out.baseline), JSON.stringify(a)).toEqual(a);
      expect(body(out.candidate), JSON.stringify(b)).toEqual(b);
    }
    // One record of a list, paired by index, its other members alike: compared as both.
    const listed = maskSentSubstitutions(
      exchange(
        { users: [{ login: 'ada@example.com', on: 'yes' }] },
        { users: [{ login: U1, on: 'yes' }] },
        sent,
      ),
    );
    expect(body(listed.candidate)).toEqual({ users: [{ login: ID, on: 'yes' }] });
  });

  it('reads drawn ids by their class, and members by their name as one word', () => {
    expect(drawnIdClass(U1)).toBe('uuid');
    expect(drawnIdClass('6e1295ed6c29495e84cc05947f18c8af')).toBe('hex');
    expect(drawnIdClass('f3vcmowku8v5dwijs4ahm2bfx')).toBe('token');
    expect(drawnIdClass('f3vcmowku8v5')).toBeUndefined();
    expect(drawnIdClass('12345678901234567890')).toBeUndefined();
    expect(memberWord('cognito:username')).toBe('username');
    expect(memberWord('Username')).toBe('username');
    expect(memberWord('user_name')).toBe('username');
    expect(memberWord('owner')).toBe('owner');
  });
});
