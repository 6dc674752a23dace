/**
 * Issue 43: texts that carry a key a write drew. An identity API answers a
 * write with a password hash that names the salt it drew
 * (`fakeHash:salt=<drawn>:password=…`), a link that carries the code it drew
 * (`…?mode=reset&code=<drawn>&lang=en`), and a token that is base64 of a
 * record naming the account's drawn id. Each differs on every instance only
 * by those drawn pieces, in no request, so it is no row; a word changed
 * beside them (the link's `mode`, the token's `kind`) keeps its row. Two
 * fixtures with other field names: custom methods (`POST /v1/members:enrol`,
 * `…:find`) answered `200`, and a `PUT` answered `200`.
 */
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, rootCausesOfPair, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function drawn(length: number): string {
  for (;;) {
    const key = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/[a-z]/.test(key) && /[A-Z]/.test(key) && /\d/.test(key)) return key;
  }
}

interface Api {
  readonly writes: readonly { readonly method: 'POST' | 'PUT'; readonly path: string }[];
  readonly hash: string;
  readonly link: string;
  readonly token: string;
  readonly length: number;
}

const MEMBERS: Api = {
  writes: [
    { method: 'POST', path: '/v1/members:enrol' },
    { method: 'POST', path: '/v1/members:find' },
  ],
  hash: 'passwordDigest',
  link: 'resumeUrl',
  token: 'grant',
  length: 28,
};
const DEVICES: Api = {
  writes: [
    { method: 'PUT', path: '/devices/one' },
    { method: 'PUT', path: '/devices/two' },
  ],
  hash: 'pinHash',
  link: 'pairingLink',
  token: 'session',
  length: 20,
};

/** `planted`: where the candidate changes a word beside the drawn pieces ('link' or 'token'). */
function server(api: Api, planted?: 'link' | 'token'): Promise<TestServer> {
  return startServer((req, res) => {
    if (!api.writes.some((w) => w.method === req.method && w.path === req.url)) {
      return json(res, 404, { error: 'no route' });
    }
    const id = drawn(api.length);
    const salt = `salt${drawn(api.length)}`;
    const mode = planted === 'link' ? 'recover' : 'reset';
    const kind = planted === 'token' ? 'guest' : 'member';
    return json(res, 200, {
      [api.hash]: `fakeHash:salt=${salt}:password=s3cret-pw`,
      [api.link]: `http://app.example.test/act?mode=${mode}&code=${drawn(54)}&lang=en`,
      [api.token]: Buffer.from(JSON.stringify({ id, kind, project: 'demo' })).toString('base64'),
    });
  });
}

const cases = (api: Api) => `suite: pieces
serial: true
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
${api.writes
  .map(
    (w, i) => `  - id: write-${i}
    request: { method: ${w.method}, path: "${w.path}", json: { name: Ada } }`,
  )
  .join('\n')}
`;

describe('texts that differ only by pieces a write drew', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['custom methods answered 200', MEMBERS],
    ['a PUT answered 200', DEVICES],
  ])('%s: no row for the hash, the link or the token', async (_, api) => {
    const [baseline, candidate] = await Promise.all([server(api), server(api)]);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(api) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = await latestReport(cwd);
    expect(report.rootCauses ?? []).toEqual([]);
    const generated = report.results.flatMap((r) => r.generated ?? []);
    for (const member of [api.hash, api.link]) {
      expect(generated).toContainEqual(
        expect.stringMatching(new RegExp(`^/${member} \\(a text the same`)),
      );
    }
    expect(generated).toContainEqual(
      expect.stringMatching(new RegExp(`^/${api.token} \\(base64 of`)),
    );
  });

  it.each([
    ['custom methods, a word changed in the link', MEMBERS, 'link'],
    ['a PUT, a word changed in the token', DEVICES, 'token'],
  ] as const)('%s: keeps its row', async (_, api, planted) => {
    const [baseline, candidate] = await Promise.all([server(api), server(api, planted)]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(cases(api), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    // One row per endpoint written to, each at the member changed, none at the others.
    expect(rows, rows.join('\n')).toHaveLength(api.writes.length);
    for (const row of rows) {
      expect(row).toContain(planted === 'link' ? `/${api.link}\`` : `/${api.token}\``);
    }
  });
});

/**
 * A read that lists a code each side drew earlier and a link that carries
 * it: the code awaits evidence (one row), the link shows the same
 * difference again and is no row of its own; a link that changes a word too
 * keeps its row. Two fixtures with other field names.
 */
describe('a text that differs only by the value a member beside it holds', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  const reads = [
    { path: '/admin/codes', list: 'codes', code: 'oobCode', link: 'oobLink' },
    { path: '/invites', list: 'items', code: 'ticket', link: 'joinUrl' },
  ] as const;

  function reader(api: (typeof reads)[number], word: string): Promise<TestServer> {
    const code = drawn(54);
    return startServer((req, res) => {
      if (req.method !== 'GET' || req.url !== api.path) return json(res, 404, { error: 'no' });
      return json(res, 200, {
        [api.list]: [
          {
            email: 'ada@example.com',
            [api.code]: code,
            [api.link]: `http://app.example.test/act?mode=${word}&code=${code}&lang=en`,
          },
        ],
      });
    });
  }

  const readCases = (path: string) => `suite: reads
cases:
  - id: list
    request: { method: GET, path: ${path} }
`;

  it.each(reads)('$path: one row, at the code', async (api) => {
    const [baseline, candidate] = await Promise.all([reader(api, 'reset'), reader(api, 'reset')]);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': readCases(api.path) });
    // The code awaits evidence (no failing row): the run passes.
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const rows = causes.map((c) => `${c.kind} ${c.summary}`);
    expect(rows, rows.join('\n')).toHaveLength(1);
    expect(rows[0]).toContain(`/${api.code}\``);
  });

  it.each(reads)('$path: a word changed in the link keeps its row', async (api) => {
    const [baseline, candidate] = await Promise.all([reader(api, 'reset'), reader(api, 'recover')]);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(readCases(api.path), baseline, candidate);
    const rows = causes.map((c) => `${c.kind} ${c.summary}`).sort();
    expect(rows, rows.join('\n')).toHaveLength(2);
    expect(rows.join('\n')).toContain(`/${api.link}\``);
  });
});
