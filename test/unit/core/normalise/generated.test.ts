import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import {
  digestOfContent,
  GENERATED_TOKEN,
  generatedFormat,
  idFormat,
  maskGeneratedValues,
  opaqueFormat,
  wrote,
} from '../../../../src/core/normalise/generated.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, status = 200): SideOutcome => ({
  outcome: 'response',
  response: { status, headers: {}, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome | undefined) =>
  s?.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;

function exchange(
  a: unknown,
  b: unknown,
  request: Partial<CaseRequest> = {},
  more: { status?: number; replica?: SideOutcome } = {},
): Exchange {
  return {
    case: makeCase('c', { path: '/c', ...request }),
    baseline: side(a, more.status),
    candidate: side(b, more.status),
    ...(more.replica === undefined ? {} : { replica: more.replica }),
  };
}

const U1 = '3f2b8c1e-9d4a-4e6b-8c2d-1a0b9c8d7e6f';
const U2 = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const H1 = '6e1295ed6c29495e84cc05947f18c8af';
const H2 = '0b14ad7f1c9e4e2d8a3f5b6c7d8e9f01';
const R1 = '1-967a00dff5e02add41819138abb3284d';
const R2 = '1-7051cbe5c8faecd085a3fa619e6e6337';

describe('formats', () => {
  it('names the generated formats and the id-like ones', () => {
    expect(generatedFormat(U1)).toBe('uuid');
    expect(generatedFormat(H1)).toBe('uuid');
    expect(generatedFormat(R1)).toBe('revision 1-hex32');
    expect(generatedFormat('2-abc')).toBeUndefined();
    // 32 hex digits without a UUID's version and variant digits: an MD5, not a dashless UUID.
    expect(generatedFormat('6e1295ed6c29495e54cc05947f18c8af')).toBeUndefined();
    expect(idFormat('6e1295ed6c29495e54cc05947f18c8af')).toBe('hex32');
    expect(generatedFormat('blue')).toBeUndefined();
    expect(idFormat('40f0c2b07')).toBe('hex9');
    expect(idFormat('3.3.3')).toBe('version');
    expect(idFormat('ord_8f3k2j1x')).toBe('token a_9a9a9a9a');
    expect(idFormat('1001')).toBeUndefined();
    expect(idFormat('a sentence 1')).toBeUndefined();
  });
});

