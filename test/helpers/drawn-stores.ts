/**
 * Servers whose lists are sorted by keys each side draws, and their case
 * libraries (`test/e2e/drawn-order*.test.ts`): a document store whose bulk
 * write draws UUIDs and whose query answers one member of each record in id
 * order (a flow), and a tag store whose creates answer drawn hex keys and whose
 * list answers names in key order (a serial file).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../../src/contract/report.js';
import { json, startServer, type TestServer } from './http.js';
/**
 * A document store: `_bulk` stores the records, drawing a UUID for one sent
 * without an id (the baseline's starts with `0`, before `a`; the candidate's
 * with `f`, after it), and `_find` answers each record's `n` in id order.
 */
export function docStore(side: {
  candidate: boolean;
  drawn?: string;
  /** A `warning` the answer to `_find` adds: each side's wording, a real change beside the order. */
  warning?: string;
}): Promise<TestServer> {
  const docs = new Map<string, Record<string, unknown>>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/items/_bulk') {
      const sent = (JSON.parse(body) as { docs: Record<string, unknown>[] }).docs;
      const out = sent.map((doc) => {
        const drawn = randomUUID();
        const id =
          typeof doc._id === 'string'
            ? doc._id
            : `${side.drawn ?? (side.candidate ? 'f' : '0')}${drawn.slice(1)}`;
        docs.set(id, doc);
        return { ok: true, id };
      });
      return json(res, 201, out);
    }
    if (req.method === 'POST' && url.pathname === '/items/_find') {
      const found = [...docs.entries()]
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([, doc]) => ({ n: doc.n }));
      return json(
        res,
        200,
        side.warning === undefined ? { docs: found } : { docs: found, warning: side.warning },
      );
    }
    return json(res, 404, { error: 'missing' });
  });
}

/**
 * A document store's baseline, candidate and replica: the candidate draws its
 * ids like the baseline's when `alike`, the replica otherwise.
 */
export function docStores(alike: boolean): Promise<[TestServer, TestServer, TestServer]> {
  return Promise.all([
    docStore({ candidate: false }),
    docStore({ candidate: true, ...(alike ? { drawn: '0' } : {}) }),
    docStore({ candidate: false, drawn: 'f' }),
  ]);
}

export const flowCases = `suite: store
sideEffects: true
cases:
  - id: bulk-and-find
    steps:
      - id: bulk
        request:
          method: POST
          path: /items/_bulk
          json: { docs: [ { _id: a, n: 1 }, { n: 3 } ] }
      - id: find
        request: { method: POST, path: /items/_find, json: { fields: [n] } }
`;

/**
 * Tags keyed by drawn hex (24 digits): each side draws its own, with first
 * digits that put the names in another order on each side; `/tags` answers
 * the names in key order. `/tags/all` answers the records in the order they
 * were created on the baseline, sorted by name on the candidate: a real change
 * (five tags: fewer would be sorted by name by chance too often to tell).
 */
export function tagStore(side: {
  candidate: boolean;
  alike?: boolean;
  /** Draws keys as the candidate does, but lists `/tags/all` as the baseline: a replica. */
  drawsLikeCandidate?: boolean;
}): Promise<TestServer> {
  const first: Record<string, string> =
    (side.candidate && side.alike !== true) || side.drawsLikeCandidate === true
      ? { teal: '2', amber: '3', rose: '1', plum: '4', jade: '5' }
      : { teal: '1', amber: '2', rose: '3', plum: '4', jade: '5' };
  const tags: { key: string; label: string }[] = [];
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    if (req.method === 'PUT' && parts[0] === 'tags' && parts[1] !== undefined) {
      const label = parts[1];
      const key = `${first[label] ?? '9'}${randomUUID().replaceAll('-', '').slice(0, 22)}c`;
      tags.push({ key, label });
      return json(res, 200, { key, label });
    }
    if (req.method === 'GET' && url.pathname === '/tags') {
      const byKey = [...tags].sort((x, y) => (x.key < y.key ? -1 : 1));
      return json(
        res,
        200,
        byKey.map((t) => t.label),
      );
    }
    if (req.method === 'GET' && url.pathname === '/tags/all') {
      const records = tags.map((t) => ({ label: t.label }));
      if (side.candidate) records.sort((x, y) => (x.label < y.label ? -1 : 1));
      return json(res, 200, { items: records });
    }
    return json(res, 404, { error: 'missing' });
  });
}

/**
 * A tag store's baseline, candidate and replica: the candidate draws its keys
 * like the baseline's when `alike`, the replica like the candidate's, and
 * lists `/tags/all` as the baseline does.
 */
export function tagStores(alike: boolean): Promise<[TestServer, TestServer, TestServer]> {
  return Promise.all([
    tagStore({ candidate: false }),
    tagStore({ candidate: true, alike }),
    tagStore({ candidate: false, drawsLikeCandidate: true }),
  ]);
}

export const serialCases = `suite: tags
serial: true
cases:
  - id: teal
    request: { method: PUT, path: /tags/teal }
  - id: amber
    request: { method: PUT, path: /tags/amber }
  - id: rose
    request: { method: PUT, path: /tags/rose }
  - id: plum
    request: { method: PUT, path: /tags/plum }
  - id: jade
    request: { method: PUT, path: /tags/jade }
  - id: list
    request: { method: GET, path: /tags }
  - id: all
    request: { method: GET, path: /tags/all }
`;

export function result(report: RunReport, id: string) {
  const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
  if (found === undefined) throw new Error(`no result ${id}`);
  return found;
}

export async function trackerRows(cwd: string): Promise<string[]> {
  const text = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
  return text.split('\n').filter((line) => line.startsWith('| PAR-'));
}

/** The same tags created and listed in one flow (a replica runs every flow, step by step). */
export const tagFlowCases = `suite: tagflow
sideEffects: true
cases:
  - id: tags
    steps:
${['teal', 'amber', 'rose', 'plum', 'jade']
  .map((tag) => `      - id: ${tag}\n        request: { method: PUT, path: /tags/${tag} }`)
  .join('\n')}
      - id: list
        request: { method: GET, path: /tags }
      - id: all
        request: { method: GET, path: /tags/all }
`;
