/**
 * The run decides on a second look from the same reading the intake then
 * judges on (`engine/run/run-intake.ts`: the reading is kept by the exchange
 * it read, and the intake's masks go on from it). That must change nothing:
 * an exchange taken after the decision is exactly the exchange an intake
 * that never asked makes of it, and so is every memory that learns from it.
 * Checked on two fixtures with other field names, on any members added to
 * both sides (fast-check), with a stamp whose window end moves between the
 * decision and the intake, and with a second look sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { createRunIntake, type RunIntake } from '../../../../src/engine/run/run-intake.js';
import { NO_NOISE } from '../../../../src/io/config/noise-settings.js';
import { resolveConfig } from '../../../../src/io/config/resolve.js';
import type { RunConfig } from '../../../../src/io/config/targets.js';
import { makeCase } from '../../../helpers/case.js';

const BASELINE = 'http://127.0.0.1:4101';
const CANDIDATE = 'http://127.0.0.1:4202';
const STARTED = Date.parse('2026-11-28T09:00:00Z');
const MINUTE = 60_000;

const target = (name: string, url: string) => ({ name, url: new URL(url), headers: [] });

function runConfig(): RunConfig {
  return {
    ...resolveConfig({ config: {}, file: undefined }, {}, '/nowhere'),
    baseline: target('a', BASELINE),
    candidate: target('b', CANDIDATE),
    noise: NO_NOISE,
  };
}

/** An intake whose clock the test moves. */
function intakeAt(clock: { now: number }): RunIntake {
  return createRunIntake({
    config: runConfig(),
    redact: createRedactor({ headerNames: [], secrets: new Map() }),
    now: () => new Date(clock.now),
  });
}

function side(value: unknown, headers: Record<string, string> = {}): SideOutcome {
  const text = JSON.stringify(value);
  return {
    outcome: 'response',
    response: {
      status: 200,
      headers: { 'content-type': 'application/json', ...headers },
      body: { kind: 'json', value, text },
      wireBytes: text.length,
      durationMs: 1,
    },
  };
}

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** One side's body: its own address, a value it drew, and a value of one format that differs. */
  readonly body: (origin: string, drawn: string, amount: number) => Record<string, unknown>;
  readonly headers?: (drawn: string) => Record<string, string>;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'an order with its own link, a drawn uuid and a price',
    path: '/orders/7',
    body: (origin, drawn, amount) => ({
      orderId: drawn,
      self: `${origin}/orders/7`,
      price: amount,
      lines: [{ sku: 'A-1', qty: 2 }],
    }),
    headers: (drawn) => ({ etag: `"${drawn.slice(0, 8)}"` }),
  },
  {
    name: 'a ticket with its own href, a drawn hex reference and an amount',
    path: '/tickets/q',
    body: (origin, drawn, amount) => ({
      ticket: { ref: drawn.replaceAll('-', ''), href: `${origin}/tickets/q` },
      amountDue: amount,
      notes: ['first', 'second'],
    }),
  },
];

const DRAWN = ['7f3c1a52-9a4e-4b7e-8c55-0e1f2a3b4c5d', 'c0ffee00-1234-4abc-9def-00aa11bb22cc'];

function exchangeOf(fixture: Fixture, extra: readonly [object, object] = [{}, {}]): Exchange {
  const [drawnA = '', drawnB = ''] = DRAWN;
  return {
    case: makeCase(fixture.name, { path: fixture.path }, { headers: ['etag'] }),
    baseline: side(
      { ...fixture.body(BASELINE, drawnA, 9.5), ...extra[0] },
      fixture.headers?.(drawnA),
    ),
    candidate: side(
      { ...fixture.body(CANDIDATE, drawnB, 10.5), ...extra[1] },
      fixture.headers?.(drawnB),
    ),
  };
}

/** What `intake` releases for each exchange, in order, asked about a second look first or not. */
function taken(intake: RunIntake, exchanges: readonly Exchange[], asked: boolean): Exchange[] {
  return exchanges.flatMap((exchange, position) => {
    if (asked) intake.worthASecondLook(exchange);
    return intake
      .take({ position, exchange })
      .steps.flatMap((s) => ('exchange' in s ? [s.exchange] : []));
  });
}

