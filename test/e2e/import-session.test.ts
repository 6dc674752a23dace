/**
 * Importing a session keeps it a session: a HAR or a curl script that
 * registers (each server issues its own token), publishes with that token,
 * reads the revision each server stamps and deletes by it becomes one flow
 * in source order whose captures carry each target's own values, so its
 * writes are accepted on both sides. Requests that differ only in
 * credentials are never merged.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/** A tiny registry: its own tokens and revisions, like two instances of one service. */
function registry(): Promise<TestServer> {
  const salt = randomBytes(4).toString('hex');
  const tokens = new Map<string, string>();
  const packages = new Map<string, { rev: number; owner: string }>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const user = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const [, kind, name, dash, rev] = url.pathname.split('/');
    if (kind === 'users' && req.method === 'PUT') {
      const token = `tok-${salt}-${randomBytes(6).toString('hex')}`;
      tokens.set(token, name ?? '');
      return json(res, 201, { ok: `user ${name} created`, token });
    }
    if (kind === 'whoami') {
      return user === undefined
        ? json(res, 401, { error: 'no' })
        : json(res, 200, { username: user });
    }
    if (kind !== 'pkgs' || name === undefined) return json(res, 404, { error: 'no route' });
    const found = packages.get(name);
    if (req.method === 'GET') {
      if (found === undefined) return json(res, 404, { error: 'not found' });
      return json(res, 200, { name, _rev: `${found.rev}-${salt}`, owner: found.owner });
    }
    if (user === undefined) return json(res, 401, { error: 'log in first' });
    if (req.method === 'PUT') {
      packages.set(name, { rev: (found?.rev ?? 0) + 1, owner: user });
      return json(res, 201, { ok: 'published', description: JSON.parse(body || '{}').description });
    }
    if (req.method === 'DELETE' && dash === '-rev') {
      if (found === undefined || rev !== `${found.rev}-${salt}`)
        return json(res, 409, { error: 'stale rev' });
      packages.delete(name);
      return json(res, 200, { ok: 'unpublished' });
    }
    return json(res, 405, { error: 'method' });
  });
}

const har = (origin: string) =>
  JSON.stringify({
    log: {
      entries: [
        entry('PUT', `${origin}/users/alice`, {}, { password: 'alice-pass-1' }, 201, {
          ok: 'user alice created',
          token: 'tok-recorded-6f2a91c0d3e4',
        }),
        entry(
          'GET',
          `${origin}/whoami`,
          { Authorization: 'Bearer tok-recorded-6f2a91c0d3e4' },
          undefined,
          200,
          {
            username: 'alice',
          },
        ),
        entry('GET', `${origin}/whoami`, {}, undefined, 401, { error: 'no' }),
        entry(
          'PUT',
          `${origin}/pkgs/tiny`,
          { Authorization: 'Bearer tok-recorded-6f2a91c0d3e4' },
          { description: 'a tiny package' },
          201,
          { ok: 'published', description: 'a tiny package' },
        ),
        entry('GET', `${origin}/pkgs/tiny`, {}, undefined, 200, {
          name: 'tiny',
          _rev: '1-5f5e2e',
          owner: 'alice',
        }),
        entry(
          'DELETE',
          `${origin}/pkgs/tiny/-rev/1-5f5e2e`,
          { Authorization: 'Bearer tok-recorded-6f2a91c0d3e4' },
          undefined,
          200,
          { ok: 'unpublished' },
        ),
        entry('GET', `${origin}/pkgs/tiny`, {}, undefined, 404, { error: 'not found' }),
      ],
    },
  });

function entry(
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  status: number,
  answer: unknown,
) {
  const sent = Object.entries(headers).map(([name, value]) => ({ name, value }));
  return {
    request: {
      method,
      url,
      headers:
        body === undefined ? sent : [...sent, { name: 'Content-Type', value: 'application/json' }],
      ...(body === undefined
        ? {}
        : { postData: { mimeType: 'application/json', text: JSON.stringify(body) } }),
    },
    response: {
      status,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { mimeType: 'application/json', text: JSON.stringify(answer) },
    },
  };
}

