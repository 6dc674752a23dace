/** Tracker rule 9 (amended in session fifteen): text differences kept apart on one endpoint. */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { alikeDifference } from '../../../../src/core/compare/alike-texts.js';
import { apartTexts } from '../../../../src/core/compare/apart-texts.js';
import { ownKey } from '../../../../src/core/compare/recurring-causes.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { textDifference } from '../../../../src/core/compare/text-bodies.js';

type StructureCause = RootCause & { type: 'structure' };

const whole = (baseline: string, candidate: string) =>
  ({ path: '', op: 'value', baseline, candidate }) as const;

function causeOf(endpoint: string, baseline: string, candidate: string): StructureCause {
  const change = whole(baseline, candidate);
  const request = { path: endpoint.split(' ')[1], method: endpoint.split(' ')[0] };
  const alike = alikeDifference(change, 'text/plain', request);
  return {
    type: 'structure',
    endpoint,
    change: { op: 'value', path: '', baseline: 'body', candidate: 'body' },
    difference: textDifference(change, 'text/plain', request) ?? '',
    ...(alike === undefined ? {} : { alike }),
  };
}

describe('alikeDifference', () => {
  it.each([
    ['0{"sid":"{id}","ping":25}', '0{"sid":"{id}","ping":25,"max":1}'],
    ['WELCOME id={id} timeout=30', 'WELCOME id={id} timeout=30 zip=on'],
  ])('reads drawn and captured ids alike: %s', (b, c) => {
    const drawn = alikeDifference(
      whole(b.replace('{id}', 'iM2TtgDEWYc01af8AAAD'), c.replace('{id}', 'DVDqE4lcgu-d-yFHAAA1')),
      'text/plain',
      {},
    );
    const captured = alikeDifference(
      whole(b.replace('{id}', '{{sid}}'), c.replace('{id}', '{{reader}}')),
      'text/plain',
      {},
    );
    // A drawn id may hold no digit: sixteen letters or more, a capital after a small letter.
    const lettersOnly = alikeDifference(
      whole(b.replace('{id}', '_bnzMwOeCqBAAAAxyzQ'), c.replace('{id}', 'DVDqElcgu-d-yFHAAAx')),
      'text/plain',
      {},
    );
    expect(drawn).toBeDefined();
    expect(drawn).toBe(captured);
    expect(lettersOnly).toBe(captured);
  });

  it('is undefined where the texts differ only in values of their own, or are reordered', () => {
    expect(
      alikeDifference(whole('40{"sid":"aB3dE5fG7hJ9"}', '40{"sid":"zY8xW6vU4tS2"}'), '', {}),
    ).toBeUndefined();
    expect(alikeDifference(whole('a\nb', 'b\na'), '', {})).toBeUndefined();
  });

  it('keeps a long word of letters alone, and two wordings apart', () => {
    const one = alikeDifference(whole('Internationalization', 'Localisation'), '', {});
    const two = alikeDifference(whole('Internationalisation', 'Localisation'), '', {});
    expect(one).toBeDefined();
    expect(one).not.toBe(two);
  });
});

describe('alikeDifference, kept apart (rule 9 reviewed)', () => {
  it.each([
    ['Error: IllegalArgumentException: bad id', 'Error: NumberFormatException: bad id'],
    ['allow Access-Control-Allow-Origin', 'allow Access-Control-Allow-Headers'],
    ['raised ModuleNotFoundError', 'raised UnicodeDecodeError'],
  ])('keeps a name written in words, never a drawn id: %s', (b, c) => {
    expect(alikeDifference(whole(b, c), 'text/plain', {})).toBeDefined();
  });

  it.each([
    ['_bnzMwOeCqBAAAAxyzQ', 'DVDqElcgu-d-yFHAAAx'],
    ['AbcdEfghIjklMnopQrst', 'ZyxwVutsRqpoNmlkJihg'],
  ])('still blanks drawn letters: %s', (b, c) => {
    expect(alikeDifference(whole(`sid=${b}`, `sid=${c}`), 'text/plain', {})).toBeUndefined();
  });

  it('reads the values each request sent alike', () => {
    const of = (name: string) =>
      alikeDifference(whole(`Hello, ${name}!`, `Hi ${name}`), 'text/plain', {
        path: `/greet?name=${name}`,
        sent: ['greet', name],
      });
    expect(of('alice')).toBeDefined();
    expect(of('alice')).toBe(of('bobby'));
  });

  it('keeps a side that echoes another value sent apart from the echo', () => {
    const request = { path: '/greet?name=alice&role=admin', sent: ['greet', 'alice', 'admin'] };
    const wrong = alikeDifference(whole('Hello alice', 'Hello admin'), 'text/plain', request);
    expect(wrong).toBeDefined();
    const same = alikeDifference(whole('Hello alice', 'Hi alice'), 'text/plain', request);
    expect(wrong).not.toBe(same);
  });
});