describe('values each side generated for itself', () => {
  for (const [name, x, y] of [
    ['uuid', U1, U2],
    ['hex uuid', H1, H2],
  ] as const) {
    it(`compares a ${name} in no request by its format, the replica alike`, () => {
      const out = maskGeneratedValues(
        exchange({ id: x, n: 1 }, { id: y, n: 1 }, {}, { replica: side({ id: y, n: 1 }) }),
      );
      expect(body(out.baseline)).toEqual({ id: GENERATED_TOKEN, n: 1 });
      expect(body(out.candidate)).toEqual({ id: GENERATED_TOKEN, n: 1 });
      expect(body(out.replica)).toEqual({ id: GENERATED_TOKEN, n: 1 });
      expect(out.generated).toEqual(['/id (uuid on both sides, in no request)']);
    });
  }

  it('keeps a value the request named, another format, another counter, and a member added', () => {
    const named = maskGeneratedValues(exchange({ id: U1 }, { id: U2 }, { path: `/c/${U1}` }));
    expect(named.generated).toBeUndefined();
    const hexVsDecimal = maskGeneratedValues(exchange({ seq: '4123' }, { seq: '1a2b' }));
    expect(hexVsDecimal).toEqual(exchange({ seq: '4123' }, { seq: '1a2b' }));
    const counters = maskGeneratedValues(exchange({ rev: R1 }, { rev: `2${R2.slice(1)}` }));
    expect(counters.generated).toBeUndefined();
    const added = maskGeneratedValues(exchange({ rev: R1 }, { rev: R2, extra: U2 }));
    expect(body(added.candidate)).toEqual({ rev: GENERATED_TOKEN, extra: U2 });
  });

  it('takes an id-like value first seen in the answer to an accepted write', () => {
    const write = { method: 'POST' as const, body: { kind: 'json' as const, value: { t: 1 } } };
    const created = maskGeneratedValues(
      exchange({ key: 'ord_8f3k2j1x' }, { key: 'ord_1a2b3c4d' }, write, { status: 201 }),
    );
    expect(created.generated).toEqual(['/key (first seen in the answer to a write)']);
    // Refused, or a read: no evidence; listed as unsettled, still compared.
    const refused = maskGeneratedValues(
      exchange({ key: 'ord_8f3k2j1x' }, { key: 'ord_1a2b3c4d' }, write, { status: 409 }),
    );
    expect(refused.generated).toBeUndefined();
    expect(refused.unsettled).toEqual(['/key']);
    const read = maskGeneratedValues(exchange({ key: 'ord_8f3k2j1x' }, { key: 'ord_1a2b3c4d' }));
    expect(body(read.baseline)).toEqual({ key: 'ord_8f3k2j1x' });
    expect(read.unsettled).toEqual(['/key']);
  });

  it("takes a build hash and version beside the side's own id, in any order", () => {
    const out = maskGeneratedValues(
      exchange(
        { version: '2.3.1', sha: '40f0c2b07', uuid: H1, motd: 'hi 1' },
        { version: '3.3.3', sha: '1e6d7a9c3', uuid: H2, motd: 'hi 2' },
      ),
    );
    expect(out.generated).toEqual([
      '/uuid (uuid on both sides, in no request)',
      "/version (beside the side's own id)",
      "/sha (beside the side's own id)",
    ]);
    // A word with a digit is no id: it stays as it was.
    expect(body(out.candidate)).toMatchObject({ motd: 'hi 2' });
    // Without the id beside them, a hash and a version are unsettled.
    const alone = maskGeneratedValues(
      exchange({ version: '2.3.1', sha: '40f0c2b07' }, { version: '3.3.3', sha: '1e6d7a9c3' }),
    );
    expect(alone.generated).toBeUndefined();
    expect(alone.unsettled).toEqual(['/version', '/sha']);
  });

  it('keeps the digest of content the exchange holds, even one shaped like a dashless UUID', () => {
    // md5('chapter 2') and md5('chapter 13') have a UUID's version and variant digits.
    const D2 = 'd899b3fdaa01517990d14ca593123a96';
    const D13 = 'f358a5d310658b3bb734113e73ce9d2b';
    expect(generatedFormat(D2)).toBe('uuid');
    const read = maskGeneratedValues(
      exchange({ text: 'chapter 2', md5: D2 }, { text: 'chapter 13', md5: D13 }),
    );
    expect(read.generated).toBeUndefined();
    expect(body(read.candidate)).toEqual({ text: 'chapter 13', md5: D13 });
    // The digest of a write's body, answered by the write: data too.
    const write = (text: string) => ({
      method: 'PUT' as const,
      body: { kind: 'text' as const, text },
    });
    const upload = maskGeneratedValues({
      case: makeCase('c', { path: '/c', ...write('chapter 2') }),
      baseline: side({ etag: D2 }, 201),
      candidate: side({ etag: D13 }, 201),
      flow: {
        requests: {
          baseline: { ...makeCase('c', { path: '/c', ...write('chapter 2') }).request },
          candidate: { ...makeCase('c', { path: '/c', ...write('chapter 13') }).request },
        },
        variables: { baseline: new Map(), candidate: new Map() },
        problems: [],
      },
    });
    expect(upload.generated).toBeUndefined();
    // A drawn value of the same shape, of no content there: generated.
    const drawn = maskGeneratedValues(exchange({ text: 'x', id: D2 }, { text: 'x', id: D13 }));
    expect(drawn.generated).toEqual(['/id (uuid on both sides, in no request)']);
  });

  it('returns an exchange whose bodies agree as it is', () => {
    const same = exchange({ id: U1, list: [1, 2] }, { id: U1, list: [1, 2] });
    expect(maskGeneratedValues(same)).toBe(same);
  });
});