const CURL = (origin: string) => `#!/bin/sh
TOKEN=$(curl -s -X PUT ${origin}/users/alice -H 'content-type: application/json' -d '{"password":"alice-pass-1"}' | jq -r .token)
curl -s ${origin}/whoami -H "Authorization: Bearer $TOKEN"
curl -s ${origin}/whoami
curl -s -X PUT ${origin}/pkgs/tiny -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"description":"a tiny package"}'
REV=$(curl -s ${origin}/pkgs/tiny | jq -r '._rev')
curl -s -X DELETE "${origin}/pkgs/tiny/-rev/$REV" -H "Authorization: Bearer \${TOKEN}"
curl -s ${origin}/pkgs/tiny
`;

describe('parity import of a session', () => {
  const servers: TestServer[] = [];
  beforeAll(async () => {
    servers.push(await registry(), await registry());
  });
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it.each([
    ['har', 'session.har', har],
    ['curl', 'session.sh', CURL],
  ])(
    '%s: one flow in source order, captures per target, writes accepted on both sides',
    async (kind, file, source) => {
      const [a, b] = servers;
      const cwd = await tempProject({ [file]: source('http://127.0.0.1:9') });
      const imported = await runCli(cwd, ['import', kind, file, '--out', 'cases']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('into 1 case file(s)');
      const text = await readFile(join(cwd, 'cases/session.yaml'), 'utf8');
      expect(text).toContain('sideEffects: true');
      // The token each server issues is captured per target, as a secret, and sent back.
      expect(text).toMatch(/capture:\n +(token|TOKEN): \{ json: \/token, secret: true \}/);
      expect(text).toMatch(/authorization: Bearer \{\{(token|TOKEN)\}\}/);
      expect(text).toMatch(/path: \/pkgs\/tiny\/-rev\/\{\{(rev|REV)\}\}/);
      expect(text).not.toContain('tok-recorded');
      // whoami with and without a token are two steps, never one case seen twice.
      expect(text.match(/path: \/whoami/g)).toHaveLength(2);
      expect((await runCli(cwd, ['validate', 'cases'])).code).toBe(0);
      const run = await runCli(cwd, [
        'run',
        'cases',
        '--baseline',
        `a=${a?.url}`,
        '--candidate',
        `b=${b?.url}`,
        '--no-tracker',
      ]);
      const report = await latestReport(cwd);
      const statuses = report.results.map((r) => `${r.baseline.status} ${r.candidate.status}`);
      expect(statuses, run.stdout).toEqual([
        '201 201',
        '200 200',
        '401 401',
        '201 201',
        '200 200',
        '200 200',
        '404 404',
      ]);
      expect(
        report.results.every((r) => r.verdict === 'equal'),
        run.stdout,
      ).toBe(true);
      expect(run.code).toBe(0);
    },
  );

  it('never merges requests that differ in credentials (plain cases)', async () => {
    const cwd = await tempProject({
      'calls.sh': [
        `curl http://127.0.0.1:9/-/whoami -H 'Authorization: Bearer abcdef123456'`,
        'curl http://127.0.0.1:9/-/whoami',
        'curl http://127.0.0.1:9/-/whoami',
      ].join('\n'),
    });
    const imported = await runCli(cwd, ['import', 'curl', 'calls.sh', '--out', 'cases']);
    expect(imported.code).toBe(0);
    const [only] = await readdir(join(cwd, 'cases'));
    const text = await readFile(join(cwd, 'cases', only ?? ''), 'utf8');
    expect(text.match(/- id: /g)).toHaveLength(2);
    expect(text).toContain(
      'the same request was seen 2 times: curl command 2 (line 2), curl command 3 (line 3)',
    );
  });
});
