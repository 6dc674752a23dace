import { describe, expect, it } from 'vitest';
import { secretNeedles, shortSecrets } from '../../../src/redact/forms.js';
import { createRedactor } from '../../../src/redact/redact.js';

const secret = 'To k/en+"é<';
const redactor = createRedactor({ headerNames: [], secrets: new Map([[secret, '${env:T}']]) });
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('secret forms', () => {
  it('replaces the secret as written, URL-encoded, JSON-escaped and base64', () => {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
      b64(secret),
      b64(secret).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
    ]) {
      expect(redactor.text(`before ${form} after`), form).toBe('before ${env:T} after');
    }
  });

  it('finds the secret inside a longer base64 text at every alignment', () => {
    for (const wrapped of ['', 'x', 'xy', 'xyz', 'user:'].map((p) => b64(`${p}${secret}!!`))) {
      const out = redactor.text(wrapped);
      expect(out).toContain('${env:T}');
    }
  });

  it('replaces keys too, and redacts secrets of any length', () => {
    const short = createRedactor({ headerNames: [], secrets: new Map([['ab', '${env:S}']]) });
    expect(short.value({ ab: 'xaby' })).toEqual({ '${env:S}': 'x${env:S}y' });
    expect(
      shortSecrets(
        new Map([
          ['ab', '${env:S}'],
          [secret, '${env:T}'],
        ]),
      ),
    ).toEqual(['${env:S}']);
  });

  it('lists longer forms first, so a form holding another is replaced whole', () => {
    const needles = secretNeedles(new Map([[secret, 'x']]));
    const lengths = needles.map((n) => n.text.length);
    expect([...lengths].sort((a, b) => b - a)).toEqual(lengths);
  });
});