/**
 * A random opaque token: base64 of drawn bytes, as an iterator or a paging
 * token is. Never one that reads as a revision (`1-…`: base64url draws a
 * digit then `-` about one time in 400), which is another format by design.
 */
function drawn(bytes: number, url = false): string {
  const token = randomBytes(bytes).toString(url ? 'base64url' : 'base64');
  return /^\d+-/.test(token) ? drawn(bytes, url) : token;
}
/** A decimal of `n` digits, not starting with 0. */
const digits = (n: number) =>
  `${1 + Math.floor(Math.random() * 9)}${Array.from({ length: n - 1 }, () => Math.floor(Math.random() * 10)).join('')}`;

describe('sequence numbers and opaque tokens', () => {
  it('names their formats: a long decimal by its length, an opaque token by its length', () => {
    expect(idFormat('49680607639888835662564635681774292322073748809749364738')).toBe('digits56');
    // A 64-bit integer written as text is a number, not an id.
    expect(idFormat('18446744073709551615')).toBeUndefined();
    expect(idFormat(digits(21))).toBe('digits21');
    const token = `AAAAAAAAAAH${drawn(144)}`;
    expect(idFormat(token)).toBe(`opaque${token.length}`);
    expect(opaqueFormat(drawn(48, true))).toBe('opaque64');
    // Base64 of a record or of JSON decodes to text: content, not a token.
    const record = Buffer.from(JSON.stringify({ order: 12, customer: 'Ada Lovelace' })).toString(
      'base64',
    );
    expect(opaqueFormat(record)).toBeUndefined();
    // A long word in camel case, hex, both base64 alphabets at once: no token.
    expect(opaqueFormat('ThisIsAVeryLongIdentifierNameOfWords')).toBeUndefined();
    expect(opaqueFormat('0b14ad7f1c9e4e2d8a3f5b6c7d8e9f010b14ad7f')).toBeUndefined();
    expect(opaqueFormat(`${drawn(30)}+-_/x`)).toBeUndefined();
    // Longer than any token: content.
    expect(opaqueFormat(drawn(4000))).toBeUndefined();
  });

  const post = (target: string, value: unknown) => ({
    method: 'POST' as const,
    headers: [['x-amz-target', target]] as [string, string][],
    body: { kind: 'json' as const, value },
  });

  for (const [name, seq, next, added] of [
    ['stream records', 'SequenceNumber', 'NextShardIterator', 'EncryptionType'],
    ['a ledger', 'entryOffset', 'continuation', 'region'],
  ] as const) {
    it(`${name}: an accepted POST's sequence number and token are per-instance, an added member is not`, () => {
      const [s1, s2, t1, t2] = [digits(56), digits(56), drawn(150), drawn(150)];
      const out = maskGeneratedValues(
        exchange(
          { [seq]: s1, [next]: t1, items: [{ [seq]: s1 }] },
          { [seq]: s2, [next]: t2, items: [{ [seq]: s2 }], [added]: 'NONE' },
          post('Api.Read', { name: 'orders', limit: 10 }),
        ),
      );
      expect(out.generated).toEqual([
        `/${seq} (first seen in the answer to a write)`,
        `/${next} (first seen in the answer to a write)`,
        `/items/0/${seq} (first seen in the answer to a write)`,
      ]);
      expect(body(out.candidate)).toEqual({
        [seq]: GENERATED_TOKEN,
        [next]: GENERATED_TOKEN,
        items: [{ [seq]: GENERATED_TOKEN }],
        [added]: 'NONE',
      });
      // The token the request sends back is data where the answer echoes it.
      const echoed = maskGeneratedValues(
        exchange({ [next]: t1 }, { [next]: t2 }, post('Api.Read', { [next]: t1 })),
      );
      expect(echoed.generated).toBeUndefined();
      // On a read (a GET), no evidence yet: unsettled, still compared.
      const read = maskGeneratedValues(exchange({ [seq]: s1 }, { [seq]: s2 }));
      expect(read.generated).toBeUndefined();
      expect(read.unsettled).toEqual([`/${seq}`]);
    });

    it(`${name}: a value of another format stays a divergence`, () => {
      const hex = randomBytes(28).toString('hex').slice(0, 55);
      const cases: [unknown, unknown][] = [
        // Decimal against hex (with a letter), of one length.
        [digits(56), `${hex}f`],
        // Another length: another scheme.
        [digits(56), digits(40)],
        // An opaque token against base64 of readable text.
        [drawn(150), Buffer.from('x'.repeat(150)).toString('base64')],
        // A number against a long decimal written as text.
        [12, digits(56)],
      ];
      for (const [x, y] of cases) {
        const out = maskGeneratedValues(
          exchange({ [seq]: x }, { [seq]: y }, post('Api.Write', { n: 1 })),
        );
        expect(out.generated, `${String(x)} vs ${String(y)}`).toBeUndefined();
        expect(body(out.candidate)).toEqual({ [seq]: y });
      }
    });
  }

  it('keeps the SHA-256 of the request body in base64: a digest of content is data', () => {
    const sent = 'a record of some length';
    const sha = (t: string) => createHash('sha256').update(t).digest('base64');
    const out = maskGeneratedValues({
      case: makeCase('c', { path: '/c', method: 'PUT', body: { kind: 'text', text: sent } }),
      baseline: side({ checksum: sha(sent) }, 201),
      candidate: side({ checksum: sha(`${sent}\n`) }, 201),
    });
    expect(out.generated).toBeUndefined();
    expect(digestOfContent(sha(sent), [sent])).toBe(true);
    expect(digestOfContent(sha(sent).replace(/=+$/, ''), [sent])).toBe(true);
  });
});

