/**
 * A ledger API whose records each instance seals itself (issue 43): each
 * record holds the second it was sealed, written as a `0x` hex quantity, and
 * is named by a SHA-256 digest of its content, stamp included, with the
 * previous record's digest chained in, so each instance's digests are its
 * own. A transfer seals a record and keeps a receipt that names it by its
 * digest; the candidate charges another fee (the planted real change). Two
 * sets of names: a ledger of blocks, a book of sealed pages.
 */
import { createHash } from 'node:crypto';
import { json, startServer, type TestServer } from './http.js';

export interface LedgerNames {
  readonly records: string;
  readonly receipts: string;
  readonly digest: string;
  readonly previous: string;
  readonly stamp: string;
  readonly root: string;
  readonly recordDigest: string;
  readonly fee: string;
}

export const LEDGER: LedgerNames = {
  records: 'blocks',
  receipts: 'receipts',
  digest: 'hash',
  previous: 'parentHash',
  stamp: 'timestamp',
  root: 'stateRoot',
  recordDigest: 'blockHash',
  fee: 'fee',
};
export const PAGES: LedgerNames = {
  records: 'pages',
  receipts: 'proofs',
  digest: 'seal',
  previous: 'priorSeal',
  stamp: 'sealedAt',
  root: 'contentRoot',
  recordDigest: 'pageSeal',
  fee: 'charge',
};

export const sha256 = (text: string) => `0x${createHash('sha256').update(text).digest('hex')}`;
const ZERO = `0x${'0'.repeat(64)}`;

export function ledgerServer(names: LedgerNames, candidate: boolean): Promise<TestServer> {
  // Each instance its own clock: the candidate seals a few seconds later.
  const now = () => Math.floor(Date.now() / 1000) + (candidate ? 3 : 0);
  const records: Record<string, unknown>[] = [];
  const balances: Record<string, number> = { alice: 100 };
  const seal = (entries: readonly string[]) => {
    const previous = records.at(-1)?.[names.digest] ?? ZERO;
    const content = {
      number: `0x${records.length.toString(16)}`,
      [names.previous]: previous,
      [names.stamp]: `0x${now().toString(16)}`,
      [names.root]: sha256(JSON.stringify(balances)),
      entries,
    };
    const record = { ...content, [names.digest]: sha256(JSON.stringify(content)) };
    records.push(record);
    return record;
  };
  seal([]);
  const receipts = new Map<string, Record<string, unknown>>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, resource, id] = url.pathname.split('/');
    if (req.method === 'POST' && resource === 'transfers') {
      const { to, amount } = JSON.parse(body || '{}') as { to: string; amount: number };
      balances[to] = (balances[to] ?? 0) + amount;
      // The entry's id is a digest of what was sent: the same on both sides.
      const entry = sha256(`${to}:${amount}:${records.length}`);
      const record = seal([entry]);
      receipts.set(entry, {
        entry,
        [names.recordDigest]: record[names.digest],
        number: record.number,
        // The planted real change: the candidate charges another fee.
        [names.fee]: candidate ? 2 : 1,
      });
      return json(res, 201, { entry });
    }
    if (resource === names.receipts && id !== undefined) {
      const receipt = receipts.get(id);
      return receipt === undefined ? json(res, 404, { error: 'none' }) : json(res, 200, receipt);
    }
    if (resource === names.records && id === 'latest') return json(res, 200, records.at(-1));
    if (resource === names.records && id !== undefined) {
      const record = records[Number(id)];
      return record === undefined ? json(res, 404, { error: 'none' }) : json(res, 200, record);
    }
    return json(res, 404, { error: 'no route' });
  });
}