/** Everything the intake learned that a later pass reads. */
function learned(intake: RunIntake) {
  return {
    echoOrigins: [...intake.echoOrigins()],
    sequenceOrigins: [...intake.sequenceOrigins()],
    derivedEtags: [...intake.derivedEtags()],
    bodyDigests: [...intake.bodyDigests().keys()],
    failed: { ...intake.failed },
  };
}

describe('the reading a second look is decided on, read again by the intake', () => {
  for (const fixture of FIXTURES) {
    it(`changes nothing the intake makes of ${fixture.name}`, () => {
      const exchanges = [exchangeOf(fixture), exchangeOf(fixture, [{ extra: 1 }, { extra: 2 }])];
      const asked = intakeAt({ now: STARTED });
      const fresh = intakeAt({ now: STARTED });
      // The decision is the one the run makes: worth a look, the answers differ in one format.
      expect(asked.worthASecondLook(exchangeOf(fixture))).toBe(true);
      expect(taken(asked, exchanges, true)).toEqual(taken(fresh, exchanges, false));
      expect(learned(asked)).toEqual(learned(fresh));
    });

    it(`changes nothing for any members both sides of ${fixture.name} add`, () => {
      const member = fc.dictionary(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.oneof(fc.integer(), fc.uuid(), fc.string({ maxLength: 12 }), fc.boolean()),
        { maxKeys: 4 },
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(member, member), { minLength: 1, maxLength: 4 }),
          (extras) => {
            const exchanges = extras.map((extra) => exchangeOf(fixture, extra));
            const asked = intakeAt({ now: STARTED });
            const fresh = intakeAt({ now: STARTED });
            expect(taken(asked, exchanges, true)).toEqual(taken(fresh, exchanges, false));
            expect(learned(asked)).toEqual(learned(fresh));
          },
        ),
        { numRuns: 60 },
      );
    });

    it(`reads ${fixture.name} again when a stamp's window end moved between the two`, () => {
      // Ten minutes apart, a day ahead: not one offset of each side's clock while the window
      // is four minutes wide, one once it is eleven (core/normalise/stamps.ts).
      const stamps: [object, object] = [
        { expiresAt: new Date(STARTED + 24 * 60 * MINUTE).toISOString() },
        { expiresAt: new Date(STARTED + 24 * 60 * MINUTE + 10 * MINUTE).toISOString() },
      ];
      const exchange = exchangeOf(fixture, stamps);
      const clocks = { asked: { now: STARTED }, fresh: { now: STARTED }, early: { now: STARTED } };
      const asked = intakeAt(clocks.asked);
      const fresh = intakeAt(clocks.fresh);
      const early = intakeAt(clocks.early);
      asked.worthASecondLook(exchange);
      clocks.asked.now = STARTED + 7 * MINUTE;
      clocks.fresh.now = STARTED + 7 * MINUTE;
      const [out] = taken(asked, [exchange], false);
      expect(out).toEqual(taken(fresh, [exchange], false)[0]);
      // The moment matters here: judged at the start, the two stamps stay a difference.
      expect(out?.stamped).toBeDefined();
      expect(taken(early, [exchange], false)[0]?.stamped).toBeUndefined();
    });

    it(`judges ${fixture.name} on the exchange that came back when a second look was sent`, () => {
      const exchange = exchangeOf(fixture);
      const asked = intakeAt({ now: STARTED });
      const fresh = intakeAt({ now: STARTED });
      expect(asked.worthASecondLook(exchange)).toBe(true);
      const again = exchangeOf(fixture, [{}, { changed: true }]);
      const looked: Exchange = {
        ...exchange,
        secondLook: { baseline: again.baseline, candidate: again.candidate },
      };
      expect(taken(asked, [looked], false)).toEqual(taken(fresh, [looked], false));
    });
  }
});