describe('a POST that only reads is no write', () => {
  const headers = (location?: string): Record<string, string> =>
    location === undefined ? {} : { location };
  const answer = (value: unknown, status: number, location?: string): SideOutcome => ({
    outcome: 'response',
    response: {
      status,
      headers: headers(location),
      body: { kind: 'json', value },
      wireBytes: 1,
      durationMs: 1,
    },
  });
  const posted = (
    path: string,
    a: unknown,
    b: unknown,
    status: number,
    options: { location?: boolean; rpc?: boolean } = {},
  ) =>
    maskGeneratedValues(
      {
        case: makeCase('c', {
          path,
          method: 'POST',
          body: { kind: 'json', value: { q: 'x' } },
        }),
        baseline: answer(a, status, options.location === true ? `${path}/1` : undefined),
        candidate: answer(b, status, options.location === true ? `${path}/2` : undefined),
      },
      options.rpc === undefined ? {} : { rpc: options.rpc },
    );

  for (const [name, path, field] of [
    ['a search', '/orders/_search', 'sku'],
    ['a bulk get', '/ledger/_bulk_get', 'entryRef'],
  ] as const) {
    it(`${name}: a 200 answer's id-like values are not first seen in a write; 201, 202, a Location or an RPC path say it made them`, () => {
      const [x, y] = ['ord_8f3k2j1x', 'ord_1a2b3c4d'];
      // Read: what it answers is stored data, still compared, listed as unsettled.
      const read = posted(path, { hits: [{ [field]: x }] }, { hits: [{ [field]: y }] }, 200, {
        rpc: false,
      });
      expect(read.generated).toBeUndefined();
      expect(read.unsettled).toEqual([`/hits/0/${field}`]);
      for (const [status, options] of [
        [201, { rpc: false }],
        [202, { rpc: false }],
        [200, { rpc: false, location: true }],
        [200, { rpc: true }],
      ] as const) {
        const made = posted(path, { [field]: x }, { [field]: y }, status, options);
        expect(made.generated, `${status} ${JSON.stringify(options)}`).toEqual([
          `/${field} (first seen in the answer to a write)`,
        ]);
      }
      // Only one side says it made something: no evidence.
      const one = maskGeneratedValues(
        {
          case: makeCase('c', { path, method: 'POST' }),
          baseline: answer({ [field]: x }, 201),
          candidate: answer({ [field]: y }, 200),
        },
        { rpc: false },
      );
      expect(one.generated).toBeUndefined();
    });
  }

  for (const [name, path, field, member] of [
    ['a note', '/notes', 'noteId', 'text'],
    ['an order', '/orders', 'orderRef', 'customer'],
  ] as const) {
    it(`${name}: a POST answered 200 with the record it sent, beside values it gave it, made them`, () => {
      const [x, y] = ['n_8f3k2j1x', 'n_1a2b3c4d'];
      const create = (sent: unknown, a: unknown, b: unknown) =>
        maskGeneratedValues(
          {
            case: makeCase('c', { path, method: 'POST', body: { kind: 'json', value: sent } }),
            baseline: answer(a, 200),
            candidate: answer(b, 200),
          },
          { rpc: false },
        );
      const made = create(
        { [member]: 'first draft', draft: true },
        { [member]: 'first draft', draft: true, [field]: x },
        { [member]: 'first draft', draft: true, [field]: y },
      );
      expect(made.generated).toEqual([`/${field} (beside the record its POST sent: made there)`]);
      // The answer holds not the record sent (a query's answer): no evidence.
      const query = create(
        { [member]: 'first draft' },
        { hits: [{ [field]: x }], total: 1 },
        { hits: [{ [field]: y }], total: 1 },
      );
      expect(query.generated).toBeUndefined();
      // One member of the record answered otherwise: no evidence either.
      const other = create(
        { [member]: 'first draft', draft: true },
        { [member]: 'first draft', draft: false, [field]: x },
        { [member]: 'first draft', draft: false, [field]: y },
      );
      expect(other.generated).toBeUndefined();
      expect(other.unsettled).toEqual([`/${field}`]);
    });
  }

  it('a PUT, PATCH or DELETE both sides accepted is a write whatever it answers', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect(wrote(method, side({}, 200), side({}, 204), false)).toBe(true);
    }
    expect(wrote('POST', side({}, 200), side({}, 200), false)).toBe(false);
    expect(wrote('GET', side({}, 201), side({}, 201), true)).toBe(false);
  });
});

