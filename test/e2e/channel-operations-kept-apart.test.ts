/**
 * Tracker rule 49, adversarial cases on real servers: a write one side
 * refuses on one channel, and a later message to a **sibling** channel
 * (another room under `/chat`, another region under `/orders`) whose
 * answers differ for a reason of their own. Siblings share a parent but
 * neither lies under the other, so the later message keeps its row: two
 * causes, two rows. Two fixtures with other paths, routing members and
 * body shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly member: string;
  readonly list: boolean;
  readonly written: string;
  readonly sibling: string;
  readonly extra: string;
}

const ROOMS: Fixture = {
  name: 'chat rooms routed by `channel`, in lists of messages',
  path: '/cometd',
  member: 'channel',
  list: true,
  written: '/chat/room-7',
  sibling: '/chat/room-8',
  extra: 'slowMode',
};

const REGIONS: Fixture = {
  name: 'order regions routed by `topic`, one envelope',
  path: '/events/bus',
  member: 'topic',
  list: false,
  written: '/orders/eu',
  sibling: '/orders/us',
  extra: 'currency',
};

/** `candidate` accepts the write, and adds a member of its own on the sibling channel. */
function server(f: Fixture, candidate: boolean) {
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
    if (channel === f.written) {
      if (!candidate) return json(res, 403, { error: 'channel closed' });
      return reply({ ok: true });
    }
    return reply(candidate ? { ok: true, [f.extra]: 'on' } : { ok: true });
  };
}

function cases(f: Fixture): string {
  const wrap = (message: string) => (f.list ? `[${message}]` : message);
  return `suite: s
serial: true
cases:
  - id: write
    request: { method: POST, path: ${f.path}, json: ${wrap(`{ ${f.member}: '${f.written}', data: { n: 1 } }`)} }
  - id: sibling
    request: { method: POST, path: ${f.path}, json: ${wrap(`{ ${f.member}: '${f.sibling}', data: { n: 2 } }`)} }
`;
}

describe('rule 49 kept apart: a sibling channel is not the written one', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([ROOMS, REGIONS])('$name: the sibling keeps its own row', async (f) => {
    const baseline = await startServer(server(f, false));
    const candidate = await startServer(server(f, true));
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const write = causes.filter((c) => c.caseIds.includes('s/write'));
    const sibling = causes.filter((c) => c.caseIds.includes('s/sibling'));
    expect(write).toHaveLength(1);
    expect(sibling).toHaveLength(1);
    expect(sibling[0]?.fingerprint).not.toBe(write[0]?.fingerprint);
    expect(sibling[0]?.summary).toContain(f.extra);
  });
});
