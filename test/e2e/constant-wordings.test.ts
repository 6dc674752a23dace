/**
 * One side's one message in place of the other's many (rule 8,
 * `core/compare/constant-wordings.ts`): a server that sanitises its error
 * answers writes one wording wherever the other names each reason, with the
 * same status on both sides. One row keyed by the field and the constant,
 * listing every case. Kept apart, each a row of its own: two unrelated
 * messages at the same field, a constant the other side also writes there,
 * and a constant beside a status change. Two fixtures with other routes,
 * fields, statuses and sides: a candidate that sanitises (`/error`), and a
 * baseline that did (`/detail`, the candidate names each reason).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { rowsOfCase, shownCauses, whyCases, whyServer } from '../helpers/why-cases.js';

interface Answer {
  readonly status: number;
  readonly message: string;
}
type Refusal = readonly [query: string, baseline: Answer, candidate: Answer];

interface Fixture {
  readonly name: string;
  readonly route: string;
  readonly body: (message: string) => unknown;
  /** One side's constant against the other's reasons, statuses alike. */
  readonly constant: readonly Refusal[];
  /** Two messages worded each its own way. */
  readonly unrelated: readonly Refusal[];
  /** The constant, where the other side writes it too (and something else elsewhere). */
  readonly alsoWritten: readonly Refusal[];
  /** The constant beside a status change. */
  readonly withStatus: Refusal;
  /** Words the constant's row names. */
  readonly words: string;
}

const at = (status: number, message: string): Answer => ({ status, message });

const SANITISING: Fixture = {
  name: 'a candidate that sanitises its errors',
  route: '/vault',
  body: (message) => ({ code: 7, error: message }),
  constant: [
    ['no-key', at(403, 'unauthorized: master key is required'), at(403, 'Permission denied')],
    ['other-user', at(400, 'Cannot modify user 8f3k2j1x.'), at(400, 'Permission denied')],
    ['no-session', at(401, 'Invalid session token'), at(401, 'Permission denied')],
  ],
  unrelated: [
    ['closed', at(503, 'vault closed for audit'), at(503, 'Service temporarily unavailable')],
    ['locked', at(409, 'record locked by another editor'), at(409, 'Conflict with a change')],
  ],
  alsoWritten: [
    ['quota', at(429, 'Try again later'), at(429, 'Slow down')],
    ['burst', at(429, 'burst limit reached'), at(429, 'Try again later')],
    ['window', at(429, 'daily quota exhausted'), at(429, 'Try again later')],
  ],
  withStatus: ['hidden', at(404, 'Object not found.'), at(403, 'Permission denied')],
  words: 'candidate writes `Permission denied` at `/error` wherever the baseline names the reason',
};

const NAMING: Fixture = {
  name: 'a baseline that sanitised, a candidate that names each reason',
  route: '/ledger',
  body: (message) => ({ status: 'refused', detail: message }),
  constant: [
    ['no-scope', at(403, 'Request refused'), at(403, 'token lacks the scope ledger:write')],
    ['frozen', at(423, 'Request refused'), at(423, 'account frozen by compliance')],
  ],
  unrelated: [
    ['too-big', at(413, 'payload exceeds 1 MiB'), at(413, 'Entity too large')],
    ['bad-date', at(422, 'date must be ISO 8601'), at(422, 'Unparseable value for posted_on')],
  ],
  alsoWritten: [
    ['archived', at(410, 'No longer available'), at(410, 'ledger archived')],
    ['purged', at(410, 'No longer available'), at(410, 'entry purged')],
    ['moved', at(410, 'entry moved'), at(410, 'No longer available')],
  ],
  withStatus: ['expired', at(403, 'Request refused'), at(401, 'token expired at 12:00')],
  words: 'baseline writes `Request refused` at `/detail` wherever the candidate names the reason',
};

const all = (f: Fixture) => [...f.constant, ...f.unrelated, ...f.alsoWritten, f.withStatus];

function start(f: Fixture) {
  return (candidate: boolean) =>
    whyServer((why) => {
      const found = all(f).find(([query]) => query === why);
      const answer = candidate ? found?.[2] : found?.[1];
      return answer === undefined ? undefined : [answer.status, f.body(answer.message)];
    });
}

const cases = (f: Fixture) =>
  whyCases(
    f.route,
    all(f).map(([query]) => query),
  );

describe("one side's one message in place of many", () => {
  it.each([SANITISING, NAMING])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const rowsOf = (query: string) => rowsOfCase(causes, query);
    // The constant: one row, every case it shows in, the side and the wording in its words.
    const constant = rowsOf(f.constant[0]?.[0] ?? '');
    expect(constant, shown).toHaveLength(1);
    expect(constant[0]?.caseIds).toEqual(f.constant.map(([query]) => `s/${query}`));
    expect(constant[0]?.summary).toContain(f.words);
    // Unrelated messages and a constant the other side writes too: a row each, of its case alone.
    for (const [query] of [...f.unrelated, ...f.alsoWritten]) {
      const rows = rowsOf(query);
      expect(rows, `${query}: ${shown}`).toHaveLength(1);
      expect(rows[0]?.caseIds).toEqual([`s/${query}`]);
    }
    // Beside a status change: its own rows, never the constant's.
    const [query] = f.withStatus;
    const rows = rowsOf(query);
    expect(rows.length, shown).toBeGreaterThan(0);
    for (const row of rows) expect(row.caseIds, shown).toEqual([`s/${query}`]);
  });
});
