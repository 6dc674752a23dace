/**
 * Tracker rule 49 with real servers: on a protocol whose every message goes
 * to one path, the channel a message names (Bayeux's `channel`, another
 * envelope's `action`) is its operation, and a write one side accepted and
 * the other refused has consequences only on its own channel. A message to
 * another channel that one side answers otherwise keeps its row (two causes,
 * two rows), on two fixtures with other paths, members and body shapes;
 * kept together: a later read of the written channel that shows the write's
 * absence stays the write's consequence (one cause, one row).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** The body member that names the channel. */
  readonly member: string;
  /** Messages sent as a list of one (Bayeux) or as one object. */
  readonly list: boolean;
  /** The channel the write goes to, which the baseline refuses. */
  readonly written: string;
  /** Another channel, where the candidate's answer gains a member of its own. */
  readonly other: string;
  readonly extra: string;
}

const BAYEUX_LIKE: Fixture = {
  name: 'a list of messages routed by `channel`',
  path: '/faye',
  member: 'channel',
  list: true,
  written: '/chat/room-7',
  other: '/weather/today',
  extra: 'advice',
};

const ACTION_ENVELOPE: Fixture = {
  name: 'one envelope routed by `action`',
  path: '/socket/bus',
  member: 'action',
  list: false,
  written: '/ledger/credit',
  other: '/reports/daily',
  extra: 'deprecation',
};

/** `candidate`: the side that accepts the write and adds the extra member on the other channel. */
function server(f: Fixture, candidate: boolean) {
  const held: unknown[] = [];
  return (_req: IncomingMessage, res: ServerResponse, body: string) => {
    const parsed = JSON.parse(body) as Record<string, unknown> | Record<string, unknown>[];
    const message = (Array.isArray(parsed) ? parsed[0] : parsed) ?? {};
    const channel = message[f.member];
    const reply = (answer: Record<string, unknown>) =>
      json(
        res,
        200,
        f.list ? [{ [f.member]: channel, ...answer }] : { [f.member]: channel, ...answer },
      );
    if (channel === f.written && message['read'] === true) return reply({ ok: true, items: held });
    if (channel === f.written) {
      if (!candidate) return json(res, 400, { error: 'channel refused' });
      held.push(message['data']);
      return reply({ ok: true });
    }
    return reply(candidate ? { ok: true, [f.extra]: 'retry later' } : { ok: true });
  };
}

function cases(f: Fixture, later: 'other' | 'read'): string {
  const wrap = (message: string) => (f.list ? `[${message}]` : message);
  const laterMessage =
    later === 'other'
      ? `{ ${f.member}: '${f.other}', data: { n: 2 } }`
      : `{ ${f.member}: '${f.written}', read: true }`;
  return `suite: s
serial: true
cases:
  - id: write
    request: { method: POST, path: ${f.path}, json: ${wrap(`{ ${f.member}: '${f.written}', data: { n: 1 } }`)} }
  - id: later
    request: { method: POST, path: ${f.path}, json: ${wrap(laterMessage)} }
`;
}

describe('a message protocol: consequences on the written channel only (rule 49)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function causesOf(f: Fixture, later: 'other' | 'read') {
    const baseline = await startServer(server(f, false));
    const candidate = await startServer(server(f, true));
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f, later) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    return { causes: report.rootCauses ?? [], report };
  }

  it.each([BAYEUX_LIKE, ACTION_ENVELOPE])(
    '$name: a message to another channel keeps its own row',
    async (f) => {
      const { causes, report } = await causesOf(f, 'other');
      const write = causes.filter((c) => c.caseIds.includes('s/write'));
      expect(write).toHaveLength(1);
      expect(write[0]?.summary).toContain(`${f.path} ${f.written}`);
      const later = causes.filter((c) => c.caseIds.includes('s/later'));
      expect(later).toHaveLength(1);
      expect(later[0]?.fingerprint).not.toBe(write[0]?.fingerprint);
      expect(later[0]?.summary).toContain(f.extra);
      const result = report.results.find((r) => r.caseId === 's/later');
      expect(result?.endpoint).toBe(`POST ${f.path} ${f.other}`);
    },
  );

  it.each([BAYEUX_LIKE, ACTION_ENVELOPE])(
    '$name, kept together: a read of the written channel is the write’s consequence',
    async (f) => {
      const { causes } = await causesOf(f, 'read');
      expect(causes).toHaveLength(1);
      expect(causes[0]?.caseIds).toEqual(expect.arrayContaining(['s/write', 's/later']));
    },
  );
});
