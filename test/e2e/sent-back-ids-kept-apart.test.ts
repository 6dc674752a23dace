/**
 * Tracker rule 49b, an adversarial case on real servers: an endpoint that
 * answers an id it already holds. A flow asks for an id, captures it and
 * sends it back, so ids at that member of that endpoint are each side's
 * own draws; but the baseline answers the id it holds when the same client
 * asks again (a log-in that reuses the open session, a push registry that
 * reuses a device's registration), where the candidate draws another (a
 * decision: one session per log-in). The id the baseline answers twice was
 * not drawn anew, so the second answer keeps its row instead of being
 * masked as each side's own. Two fixtures with other members, endpoints,
 * body shapes and id formats (letters and digits, hex), each side's ids of
 * two lengths.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  /** The body member naming who asks, and the answer's id pointer. */
  readonly by: string;
  readonly pointer: string;
  /** Each side's draw (the sides draw ids of two lengths). */
  readonly draw: (candidate: boolean) => string;
  answer(id: string): unknown;
  readonly use: string;
}

const base36 = (length: number) =>
  `k7${[...randomBytes(length)].map((b) => (b % 36).toString(36)).join('')}`.slice(0, length);

const LOGINS: Fixture = {
  name: 'a log-in whose baseline reuses the open session (`sessionToken`, letters and digits)',
  path: '/auth/login',
  by: 'user',
  pointer: '/sessionToken',
  draw: (candidate) => base36(candidate ? 31 : 24),
  answer: (id) => ({ ok: true, sessionToken: id }),
  use: '/auth/refresh',
};

const DEVICES: Fixture = {
  name: 'a push registry whose baseline reuses a device’s registration (`reg.handle`, hex)',
  path: '/push/register',
  by: 'device',
  pointer: '/reg/handle',
  draw: (candidate) => `a${randomBytes(16).toString('hex')}`.slice(0, candidate ? 32 : 16),
  answer: (id) => ({ reg: { handle: id, ttl: 3600 } }),
  use: '/push/send',
};

/** `reuses`: answers the id it holds for one who asks again. */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const held = new Map<string, string>();
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const sent = body === '' ? {} : (JSON.parse(body) as Record<string, string>);
    if (req.method === 'POST' && url.pathname === f.path) {
      const who = String(sent[f.by]);
      const id = (candidate ? undefined : held.get(who)) ?? f.draw(candidate);
      held.set(who, id);
      return json(res, 200, f.answer(id));
    }
    if (req.method === 'POST' && url.pathname === f.use) return json(res, 200, { ok: true });
    return json(res, 404, { missing: url.pathname });
  });
}

function cases(f: Fixture): string {
  return `suite: s
serial: true
sideEffects: true
cases:
  - id: flow
    steps:
      - id: ask
        request: { method: POST, path: ${f.path}, json: { ${f.by}: flowclient } }
        capture: { held: { json: ${f.pointer} } }
      - id: use
        request: { method: POST, path: ${f.use}, json: { token: '{{held}}' } }
  - id: ask-once
    request: { method: POST, path: ${f.path}, json: { ${f.by}: ada } }
  - id: ask-again
    request: { method: POST, path: ${f.path}, json: { ${f.by}: ada } }
`;
}

describe('rule 49b kept apart: an id one side answers again was not drawn anew', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([LOGINS, DEVICES])('$name: an id answered again keeps its row', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBeLessThanOrEqual(1);
    const report = await latestReport(cwd);
    console.log(
      'DBG',
      JSON.stringify(report.results.map((r) => [r.caseId, r.verdict, r.generated])),
    );
    const again = report.results.find((r) => r.caseId === 's/ask-again');
    expect(again?.verdict).toBe('divergent');
    expect(JSON.stringify(again?.generated ?? [])).not.toContain('sent back');
    const causes = (report.rootCauses ?? []).filter((c) => c.caseIds.includes('s/ask-again'));
    expect(causes.length).toBeGreaterThan(0);
  });
});
