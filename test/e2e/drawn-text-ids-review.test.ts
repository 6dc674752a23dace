/**
 * Grouping rule 32 on whole text bodies (and rule 9's bare numbers), reviewed adversarially (session
 * sixteen, issue 43: grouping never hides a decision) on APIs other than the
 * one it was built for, whose whole text bodies look like drawn ids:
 *
 * - **kept apart** (narrowed): a clock endpoint that answers the time as its
 *   whole body, in epoch seconds on one side and epoch milliseconds on the
 *   other: both are digits, so both read as `decimal` ids and, changing on
 *   the second look, were masked as per-instance, the unit hidden; the two
 *   bodies are instants of the run's window in two units, so they stay a
 *   text row (rule 9), beside the drawn row of tokens against UUIDs;
 * - **still per-instance**: one unit on both sides (each side's clock);
 * - **kept apart** (as it was): bodies that look like ids but are constant
 *   (a release stamp `20240101`, a count, a build name of letters and
 *   digits), which the second look answers again alike: rule 9's rows,
 *   each its own: two bare numbers are keyed by their pair (rule 1's one
 *   pair), so the clocks, a release stamp and a count are no longer one
 *   row of digits elided alike (narrowed in rule 9).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

const seconds = () => String(Math.floor(Date.now() / 1000));
const millis = () => String(Date.now());

/** Letters and digits (base64url), both among them. */
const token = () => {
  for (;;) {
    const value = randomBytes(18).toString('base64url');
    if (/^[A-Za-z0-9]+$/.test(value) && /\d/.test(value) && /[g-zG-Z]/.test(value)) return value;
  }
};

interface Fixture {
  readonly name: string;
  /** Two endpoints that answer the time as their whole text body. */
  readonly clocks: readonly [string, string];
  /** Each side's clock: seconds or milliseconds. */
  readonly clock: (candidate: boolean) => () => string;
  /** Two endpoints that mint an id, tokens against UUIDs (rule 32's own class). */
  readonly mints: readonly [string, string];
  /** An endpoint whose clock is one unit on both sides. */
  readonly sameUnit: string;
  /** Constant bodies that look like ids, each side its own. */
  readonly constants: Readonly<Record<string, readonly [string, string]>>;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a time service: seconds against milliseconds',
    clocks: ['/time', '/api/now'],
    clock: (candidate) => (candidate ? millis : seconds),
    mints: ['/session/new', '/api/tokens/issue'],
    sameUnit: '/time/unix',
    constants: {
      '/release': ['20240101', '20240315'],
      '/queue/length': ['3', '4'],
    },
  },
  {
    name: 'a cache: milliseconds against seconds',
    clocks: ['/v1/clock', '/cache/stamp'],
    clock: (candidate) => (candidate ? seconds : millis),
    mints: ['/v1/lock/acquire', '/cache/lease'],
    sameUnit: '/v1/clock/ms',
    constants: {
      '/v1/build': ['build7f3a2c', 'build8e1b4d'],
      '/cache/size': ['1024', '2048'],
    },
  },
];

function start(f: Fixture) {
  return (candidate: boolean) => {
    const clock = f.clock(candidate);
    return startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const text = (body: string) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(body);
      };
      if (f.clocks.includes(path)) return text(clock());
      if (f.mints.includes(path)) return text(candidate ? randomUUID() : token());
      if (path === f.sameUnit) return text(millis());
      const constant = f.constants[path];
      if (constant !== undefined) return text(constant[candidate ? 1 : 0]);
      res.writeHead(404);
      res.end();
    });
  };
}

const library = (paths: readonly string[]) => `suite: s
cases:
${paths.map((path, n) => `  - id: c${n}\n    request: { method: GET, path: ${path} }\n`).join('')}`;

describe('whole text bodies that look like drawn ids (rule 32, reviewed)', () => {
  it.each(FIXTURES)('$name: the unit is a row, the drawn ids another', async (f) => {
    const constants = Object.keys(f.constants);
    const paths = [...f.clocks, ...f.mints, f.sameUnit, ...constants];
    const causes = await rootCausesOfServers(library(paths), start(f));
    const shown = shownCauses(causes);
    const rowsOf = (id: string) => causes.filter((c) => c.caseIds.includes(id));
    // Kept apart: the clocks' unit is a row of its own (it was masked as drawn decimal ids).
    // Kept apart: the clocks' unit is a row (it was masked as drawn decimal ids), and no other
    // bare number's: a bare number recurs only as one pair (rule 9, reviewed), so the two
    // clocks are one row where they answered the same instant, else a row each.
    for (const id of ['s/c0', 's/c1']) {
      const own = rowsOf(id);
      expect(own, shown).toHaveLength(1);
      expect(own[0]?.summary, shown).toContain('body differs');
      expect(['s/c0', 's/c1'], shown).toEqual(
        expect.arrayContaining([...(own[0]?.caseIds ?? [''])]),
      );
    }
    // The class rule 32 was built for still joins: tokens against UUIDs, one row for both mints.
    const drawn = rowsOf('s/c2');
    expect(drawn, shown).toHaveLength(1);
    expect(drawn[0]?.summary, shown).toContain('drawn ids: letters and digits vs UUIDs');
    expect(drawn[0]?.caseIds, shown).toEqual(['s/c2', 's/c3']);
    // Still per-instance: one unit on both sides.
    expect(rowsOf('s/c4'), shown).toEqual([]);
    // Kept apart: constants that look like ids are text rows (rule 9), each its own, never
    // masked as drawn nor joined with the clocks (all digits, elided alike, were one row).
    for (const id of ['s/c5', 's/c6']) {
      expect(rowsOf(id), shown).toEqual([
        expect.objectContaining({
          summary: expect.stringContaining('body differs'),
          caseIds: [id],
        }),
      ]);
    }
    expect([4, 5], shown).toContain(causes.length);
  });
});
