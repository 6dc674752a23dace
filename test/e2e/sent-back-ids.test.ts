/**
 * Tracker rule 49b with real servers: a value each side draws in one format
 * (letters and digits, hex digits) in the answer to a call that did not send
 * it, which a flow captured and sent back in a later request, is each side's
 * own; the same member in another answer of that endpoint, one no flow
 * captured, holds each side's own too and makes no row. Two fixtures with
 * other members, endpoints, formats and body shapes (a log-in's
 * `sessionToken`, a handshake's `clientId` in a list of messages); kept
 * apart: a value sent back that is each side's constant (a build name of
 * letters and digits, a version) keeps its row.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The call that answers the value, and the one it is sent back to. */
  readonly issue: { path: string; body: string };
  readonly use: { path: string; body: (variable: string) => string };
  /** Where the answer holds the value (a JSON pointer), and its member. */
  readonly pointer: string;
  readonly member: string;
  /** Each side's value for one answer. */
  readonly value: (candidate: boolean) => string;
  /** Messages answered as a list of one. */
  readonly list: boolean;
}

const base36 = (length: number) =>
  `k7${[...randomBytes(length)].map((b) => (b % 36).toString(36)).join('')}`.slice(0, length);

const SESSION_TOKEN: Fixture = {
  name: 'a log-in’s `sessionToken` of letters and digits',
  issue: { path: '/auth/login', body: '{ user: ada }' },
  use: { path: '/auth/refresh', body: (v) => `{ sessionToken: '{{${v}}}' }` },
  pointer: '/sessionToken',
  member: 'sessionToken',
  value: (candidate) => base36(candidate ? 31 : 24),
  list: false,
};

const CLIENT_ID: Fixture = {
  name: 'a handshake’s `clientId` of hex digits, in a list of messages',
  issue: { path: '/rt', body: "[{ channel: '/meta/handshake', version: '1.0' }]" },
  use: {
    path: '/rt',
    body: (v) => `[{ channel: '/meta/connect', clientId: '{{${v}}}' }]`,
  },
  pointer: '/0/clientId',
  member: 'clientId',
  value: (candidate) => `a${randomBytes(16).toString('hex')}`.slice(0, candidate ? 32 : 16),
  list: true,
};

const BUILD_NAME: Fixture = {
  name: 'a constant build name sent back',
  issue: { path: '/v2/hello', body: '{ agent: parity }' },
  use: { path: '/v2/ack', body: (v) => `{ build: '{{${v}}}' }` },
  pointer: '/build',
  member: 'build',
  value: (candidate) => (candidate ? 'rel2025b9x' : 'rel2024a7'),
  list: false,
};

function server(f: Fixture, candidate: boolean) {
  return (req: IncomingMessage, res: ServerResponse, body: string) => {
    const sent = body === '' ? {} : (JSON.parse(body) as unknown);
    const isIssue = req.url === f.issue.path && !body.includes(f.member);
    const answer = isIssue
      ? { ok: true, [f.member]: f.value(candidate) }
      : { ok: true, echo: sent };
    return json(res, 200, f.list ? [answer] : answer);
  };
}

function cases(f: Fixture): string {
  return `suite: s
serial: true
sideEffects: true
cases:
  - id: plain
    request: { method: POST, path: ${f.issue.path}, json: ${f.issue.body} }
  - id: flow
    steps:
      - id: issue
        request: { method: POST, path: ${f.issue.path}, json: ${f.issue.body} }
        capture: { held: { json: ${f.pointer} } }
      - id: use
        request: { method: POST, path: ${f.use.path}, json: ${f.use.body('held')} }
`;
}

describe('ids a flow sent back are each side’s own (rule 49b)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function reportOf(f: Fixture) {
    const baseline = await startServer(server(f, false));
    const candidate = await startServer(server(f, true));
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBeLessThanOrEqual(1);
    return latestReport(cwd);
  }

  it.each([SESSION_TOKEN, CLIENT_ID])(
    '$name: the answer no flow captured makes no row',
    async (f) => {
      const report = await reportOf(f);
      const plain = (report.rootCauses ?? []).filter((c) => c.caseIds.includes('s/plain'));
      expect(plain).toEqual([]);
      const result = report.results.find((r) => r.caseId === 's/plain');
      expect(JSON.stringify(result?.generated)).toContain(f.pointer);
    },
  );

  it('kept apart: a constant sent back keeps its row', async () => {
    const report = await reportOf(BUILD_NAME);
    const plain = (report.rootCauses ?? []).filter((c) => c.caseIds.includes('s/plain'));
    expect(plain).toHaveLength(1);
    expect(plain[0]?.summary).toContain('/build');
  });
});
