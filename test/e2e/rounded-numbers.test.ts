/**
 * Rule 62, with real servers: numbers one side rounds to a double are one
 * row wherever they show. The candidate (a runtime whose JSON parser reads
 * every number as a double) answers the nearest double where the baseline
 * answers the exact integer past 2^53 it holds, at members of other names in
 * other objects on two endpoints. Kept apart, in the same answers: a big
 * number the candidate writes as another value (not its nearest double), and
 * a number the baseline rounds where the candidate keeps it exact: each a
 * row of its own. Two fixtures with other names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly things: string;
  readonly record: string;
  readonly amount: string;
  readonly totals: string;
  readonly total: string;
  readonly other: string;
  readonly serial: string;
  readonly exactOnCandidate: string;
}

const FIRST: Fixture = {
  name: 'account balances and a ledger total',
  things: 'accounts',
  record: 'account',
  amount: 'balanceCents',
  totals: 'ledger',
  total: 'sum',
  other: 'audit',
  serial: 'sequence',
  exactOnCandidate: 'checksum',
};
const SECOND: Fixture = {
  name: 'shipment weights and a depot figure',
  things: 'shipments',
  record: 'parcel',
  amount: 'weightMicrograms',
  totals: 'depot',
  total: 'stockMicrograms',
  other: 'tracking',
  serial: 'scanNumber',
  exactOnCandidate: 'hash',
};

/** 2^53 + 1 + 2n: odd integers past 2^53, which no double holds. */
const big = (n: number) => (9007199254740993n + 2n * BigInt(n)).toString();
/** What a runtime that parses numbers as doubles writes for an exact integer. */
const rounded = (text: string) => JSON.stringify(Number(text));

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const num = (text: string) => (candidate ? rounded(text) : text);
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, kind, n = '1'] = path.split('/');
    const i = Number(n);
    let body: string;
    if (kind === f.totals) {
      // The baseline rounds this one: the candidate keeps it exact.
      const other = candidate ? big(100 + i) : rounded(big(100 + i));
      body = `{"${f.totals}":{"${f.total}":${num(big(50 + i))}},"${f.exactOnCandidate}":${other}}`;
    } else {
      // Another value, not the nearest double: a number of its own.
      const serial = candidate ? String(7_000_000 + i) : big(200 + i);
      body = `{"${f.record}":{"${f.amount}":${num(big(i))}},"${f.other}":{"${f.serial}":${serial}}}`;
    }
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
  - id: three
    request: { method: GET, path: /${f.things}/3 }
  - id: totals-a
    request: { method: GET, path: /${f.totals}/4 }
  - id: totals-b
    request: { method: GET, path: /${f.totals}/5 }
`;

describe('numbers one side rounds to a double are one row wherever they show (rule 62)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([FIRST, SECOND])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(f), baseline, candidate);
    const shown = JSON.stringify(causes, null, 1);
    const roundedRows = causes.filter((c) => c.summary.includes('candidate rounds numbers'));
    expect(roundedRows, shown).toHaveLength(1);
    expect([...(roundedRows[0]?.caseIds ?? [])].sort()).toEqual([
      's/one',
      's/three',
      's/totals-a',
      's/totals-b',
      's/two',
    ]);
    const others = causes.filter((c) => c !== roundedRows[0]);
    expect(others, shown).toHaveLength(2);
    expect(others.some((c) => c.summary.includes(`/${f.other}/${f.serial}`))).toBe(true);
    expect(others.some((c) => c.summary.includes(`/${f.exactOnCandidate}`))).toBe(true);
  });
});