describe('a generated token of another length, and drawn hex of a length no digest has', () => {
  const write = (path: string) => ({
    path,
    method: 'POST' as const,
    body: { kind: 'json' as const, value: { n: 1 } },
  });
  const hexOf = (n: number) =>
    `${randomBytes(n)
      .toString('hex')
      .slice(0, n - 1)}f`;

  for (const [name, path, field] of [
    ['object ids', '/things', 'objectId'],
    ['paging cursors', '/pages', 'nextCursor'],
  ] as const) {
    it(`${name}: hex or base64url of another length is per-instance on a write's evidence, unsettled on a read`, () => {
      for (const [x, y, family] of [
        [hexOf(24), hexOf(40), 'hex'],
        [drawn(33, true), drawn(48, true), 'opaque'],
      ] as const) {
        const made = maskGeneratedValues(
          exchange({ [field]: x }, { [field]: y }, write(path), { status: 201 }),
        );
        expect(made.generated, `${x} vs ${y}`).toEqual([
          `/${field} (first seen in the answer to a write (${family} of another length))`,
        ]);
        const read = maskGeneratedValues(exchange({ [field]: x }, { [field]: y }, { path }));
        expect(read.generated).toBeUndefined();
        expect(read.unsettled).toEqual([`/${field}`]);
      }
      // A format change stays a divergence, whatever the evidence: decimal against hex,
      // another revision counter, a revision's hash in another alphabet, hex against base64.
      for (const [x, y] of [
        [digits(40), hexOf(40)],
        [R1, `2${R2.slice(1)}`],
        [R1, `1-${drawn(24, true)}`],
        [hexOf(44), drawn(33, true)],
      ]) {
        const out = maskGeneratedValues(
          exchange({ [field]: x }, { [field]: y }, write(path), { status: 201 }),
        );
        expect(out.generated, `${x} vs ${y}`).toBeUndefined();
      }
    });
  }

  for (const [name, field] of [
    ['a configuration secret', 'secret'],
    ['an object id', '_oid'],
  ] as const) {
    it(`${name}: hex of one length no digest has, in no request, is drawn on a read too`, () => {
      for (const length of [16, 24, 48]) {
        const out = maskGeneratedValues(
          exchange({ auth: { [field]: hexOf(length) } }, { auth: { [field]: hexOf(length) } }),
        );
        expect(out.generated).toEqual([
          `/auth/${field} (hex of ${length} digits on both sides, a length no digest has, in no request)`,
        ]);
      }
      // A digest's length (MD5, SHA-1, SHA-256) on a read: thin evidence, unsettled.
      for (const length of [32, 40, 64]) {
        // A 0 where a UUID has its version digit: no dashless UUID at 32 digits.
        const digest = () =>
          `${randomBytes(6).toString('hex')}0${randomBytes(length)
            .toString('hex')
            .slice(0, length - 15)}0f`;
        const [value, other] = [digest(), digest()];
        const out = maskGeneratedValues(exchange({ [field]: value }, { [field]: other }));
        expect(out.generated, `hex${length}`).toBeUndefined();
      }
      // One the request sent is data.
      const sent = hexOf(24);
      const named = maskGeneratedValues(
        exchange({ [field]: sent }, { [field]: hexOf(24) }, { path: `/x/${sent}` }),
      );
      expect(named.generated).toBeUndefined();
    });
  }
});

