/**
 * Tracker rule 51, adversarial cases on real servers: refusals that look
 * like one header check but are not.
 * - A method refused whole: every write the refusing side accepted was a
 *   `POST` (or a `PUT`) that sent a header of its own (`Idempotency-Key`,
 *   `If-Match`), and it refuses writes of another method on two endpoints
 *   with one status and body. Those requests lack the header only because
 *   of their method; the run cannot tell a check of the header from a
 *   method the side refuses (or two decisions): each keeps its row.
 * - An endpoint refused whatever was sent: one write that sent the header
 *   was refused with the same status and body, so the status is not the
 *   header's alone; it keeps its row.
 * Two fixtures with other sides, statuses, bodies, headers and routes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** `open`: both accept; `gated`: refused without the header; `forbidden`: refused whatever was sent. */
type Behaviour = 'open' | 'gated' | 'forbidden';

interface Route {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly behaviour: Behaviour;
  readonly withHeader: boolean;
}

interface Fixture {
  readonly name: string;
  readonly refuser: 'baseline' | 'candidate';
  readonly header: string;
  readonly status: number;
  readonly body: string;
  readonly routes: readonly Route[];
  /** The case ids that must each keep a row of their own. */
  readonly apart: readonly string[];
}

const r = (id: string, method: string, path: string, behaviour: Behaviour, withHeader: boolean) =>
  ({ id, method, path, behaviour, withHeader }) as const;

const FIXTURES: readonly Fixture[] = [
  {
    name: 'a shop whose candidate refuses deletes (403, empty); only its POSTs sent Idempotency-Key',
    refuser: 'candidate',
    header: 'Idempotency-Key',
    status: 403,
    body: '',
    routes: [
      r('create-cart', 'POST', '/api/carts', 'open', true),
      r('create-wishlist', 'POST', '/api/wishlists', 'open', true),
      r('drop-cart', 'DELETE', '/api/carts/c-1', 'forbidden', false),
      r('drop-wishlist', 'DELETE', '/api/wishlists/w-2', 'forbidden', false),
    ],
    apart: ['drop-cart', 'drop-wishlist'],
  },
  {
    name: 'a docs service whose baseline refuses POSTs (401, JSON); only its PUTs sent If-Match',
    refuser: 'baseline',
    header: 'If-Match',
    status: 401,
    body: '{"error":"denied"}',
    routes: [
      r('save-doc', 'PUT', '/v2/docs/d-1', 'open', true),
      r('save-sheet', 'PUT', '/v2/sheets/s-1', 'open', true),
      r('publish-doc', 'POST', '/v2/docs/d-1/publish', 'forbidden', false),
      r('share-sheet', 'POST', '/v2/sheets/s-1/share', 'forbidden', false),
    ],
    apart: ['publish-doc', 'share-sheet'],
  },
  {
    name: 'a notes app whose candidate checks X-CSRF-Token and keeps its archive read-only (403, empty)',
    refuser: 'candidate',
    header: 'X-CSRF-Token',
    status: 403,
    body: '',
    routes: [
      r('add-note', 'POST', '/api/notes', 'gated', true),
      r('add-tag', 'POST', '/api/tags', 'gated', true),
      r('add-note-plain', 'POST', '/api/notes', 'gated', false),
      r('add-tag-plain', 'POST', '/api/tags', 'gated', false),
      r('archive-note', 'POST', '/api/archive', 'forbidden', true),
    ],
    apart: ['archive-note'],
  },
  {
    name: 'a CRM whose baseline checks X-Requested-By and locks its pipelines (401, JSON)',
    refuser: 'baseline',
    header: 'X-Requested-By',
    status: 401,
    body: '{"error":"denied"}',
    routes: [
      r('save-lead', 'PUT', '/crm/leads/l-1', 'gated', true),
      r('save-deal', 'PUT', '/crm/deals/d-9', 'gated', true),
      r('save-lead-plain', 'PUT', '/crm/leads/l-1', 'gated', false),
      r('save-deal-plain', 'PUT', '/crm/deals/d-9', 'gated', false),
      r('reorder-stages', 'PUT', '/crm/pipelines/p-1', 'forbidden', true),
    ],
    apart: ['reorder-stages'],
  },
];

function server(f: Fixture, side: 'baseline' | 'candidate'): Promise<TestServer> {
  const header = f.header.toLowerCase();
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const found = f.routes.find((one) => one.method === req.method && one.path === path);
    if (found === undefined) return json(res, 404, { missing: path });
    const refused =
      side === f.refuser &&
      (found.behaviour === 'forbidden' ||
        (found.behaviour === 'gated' && req.headers[header] === undefined));
    if (refused) {
      res.writeHead(f.status, f.body === '' ? {} : { 'content-type': 'application/json' });
      res.end(f.body);
      return;
    }
    return json(res, 201, { done: found.id });
  });
}

function caseFile(f: Fixture): string {
  const each = f.routes.map((one) => {
    const body = one.method === 'DELETE' ? '' : ', json: { name: x }';
    const headers = one.withHeader ? `, headers: { ${f.header}: 'v1' }` : '';
    return `  - id: ${one.id}\n    request: { method: ${one.method}, path: ${one.path}${body}${headers} }`;
  });
  return `suite: s\nserial: true\nsideEffects: true\ncases:\n${each.join('\n')}\n`;
}

describe('rule 51 kept apart: refusals no missing header explains', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(FIXTURES)('$name', async (f) => {
    const a = await server(f, 'baseline');
    const b = await server(f, 'candidate');
    started.push(a, b);
    const cwd = await tempProject({ 'cases/s.yaml': caseFile(f) });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`);
    expect(out.code, out.stdout + out.stderr).toBe(1);
    const causes = ((await latestReport(cwd)).rootCauses ?? []).filter((c) => c.caseIds.length > 0);
    const all = JSON.stringify(causes.map((c) => [c.summary, c.caseIds]));
    for (const id of f.apart) {
      const held = causes.filter((c) => c.caseIds.includes(`s/${id}`));
      expect(held.length, `${id}: ${all}`).toBeGreaterThan(0);
      for (const cause of held) expect(cause.caseIds, `${id}: ${all}`).toEqual([`s/${id}`]);
      expect(held.map((c) => c.summary).join(' '), all).not.toContain('writes without');
    }
  });
});