describe('apartTexts', () => {
  it.each([
    ['GET /socket/', ['0{"max":1}', '0{}'], ['44/nope,{"message":"x"}', '44/nope,"y"']],
    ['POST /v2/session', ['WELCOME zip=on', 'WELCOME'], ['DENIED locked', 'ERROR: locked']],
  ])(
    "%s: keys each difference by itself, the one most answers show as the endpoint's row",
    (endpoint, main, other) => {
      const shown = [
        causeOf(endpoint, main[1] ?? '', main[0] ?? ''),
        causeOf(endpoint, main[1] ?? '', main[0] ?? ''),
        causeOf(endpoint, other[1] ?? '', other[0] ?? ''),
      ];
      const apart = apartTexts(shown, ownKey);
      expect([...apart.keys()]).toEqual([
        ownKey(shown[0] as RootCause),
        ownKey(shown[2] as RootCause),
      ]);
      const [most, another] = [...apart.values()];
      expect(most).toMatchObject({ apart: true, main: true, endpoint });
      expect(another).toMatchObject({ apart: true, endpoint });
      expect(another).not.toHaveProperty('main');
      const endpointRow = causeFingerprint(shown[0] as RootCause);
      expect(causeFingerprint(most as RootCause)).not.toBe(endpointRow);
      expect(causeFingerprint(another as RootCause)).not.toBe(endpointRow);
    },
  );

  it.each([
    ['GET /socket/', ['0{"max":1}', '0{}'], ['44/nope,{"message":"x"}', '44/nope,"y"']],
    ['PUT /v3/feed', ['ready v2', 'ready'], ['busy: try later', 'BUSY']],
  ])(
    '%s: a difference keeps its key whether most answers show it or not (issue 43)',
    (endpoint, first, second) => {
      const a = () => causeOf(endpoint, first[1] ?? '', first[0] ?? '');
      const b = () => causeOf(endpoint, second[1] ?? '', second[0] ?? '');
      const keyOf = (shown: StructureCause[], one: StructureCause) => {
        const kept = apartTexts(shown, ownKey).get(ownKey(one));
        return kept === undefined ? undefined : causeFingerprint(kept);
      };
      const run1 = [a(), a(), a(), b(), b()];
      const run2 = [a(), a(), b(), b(), b(), b()];
      expect(apartTexts(run1, ownKey).get(ownKey(a()))).toMatchObject({ main: true });
      expect(apartTexts(run2, ownKey).get(ownKey(b()))).toMatchObject({ main: true });
      expect(keyOf(run1, a())).toBe(keyOf(run2, a()));
      expect(keyOf(run1, b())).toBe(keyOf(run2, b()));
      expect(keyOf(run1, a())).not.toBe(keyOf(run1, b()));
      // One difference alone, in two answers: keyed by itself too, so a second one later moves nothing.
      expect(keyOf([a(), a()], a())).toBe(keyOf(run2, a()));
    },
  );

  it('gives the answers with no difference of their own to the row most answers show', () => {
    const reads = [
      causeOf('GET /s/', '40{"sid":"aB3dE5fG7hJ9"}', '40{"sid":"zY8xW6vU4tS2"}'),
      causeOf('GET /s/', 'OK v1', 'ok'),
      causeOf('GET /s/', 'OK v1', 'ok'),
      causeOf('GET /s/', 'fail', 'FAILED'),
    ];
    const apart = apartTexts(reads, ownKey);
    const fingerprint = (one: StructureCause) => {
      const kept = apart.get(ownKey(one));
      return kept === undefined ? undefined : causeFingerprint(kept);
    };
    const [read, ok, , fail] = reads as [
      StructureCause,
      StructureCause,
      StructureCause,
      StructureCause,
    ];
    expect(fingerprint(read)).toBe(fingerprint(ok));
    expect(fingerprint(fail)).toBeDefined();
    expect(fingerprint(fail)).not.toBe(fingerprint(ok));
  });

  it('keeps differences each shown once one row, and answers with no difference of their own', () => {
    const echoes = ['apple', 'pear', 'plum'].map((w) =>
      causeOf('GET /echo/', `echo: ${w}`, `<${w}>`),
    );
    expect(apartTexts(echoes, ownKey).size).toBe(0);
    const reads = [
      causeOf('GET /s/', '40{"sid":"aB3dE5fG7hJ9"}', '40{"sid":"zY8xW6vU4tS2"}'),
      causeOf('GET /s/', '40{"sid":"qW1eR2tY3uI4"}', '40{"sid":"pO9iU8yT7rE6"}'),
      causeOf('GET /s/', 'OK', 'ok'),
    ];
    expect(apartTexts(reads, ownKey).size).toBe(0);
  });

  it('keeps two endpoints apart from each other', () => {
    const shown = [
      causeOf('GET /a/', 'x', 'y'),
      causeOf('GET /a/', 'x', 'y'),
      causeOf('GET /b/', 'p', 'q'),
    ];
    // `/a/`'s difference, in two answers, is keyed by itself; `/b/`'s one answer keeps its endpoint's key.
    expect([...apartTexts(shown, ownKey).keys()]).toEqual([ownKey(shown[0] as RootCause)]);
  });
});