// A list each side orders by values it drew: test/unit/core/normalise/own-key-order.test.ts.

describe('32 hex digits drawn at random: a UUID by chance on one side only', () => {
  // Drawn bytes as 32 hex digits carry a UUID's version and variant digits one time in eight:
  // one side's value then reads as a dashless UUID, the other's as `hex32`, one family and one length.
  const CHANCE_UUID = '85fb71bf700c4726bfef77535820e371'; // version digit 4, variant b
  const PLAIN_HEX = '2c9e5d0a17f3e88103ad6b4f90e2c7d5'; // neither
  const FIXTURES = [
    {
      name: 'a bulk write’s ids (PUT)',
      a: { docs: [{ ok: true, key: CHANCE_UUID }] },
      b: { docs: [{ ok: true, key: PLAIN_HEX }] },
      request: { method: 'PUT' as const, path: '/store/_bulk' },
      place: '/docs/0/key',
    },
    {
      name: 'a created session’s token (POST 201)',
      a: { session: PLAIN_HEX, user: 'ann' },
      b: { session: CHANCE_UUID, user: 'ann' },
      request: { method: 'POST' as const, path: '/sessions' },
      place: '/session',
    },
  ];
  for (const f of FIXTURES) {
    it(`${f.name}: first seen in the answer to a write, per-instance`, () => {
      const out = maskGeneratedValues(exchange(f.a, f.b, f.request, { status: 201 }));
      expect(out.generated).toEqual([
        `${f.place} (first seen in the answer to a write (hex of 32 digits on both sides))`,
      ]);
      expect(out.unsettled).toBeUndefined();
    });
    it(`${f.name}: on a read, thin evidence (unsettled), not a plain divergence`, () => {
      const out = maskGeneratedValues(exchange(f.a, f.b, { path: f.request.path }));
      expect(out.generated).toBeUndefined();
      expect(out.unsettled).toEqual([f.place]);
    });
  }
  it('a dashed UUID against 32 hex digits is another format, even on a write', () => {
    const out = maskGeneratedValues(
      exchange({ key: U1 }, { key: PLAIN_HEX }, { method: 'PUT' }, { status: 201 }),
    );
    expect(out.generated).toBeUndefined();
  });
});
