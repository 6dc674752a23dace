/**
 * Issue 43, rule 47: both sides refuse the same requests, the candidate
 * with another status (one transition in every such answer), in one
 * envelope on both sides, naming each error's class otherwise and wording
 * each refusal its own way: one row (the transition, the class, the
 * wordings), not a row for the status, one for the class and one per wording.
 *
 * **Kept apart**, each in a fixture: a request refused with the same status
 * on both sides and worded otherwise (rule 8's row); a wording also seen
 * where the status did not change (its own row); a request one side accepted
 * (rule 4's row); a router's status (`404`) against a refusal; a second
 * transition (`403 → 401` beside `400 → 422`: two rows); a value of another
 * object of the same answers (`/meta/hint`).
 *
 * Two fixtures with other routes, methods, envelopes, members and statuses:
 * a query API (`{status, errorType, error}`, `400 → 422`) and an orders API
 * (`{ok, code, detail, meta}`, `400 → 422` and `403 → 401`).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';

type Causes = Awaited<ReturnType<typeof rootCausesOfServers>>;

/** One request each side answers: status, then the body's varying members. */
interface Answer {
  readonly id: string;
  readonly request: string;
  readonly baseline: readonly [number, Record<string, unknown>];
  readonly candidate: readonly [number, Record<string, unknown>];
}

const rowsOf = (causes: Causes, id: string) => causes.filter((c) => c.caseIds.includes(`s/${id}`));
const text = (causes: Causes) =>
  JSON.stringify(causes.map((c) => [c.summary, [...c.caseIds].sort()]));

function serve(
  answers: readonly Answer[],
  key: (url: URL, method: string, body: string) => string,
) {
  return (candidate: boolean) =>
    startServer((req, res, sent) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const answer = answers.find((a) => a.id === key(url, req.method ?? 'GET', sent));
      if (answer === undefined) return json(res, 500, { unknown: req.url });
      const [status, body] = candidate ? answer.candidate : answer.baseline;
      return json(res, status, body);
    });
}

const cases = (answers: readonly Answer[]) =>
  `suite: s\ncases:\n${answers.map((a) => `  - id: ${a.id}\n    request: ${a.request}`).join('\n')}\n`;

/** A query API: `{status, errorType, error}`; the candidate refuses bad queries with 422. */
const refused = (errorType: string, error: string) => ({ status: 'error', errorType, error });
const QUERIES: readonly Answer[] = [
  {
    id: 'q-missing',
    request: '{ method: GET, path: /api/search }',
    baseline: [400, refused('bad_data', 'parameter q is required')],
    candidate: [422, refused('invalid_query', 'missing q argument')],
  },
  {
    id: 'q-syntax',
    request: '{ method: GET, path: /api/search, query: { q: "((" } }',
    baseline: [400, refused('bad_data', 'cannot parse expression: unbalanced parentheses')],
    candidate: [422, refused('invalid_query', 'syntax error in the query string')],
  },
  {
    id: 'range-reversed',
    request: '{ method: GET, path: /api/range, query: { from: "9", to: "1" } }',
    baseline: [400, refused('bad_data', 'invalid range: start after end')],
    candidate: [422, refused('invalid_query', 'the range end precedes its start')],
  },
  // The same wording, both refusing with 400: that wording is no transition's.
  {
    id: 'range-empty',
    request: '{ method: GET, path: /api/window }',
    baseline: [400, refused('bad_data', 'invalid range: start after end')],
    candidate: [400, refused('bad_data', 'the range end precedes its start')],
  },
  // Both refuse with 400, worded otherwise: rule 8's row.
  {
    id: 'q-long',
    request: '{ method: GET, path: /api/search, query: { q: "aaaaaaaaaaaaaaaaaaaaaaaaaaaa" } }',
    baseline: [400, refused('bad_data', 'the query is longer than the limit allows')],
    candidate: [400, refused('bad_data', 'too many characters in q')],
  },
  // One side accepts: rule 4's row.
  {
    id: 'limit-zero',
    request: '{ method: GET, path: /api/search, query: { q: up, limit: "0" } }',
    baseline: [400, refused('bad_data', 'limit must be positive')],
    candidate: [200, { status: 'success', data: [] }],
  },
  // A router's status against a refusal, twice: no transition of this rule.
  {
    id: 'label-unknown',
    request: '{ method: GET, path: /api/labels/zzz/values }',
    baseline: [400, refused('bad_data', 'label name zzz is not valid here')],
    candidate: [404, refused('not_found', 'no label zzz')],
  },
  {
    id: 'target-unknown',
    request: '{ method: GET, path: /api/targets/zzz }',
    baseline: [400, refused('bad_data', 'target zzz is not valid here')],
    candidate: [404, refused('not_found', 'no target zzz')],
  },
];

