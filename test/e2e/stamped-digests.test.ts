/**
 * Issue 43: digests of records that hold per-instance values. Two instances
 * of one ledger API each seal a record with the second it was sealed, written
 * as a `0x` hex quantity, and name it by a SHA-256 digest of its content,
 * stamp included, with the previous record's digest chained in: each
 * instance's digests are its own. The stamps are compared as stamped during
 * the run, the digests beside them as changing with them, and a later
 * receipt that names a record by its digest, where no answer shows the
 * record again, as the member the run proved per-instance at that endpoint.
 * So no row is about a stamp or a digest; the planted real change (the
 * candidate's fee) stays its own row. A constant difference at a digest
 * member of an object with no per-instance value (a schema digest) keeps its
 * row (awaiting evidence, as before: a read shows it and nothing proves it
 * per-instance). Two fixtures with other field names.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import {
  LEDGER,
  type LedgerNames as Names,
  PAGES,
  ledgerServer as server,
  sha256,
} from '../helpers/ledger.js';

const cases = (names: Names) => `suite: ${names.records}
serial: true
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: first
    request: { method: GET, path: /${names.records}/0 }
  - id: transfer
    steps:
      - id: send
        request: { method: POST, path: /transfers, json: { to: bob, amount: 5 } }
        capture:
          entry: { json: /entry }
      - id: receipt
        request: { method: GET, path: "/${names.receipts}/{{entry}}" }
      - id: latest
        request: { method: GET, path: /${names.records}/latest }
  - id: second-transfer
    steps:
      - id: send
        request: { method: POST, path: /transfers, json: { to: carol, amount: 7 } }
        capture:
          entry: { json: /entry }
      - id: receipt
        request: { method: GET, path: "/${names.receipts}/{{entry}}" }
`;

describe('digests of records that hold per-instance values', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a ledger of blocks', LEDGER],
    ['a book of sealed pages', PAGES],
  ])('%s: no row for the stamps and digests, the real change its own row', async (_, names) => {
    const [baseline, candidate] = await Promise.all([server(names, false), server(names, true)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(names), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(JSON.stringify(causes[0]?.cause)).toContain(`/${names.fee}`);
    expect(causes[0]?.caseIds).toEqual([
      `${names.records}/transfer/receipt`,
      `${names.records}/second-transfer/receipt`,
    ]);
  });

  it.each([
    ['`schemaHash`', 'schemaHash', 'settings'],
    ['`layoutDigest`', 'layoutDigest', 'layout'],
  ])(
    'a constant difference at a digest member (%s) with no stamp beside it keeps its row',
    async (_, member, path) => {
      const serve = (version: string) =>
        startServer((_req, res) =>
          json(res, 200, { release: `r${version}`, [member]: sha256(`schema ${version}`) }),
        );
      const [baseline, candidate] = await Promise.all([serve('1'), serve('2')]);
      started.push(baseline, candidate);
      const library = `suite: ${path}
cases:
  - id: one
    request: { method: GET, path: /${path} }
  - id: two
    request: { method: GET, path: /${path}/again }
`;
      const causes = await rootCausesOfPair(library, baseline, candidate);
      const rows = causes.map((c) => `${c.kind} ${c.summary}`);
      // The digest keeps its row (awaiting evidence, as on main: a read shows it, nothing proves it
      // per-instance), beside the release's own.
      expect(rows, rows.join('\n')).toHaveLength(2);
      expect(rows.filter((row) => row.includes(`/${member}`))).toHaveLength(1);
      expect(rows.filter((row) => row.includes('/release'))).toHaveLength(1);
    },
  );
});
