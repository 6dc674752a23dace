/**
 * Issue 43: keys a write drew from letters and digits, whatever they drew.
 * A create answers a key drawn at random from 62 characters: one time in six
 * it holds no digit (`qWeRtYkLmN`), and otherwise its letters and digits
 * take another shape on each side (`aB3xYz9Kq1` against `Qw7rTy2uIo`). Each
 * side's key is its own, first seen in the answer to the write both sides
 * accepted, so it is no row, whether it drew digits or not; a word the
 * write answers (the candidate's `Received` against `Accepted`) keeps its
 * row. Two fixtures with other field names: a `POST` answered `201` and a
 * `PUT` answered `200`.
 */
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** A key of `length` drawn from `alphabet`, with both cases of letters (as drawn keys nearly always have). */
function drawn(alphabet: string, length: number): string {
  for (;;) {
    const key = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (/[a-z]/.test(key) && /[A-Z]/.test(key) && !/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(key)) {
      return key;
    }
  }
}

interface Api {
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly key: string;
  readonly state: string;
  readonly status: number;
  readonly length: number;
}

const CITIES: Api = {
  method: 'POST',
  path: '/classes/City',
  key: 'objectId',
  state: 'status',
  status: 201,
  length: 10,
};
const TICKETS: Api = {
  method: 'PUT',
  path: '/tickets/new',
  key: 'ref',
  state: 'phase',
  status: 200,
  length: 14,
};

function server(api: Api, candidate: boolean): Promise<TestServer> {
  let calls = 0;
  return startServer((req, res) => {
    if (req.method !== api.method || req.url !== api.path)
      return json(res, 404, { error: 'no route' });
    calls++;
    // The first write draws letters only on both sides; the second letters and digits.
    const alphabet = calls === 1 ? LETTERS : LETTERS + DIGITS;
    return json(res, api.status, {
      [api.key]: drawn(alphabet, api.length),
      // The planted real change: the candidate's word for the write's state.
      [api.state]: candidate ? 'Received' : 'Accepted',
    });
  });
}

const cases = (api: Api) => `suite: writes
serial: true
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: first
    request: { method: ${api.method}, path: ${api.path}, json: { name: Lisbon } }
  - id: second
    request: { method: ${api.method}, path: ${api.path}, json: { name: Porto } }
`;

describe('keys a write drew from letters and digits', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['a POST answered 201 (`objectId`)', CITIES],
    ['a PUT answered 200 (`ref`)', TICKETS],
  ])('%s: no row for the keys, the word its own row', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api, false), server(api, true)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(api), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(rows[0]).toContain(`/${api.state}`);
  });
});