/** An orders API: `{ok, code, detail, meta}`; 400 → 422 for input, 403 → 401 for credentials. */
const denied = (code: string, detail: string, hint: string) => ({
  ok: false,
  code,
  detail,
  meta: { hint },
});
const ORDERS: readonly Answer[] = [
  {
    id: 'lines-empty',
    request: '{ method: POST, path: /v2/orders, json: { lines: [] } }',
    baseline: [400, denied('E_INPUT', 'An order needs one line at least.', 'see the order schema')],
    candidate: [
      422,
      denied('validation_failed', 'lines: must not be empty', 'check the request body fields'),
    ],
  },
  {
    id: 'currency-unknown',
    request: '{ method: POST, path: /v2/orders, json: { lines: [1], currency: XXX } }',
    baseline: [400, denied('E_INPUT', 'Unknown currency.', 'see the order schema')],
    candidate: [
      422,
      denied(
        'validation_failed',
        'currency must be one of the shop currencies',
        'check the request body fields',
      ),
    ],
  },
  {
    id: 'quantity-negative',
    request: '{ method: PUT, path: /v2/carts/7, json: { quantity: -2 } }',
    baseline: [400, denied('E_INPUT', 'Quantity cannot be negative.', 'see the order schema')],
    candidate: [
      422,
      denied(
        'validation_failed',
        'quantity: must be zero or more',
        'check the request body fields',
      ),
    ],
  },
  {
    id: 'delete-anonymous',
    request: '{ method: DELETE, path: /v2/orders/5 }',
    baseline: [403, denied('E_DENIED', 'You may not delete this order.', 'sign in first')],
    candidate: [401, denied('unauthenticated', 'a bearer token is needed', 'sign in first')],
  },
  {
    id: 'refund-anonymous',
    request: '{ method: POST, path: /v2/refunds, json: { order: 5 } }',
    baseline: [403, denied('E_DENIED', 'Refunds need a signed-in customer.', 'sign in first')],
    candidate: [401, denied('unauthenticated', 'no credentials were presented', 'sign in first')],
  },
];

describe('refusals under another status, worded anew (rule 47)', () => {
  it('a query API: 400 → 422, the class and each wording one row; the rest apart', async () => {
    const causes = await rootCausesOfServers(
      cases(QUERIES),
      serve(QUERIES, (url) => {
        const q = url.searchParams.get('q');
        const p = url.pathname;
        if (p === '/api/search') {
          if (url.searchParams.get('limit') === '0') return 'limit-zero';
          return q === null ? 'q-missing' : q === '((' ? 'q-syntax' : 'q-long';
        }
        if (p === '/api/range') return 'range-reversed';
        if (p === '/api/window') return 'range-empty';
        return p.startsWith('/api/labels') ? 'label-unknown' : 'target-unknown';
      }),
    );
    const all = text(causes);
    const row = rowsOf(causes, 'q-missing');
    expect(row, all).toHaveLength(1);
    const [refusals] = row;
    expect([...(refusals?.caseIds ?? [])].sort(), all).toEqual(
      ['s/q-missing', 's/q-syntax', 's/range-reversed'].sort(),
    );
    expect(refusals?.summary, all).toContain('status 400 → 422 where both refuse');
    expect(refusals?.summary, all).toContain('`/errorType`');
    expect(rowsOf(causes, 'q-syntax'), all).toEqual(row);
    // The wording also seen where both answered 400 keeps its own row, shared with that answer.
    const reversed = rowsOf(causes, 'range-reversed');
    expect(reversed, all).toHaveLength(2);
    const wording = reversed.find((c) => c !== refusals);
    expect([...(wording?.caseIds ?? [])].sort(), all).toEqual([
      's/range-empty',
      's/range-reversed',
    ]);
    // Both 400, worded otherwise; one side accepting; a router's 404: none is the rule's row.
    for (const id of ['q-long', 'limit-zero', 'label-unknown', 'target-unknown']) {
      expect(rowsOf(causes, id).length, `${id}: ${all}`).toBeGreaterThan(0);
      expect(rowsOf(causes, id), `${id}: ${all}`).not.toContain(refusals);
    }
  });

  it('an orders API: 400 → 422 and 403 → 401 two rows; a value of another object apart', async () => {
    const causes = await rootCausesOfServers(
      cases(ORDERS),
      serve(ORDERS, (url, method, body) => {
        if (method === 'DELETE') return 'delete-anonymous';
        if (url.pathname === '/v2/refunds') return 'refund-anonymous';
        if (url.pathname.startsWith('/v2/carts')) return 'quantity-negative';
        return body.includes('currency') ? 'currency-unknown' : 'lines-empty';
      }),
    );
    const all = text(causes);
    const input = ['s/currency-unknown', 's/lines-empty', 's/quantity-negative'];
    const credentials = ['s/delete-anonymous', 's/refund-anonymous'];
    const [inputRow] = rowsOf(causes, 'lines-empty').filter((c) => c.summary.includes('→'));
    const [credentialsRow] = rowsOf(causes, 'delete-anonymous');
    expect([...(inputRow?.caseIds ?? [])].sort(), all).toEqual(input);
    expect(inputRow?.summary, all).toContain('status 400 → 422 where both refuse');
    expect(inputRow?.summary, all).toContain('`/code`');
    expect(rowsOf(causes, 'delete-anonymous'), all).toHaveLength(1);
    expect([...(credentialsRow?.caseIds ?? [])].sort(), all).toEqual(credentials);
    expect(credentialsRow?.summary, all).toContain('status 403 → 401 where both refuse');
    // `/meta/hint`, worded otherwise in the same answers, is a member of another object: its own row.
    for (const id of input) {
      const rows = rowsOf(causes, id.slice(2));
      expect(rows, all).toHaveLength(2);
      expect(rows, all).toContain(inputRow);
    }
    const hint = rowsOf(causes, 'lines-empty').find((c) => c !== inputRow);
    expect(hint?.summary, all).toContain('/meta/hint');
    expect(causes, all).toHaveLength(3);
  });
});
