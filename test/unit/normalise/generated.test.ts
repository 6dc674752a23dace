import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../src/model/exchange.js';
import type { CaseRequest } from '../../../src/model/request.js';
import {
  GENERATED_TOKEN,
  generatedFormat,
  idFormat,
  maskGeneratedValues,
} from '../../../src/normalise/generated.js';
import { makeCase } from '../../helpers/case.js';

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
