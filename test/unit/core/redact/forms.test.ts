import { describe, expect, it } from 'vitest';
import { secretNeedles, shortSecrets } from '../../../../src/core/redact/forms.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';

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

describe('derived forms', () => {
  const s = 'Zq8/Wt+k&Lm<9>Xv';
  const r = createRedactor({ headerNames: [], secrets: new Map([[s, '${env:T}']]) });
  const hex = Buffer.from(s).toString('hex');
  const every = [...Buffer.from(s)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');

  it('replaces any case, hex, path-style, every-byte and double percent-encoding, HTML entities', () => {
    for (const form of [
      s.toUpperCase(),
      'zQ8/wT+K&lM<9>xV',
      hex,
      hex.toUpperCase(),
      encodeURI(s),
      'Zq8/Wt%2Bk%26Lm%3C9%3EXv',
      every,
      every.toLowerCase(),
      encodeURIComponent(encodeURIComponent(s)),
      'Zq8/Wt+k&amp;Lm&lt;9&gt;Xv',
      [...s].map((c) => `&#${c.charCodeAt(0)};`).join(''),
      [...s].map((c) => `&#X${c.charCodeAt(0).toString(16).toUpperCase()};`).join(''),
    ]) {
      expect(r.text(`<${form}>`), form).toBe('<${env:T}>');
    }
  });

  it('keeps base64 case-sensitive, and a text with no form as the same string', () => {
    const b64 = Buffer.from(s).toString('base64');
    expect(r.text(b64)).toBe('${env:T}');
    expect(r.text(b64.toLowerCase())).toBe(b64.toLowerCase());
    const plain = 'nothing to see here';
    expect(r.text(plain)).toBe(plain);
  });

  it('leaves a short secret of digits inside a longer number, and replaces it standing alone', () => {
    for (const [digits, number] of [
      ['0000', '49680667200007191118981529220953706549113291297747401'],
      ['4711', '123471198765432109876543210'],
    ] as const) {
      const pin = createRedactor({ headerNames: [], secrets: new Map([[digits, '[redacted]']]) });
      expect(pin.value({ SequenceNumber: number })).toEqual({ SequenceNumber: number });
      expect(pin.text(`pin ${digits}, code=${digits}&x`)).toBe('pin [redacted], code=[redacted]&x');
      expect(pin.text(`${digits}-${number}`)).toBe(`[redacted]-${number}`);
    }
    // Letters beside it are no number: a short secret of letters and digits is replaced there.
    const mixed = createRedactor({ headerNames: [], secrets: new Map([['4711', '${env:P}']]) });
    expect(mixed.text('v4711a')).toBe('v${env:P}a');
    // Eight digits or more: replaced inside a number too.
    const long = createRedactor({ headerNames: [], secrets: new Map([['47114711', '${env:P}']]) });
    expect(long.text('9947114711')).toBe('99${env:P}');
  });

  it('does not look for the hex or every-byte forms of a very short secret', () => {
    const short = createRedactor({ headerNames: [], secrets: new Map([['q7z', '${env:S}']]) });
    const hexShort = Buffer.from('q7z').toString('hex');
    expect(short.text(`id ${hexShort}`)).toBe(`id ${hexShort}`);
    expect(short.text('Q7Z')).toBe('${env:S}');
  });

  it('redacts header names', () => {
    expect(r.headers({ [`x-${hex}`]: '1' })).toEqual({ 'x-${env:T}': '1' });
  });
});
