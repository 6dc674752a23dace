import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesText } from '../../../../src/core/wire/bytes.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { CappedBody, toResponseBody } from '../../../../src/io/http/receive.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000', 'hex');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('bodies known by their bytes', () => {
  it('keep their first bytes for people, and read as one line of size, hash and hex', () => {
    const body = decodeBody(PNG, 'image/png');
    // The bytes stay with the transient exchange (a body that differs is hashed again for its digests).
    const { bytes, ...known } = body.kind === 'binary' ? body : { ...body, bytes: undefined };
    expect(bytes === undefined ? undefined : Buffer.from(bytes).equals(Buffer.from(PNG))).toBe(
      true,
    );
    expect(known).toEqual({
      kind: 'binary',
      sha256: sha(PNG),
      size: 28,
      head: '89504e470d0a1a0a0000000d49484452',
    });
    if (body.kind !== 'binary') throw new Error('binary expected');
    expect(bytesText(body)).toBe(
      `binary, 28 bytes, sha256 ${sha(PNG)}, starts 89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52 …`,
    );
    const tiny = decodeBody(Uint8Array.from([0xff]), undefined);
    if (tiny.kind !== 'binary') throw new Error('binary expected');
    expect(bytesText(tiny)).toBe(
      `binary, 1 byte, sha256 ${sha(Uint8Array.from([0xff]))}, starts ff`,
    );
  });

  it('past the body cap, the hash covers every byte and the head is the first chunk', () => {
    const raw = new CappedBody(10);
    raw.push(PNG.subarray(0, 4));
    raw.push(PNG.subarray(4, 12));
    raw.push(PNG.subarray(12));
    const body = toResponseBody(raw, '', 'image/png', 10);
    expect(body).toEqual({
      kind: 'truncated',
      sha256: sha(PNG),
      size: 28,
      head: '89504e470d0a1a0a0000000d49484452',
    });
    if (body.kind !== 'truncated') throw new Error('truncated expected');
    expect(bytesText(body)).toMatch(/^over the body cap \(compared by hash\), 28 bytes, sha256 /);
  });
});
