/**
 * The bundled example (`npm run demo`: cases/ against examples/servers) gives
 * one tracker row per root cause, and a second run adds none.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

/** The root causes a person counts in the bundled example, as their rows summarise them. */
const EXPECTED = [
  'externally tagged enum vs `Kind` discriminator',
  'absent vs null at `deleted_at`',
  'timestamp precision (rfc3339-z vs rfc3339-fraction-z) at `created_at`',
  '[] vs null at `records`, `tags`',
  'error envelope `error` vs `message`',
  'POST /v1/records: body differs',
  '4xx bodies: empty vs text',
];

describe('the bundled example', () => {
  let serde: RunningServer;
  let go: RunningServer;
  beforeAll(async () => {
    [serde, go] = await Promise.all([
      startServer('serde', { port: 0 }),
      startServer('go', { port: 0 }),
    ]);
  });
  afterAll(async () => Promise.all([serde.close(), go.close()]));

  it('gives one tracker row per root cause', async () => {
    const cwd = await tempProject({});
    await cp(join(ROOT, 'cases'), join(cwd, 'cases'), { recursive: true });
    const args = ['run', 'cases', '--baseline', `rust=${serde.url}`, '--candidate', `go=${go.url}`];
    const first = await runCli(cwd, args, { now: new Date('2026-11-20T10:00:00Z') });
    expect(first.code).toBe(1);
    const rows = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    expect(rows.map((r) => r.summary).sort()).toEqual([...EXPECTED].sort());
    // The five validator cases are one decision.
    const tagged = rows.find((r) => r.summary === EXPECTED[0]);
    expect(tagged?.caseIds).toHaveLength(5);
    const second = await runCli(cwd, args, { now: new Date('2026-11-21T10:00:00Z') });
    expect(second.code).toBe(1);
    expect((await latestReport(cwd)).tracker).toMatchObject({ added: [], resolved: [] });
  });
});
