/**
 * Rule 62, an adversarial review (issue 43: grouping must never hide a
 * decision), with real servers. A service whose baseline keeps integers past
 * 2^53 exact and computes its ratios with a decimal type (28 digits), against
 * a candidate whose runtime reads and writes every number as a double: the
 * candidate rounds the integers (an id or a count lost) AND the fractions (a
 * value computed in double arithmetic). Two choices, fixed in two places (the
 * JSON reader and writer; the arithmetic), so two rows: the integers one row
 * wherever they show, the fractions another. Kept apart as well: a fraction
 * the candidate computes otherwise (not the nearest double). Two fixtures
 * with other names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The endpoint of the records, their big integer member, and their computed ratio. */
  readonly things: string;
  readonly id: string;
  readonly ratio: string;
  /** The endpoint of the summary, its big integer member and its computed figure. */
  readonly summary: string;
  readonly count: string;
  readonly figure: string;
}

const INVOICES: Fixture = {
  name: 'invoices: ledger ids and tax shares',
  things: 'invoices',
  id: 'ledgerId',
  ratio: 'taxShare',
  summary: 'books',
  count: 'entryCount',
  figure: 'averageShare',
};
const SENSORS: Fixture = {
  name: 'sensors: device serials and calibration factors',
  things: 'sensors',
  id: 'serial',
  ratio: 'gain',
  summary: 'fleet',
  count: 'samplesTaken',
  figure: 'meanGain',
};

/** 2^53 + 1 + 2n: odd integers past 2^53, which no double holds. */
const big = (n: number) => (9007199254740993n + 2n * BigInt(n)).toString();
/** n / 3 (and n / 7) to 28 significant digits, as a decimal type writes it. */
const third = (n: number) => `${n}.${'3'.repeat(27)}`;
const seventh = (n: number) => `${n}.${'142857'.repeat(4)}1428`;
/** What a runtime that handles numbers as doubles writes for an exact literal. */
const rounded = (text: string) => JSON.stringify(Number(text));

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const num = (text: string) => (candidate ? rounded(text) : text);
  return startServer((req, res) => {
    const [, kind, n = '1'] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const i = Number(n);
    const body =
      kind === f.summary
        ? `{"${f.count}":${num(big(40 + i))},"${f.figure}":${num(seventh(i))}}`
        : `{"${f.id}":${num(big(i))},"${f.ratio}":${num(third(i))}}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
}

const cases = (f: Fixture) => `suite: s
cases:
  - id: one
    request: { method: GET, path: /${f.things}/1 }
  - id: two
    request: { method: GET, path: /${f.things}/2 }
  - id: sum-a
    request: { method: GET, path: /${f.summary}/4 }
  - id: sum-b
    request: { method: GET, path: /${f.summary}/5 }
`;

describe('rule 62 kept apart: integers rounded and fractions rounded are two rows', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([INVOICES, SENSORS])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const shown = JSON.stringify(causes, null, 1);
    const integers = causes.filter((c) => c.summary.includes('candidate rounds numbers'));
    const fractions = causes.filter((c) => c.summary.includes('candidate rounds fractions'));
    expect(integers, shown).toHaveLength(1);
    expect(fractions, shown).toHaveLength(1);
    const all = ['s/one', 's/sum-a', 's/sum-b', 's/two'];
    expect([...(integers[0]?.caseIds ?? [])].sort(), shown).toEqual(all);
    expect([...(fractions[0]?.caseIds ?? [])].sort(), shown).toEqual(all);
    expect(integers[0]?.summary, shown).toContain(`/${f.count}`);
    expect(integers[0]?.summary, shown).not.toContain(`/${f.ratio}`);
    expect(fractions[0]?.summary, shown).toContain(`/${f.figure}`);
    expect(causes, shown).toHaveLength(2);
  });
});
