/**
 * A whole text body that is one drawn id (rule 32, extended in session
 * sixteen to whole text bodies): read as that id where its trimmed text has
 * a format class on both sides and the second look shows a side drew
 * another of its class; the run's end keeps two classes a row where two
 * answers or more show them and their endpoint shows no other pair.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { createDrawnShows } from '../../../../src/core/normalise/drawn-formats.js';
import {
  drawnTextOf,
  maskDrawnTexts,
  needsDrawnTextLook,
} from '../../../../src/core/normalise/drawn-texts.js';
import { makeCase } from '../../../helpers/case.js';

const text = (body: string, status = 200): SideOutcome => ({
  outcome: 'response',
  response: {
    status,
    headers: { 'content-type': 'text/plain' },
    body: { kind: 'text', text: body },
    wireBytes: body.length,
    durationMs: 1,
  },
});

const bodyOf = (side: SideOutcome) =>
  side.outcome === 'response' && side.response.body.kind === 'text'
    ? side.response.body.text
    : undefined;

const exchange = (b: string, c: string, method = 'GET'): Exchange => ({
  case: makeCase('mint', { method: method as 'GET', path: '/mint' }),
  baseline: text(b),
  candidate: text(c),
});

const looks = (x: Exchange, b?: string, c?: string) => ({
  first: { baseline: x.baseline, candidate: x.candidate },
  again: {
    ...(b === undefined ? {} : { baseline: text(b) }),
    ...(c === undefined ? {} : { candidate: text(c) }),
  },
});

const TOKEN = ['1be0eup8ml700000', 'z6s1vilb3tf00000'] as const;
const UUID = [
  '86d92ad4-d55c-45e7-ba39-311ca68ec209',
  '7b9dc279-19da-45ea-bf8b-d8ea901902bd',
] as const;

describe('a whole text body read as one drawn id', () => {
  it('is its trimmed text where that has a format class', () => {
    expect(drawnTextOf(text(`${UUID[0]}\n`))).toEqual({ text: UUID[0], drawn: 'uuid' });
    expect(drawnTextOf(text('  8951364004266036766 '))?.drawn).toBe('decimal');
    // A label before the id, two tokens, a sentence, a word: texts, no id.
    for (const other of [
      `id:${TOKEN[0]}`,
      `${TOKEN[0]} ${TOKEN[1]}`,
      'your id is 12345678',
      'OK',
    ]) {
      expect(drawnTextOf(text(other))).toBeUndefined();
    }
  });

  it('is worth a second look on a safe request only, where the two ids differ', () => {
    expect(needsDrawnTextLook(exchange(TOKEN[0], UUID[0]))).toBe(true);
    expect(needsDrawnTextLook(exchange(TOKEN[0], UUID[0], 'POST'))).toBe(false);
    expect(needsDrawnTextLook(exchange(UUID[0], UUID[0]))).toBe(false);
    expect(needsDrawnTextLook(exchange(`id:${TOKEN[0]}`, UUID[0]))).toBe(false);
  });

  it('compares two classes as their classes, one class as generated, with its evidence', () => {
    const two = exchange(TOKEN[0], UUID[0]);
    const drawn = maskDrawnTexts(two, looks(two, TOKEN[1], UUID[1]));
    expect(bodyOf(drawn.exchange.baseline)).toBe('{{body drawn as token}}');
    expect(bodyOf(drawn.exchange.candidate)).toBe('{{body drawn as uuid}}');
    expect(drawn.show).toEqual({ baseline: TOKEN[0], candidate: UUID[0] });
    expect(drawn.exchange.generated?.[0]).toContain('changed between two requests to each side');
    const one = exchange(UUID[0], UUID[1]);
    const alike = maskDrawnTexts(
      one,
      looks(one, undefined, '0b9dc279-19da-45ea-bf8b-d8ea901902bd'),
    );
    expect(bodyOf(alike.exchange.baseline)).toBe('{{generated}}');
    expect(bodyOf(alike.exchange.candidate)).toBe('{{generated}}');
    expect(alike.show).toBeUndefined();
  });

  it('is left as it was without evidence, or against it', () => {
    const two = exchange(TOKEN[0], UUID[0]);
    // No second look; the same ids again (constants); another class the second time.
    expect(maskDrawnTexts(two, undefined).exchange).toBe(two);
    expect(maskDrawnTexts(two, looks(two, TOKEN[0], UUID[0])).exchange).toBe(two);
    expect(maskDrawnTexts(two, looks(two, '8951364004266036766', UUID[1])).exchange).toBe(two);
  });
});

describe('two bodies of digits that are instants of the run (reviewed, issue 43)', () => {
  const now = Date.UTC(2026, 10, 29, 13, 0, 0);
  const window = { from: now - 60_000, to: now + 60_000 };
  const [s, ms] = [String(now / 1000), String(now + 7)];

  it('in two units are the text they are, not ids drawn as decimal digits', () => {
    for (const [b, c] of [
      [s, ms],
      [ms, s],
    ] as const) {
      const two = exchange(b, c);
      const again = looks(two, String(Number(b) + 1), String(Number(c) + 1));
      expect(maskDrawnTexts(two, again, window).exchange).toBe(two);
      // Without the window, as the rule read them before: one class, masked.
      expect(bodyOf(maskDrawnTexts(two, again).exchange.baseline)).toBe('{{generated}}');
    }
  });

  it('in one unit, or outside the run, are still each side its own', () => {
    const one = exchange(s, String(now / 1000 + 1));
    const again = looks(one, String(now / 1000 + 2), String(now / 1000 + 3));
    expect(bodyOf(maskDrawnTexts(one, again, window).exchange.baseline)).toBe('{{generated}}');
    // Ten and thirteen digits far from the run: drawn numbers, masked as before.
    const far = exchange('1234567890', '1234567890123');
    const drawnAgain = looks(far, '1234567891', '1234567890124');
    expect(bodyOf(maskDrawnTexts(far, drawnAgain, window).exchange.baseline)).toBe('{{generated}}');
  });
});

describe("the run's whole bodies of two classes", () => {
  const show = { baseline: TOKEN[0], candidate: UUID[0] };

  it('are a row where two answers show the pair and their endpoints no other', () => {
    const shows = createDrawnShows();
    shows.addBody('t/a', 'GET /peers/id', show);
    expect(shows.settled('t/a', '')).toBe(false);
    shows.addBody('t/b', 'GET /other/id', show);
    expect(shows.settled('t/a', '')).toBe(true);
    expect(shows.settled('t/b', '')).toBe(true);
    // A member's place is not a whole body's.
    expect(shows.settled('t/a', '/id')).toBe(false);
  });

  it('keep two pairs on two endpoints apart, and an endpoint of two pairs masked', () => {
    const shows = createDrawnShows();
    const hexes = { baseline: '8951364004266036766', candidate: '91631f008c65e342' };
    shows.addBody('t/a', 'GET /a', show);
    shows.addBody('t/b', 'GET /b', show);
    shows.addBody('t/c', 'GET /c', hexes);
    shows.addBody('t/d', 'GET /d', hexes);
    for (const id of ['t/a', 't/b', 't/c', 't/d']) expect(shows.settled(id, '')).toBe(true);
    // One more answer of `/a` in another pair (a class read by chance): `/a` shows two pairs.
    shows.addBody('t/e', 'GET /a', hexes);
    expect(shows.settled('t/a', '')).toBe(false);
    expect(shows.settled('t/e', '')).toBe(false);
    expect(shows.settled('t/b', '')).toBe(true);
  });
});
