import { describe, expect, it } from 'vitest';
import { looksSecret } from '../../../src/util/secret-looking.js';

describe('looksSecret', () => {
  it('recognises tokens', () => {
    for (const token of [
      'ghp_R8x2Lq9Zt4Wm7Kp1Vn6Yc3Hb5Jd0Fs2Ga8',
      'sk_live_51HxYZq8Rt',
      'xoxb-1234-abcd',
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'eyJhbGciOiJIUzI1NiJ9.e30.abc',
      '5f4dcc3b5aa765d61d8327deb882cf99',
    ]) {
      expect(looksSecret(token), token).toBe(true);
    }
  });

  it('lets plain values be quoted', () => {
    for (const plain of [
      'maybe',
      'FETCH',
      'v1/relative',
      'Bad Suite Name 12345678901234567890',
      '2026-11-26T15:00:00.000Z',
      '/v1/records/123/items/456789',
      'http://127.0.0.1:3100/api/v2',
      'application/json',
    ]) {
      expect(looksSecret(plain), plain).toBe(false);
    }
  });
});
