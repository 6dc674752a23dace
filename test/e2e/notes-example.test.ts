/**
 * The bundled flow example (`examples/flows/lifecycle.yaml`) against the two
 * bundled reference servers, which assign their own note ids and ETags: the
 * flow runs on per-target captures, and its one divergence is the runtimes'
 * real one (the 404's error envelope).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';

const FILE = fileURLToPath(new URL('../../examples/flows/lifecycle.yaml', import.meta.url));

describe('the bundled notes flow', () => {
  let serde: RunningServer;
  let go: RunningServer;
  beforeAll(async () => {
    serde = await startServer('serde');
    go = await startServer('go');
  });
  afterAll(async () => Promise.all([serde.close(), go.close()]));

  it("runs every step with each runtime's own ids and ETags; only the 404 envelope differs", async () => {
    const cwd = await tempProject({ 'cases/notes/lifecycle.yaml': await readFile(FILE, 'utf8') });
    const targets = ['--baseline', `rust=${serde.url}`, '--candidate', `go=${go.url}`];
    const result = await runCli(cwd, ['run', ...targets, '--no-tracker']);
    expect(result.code).toBe(1);
    const report = await latestReport(cwd);
    expect(report.results.map((r) => [r.flow?.step, r.verdict, r.baseline.status])).toEqual([
      ['create', 'equal', 201],
      ['read', 'equal', 200],
      ['not-modified', 'equal', 304],
      ['update', 'equal', 200],
      ['delete', 'equal', 204],
      ['gone', 'divergent', 404],
    ]);
    const [create, , , update, , gone] = report.results;
    expect(create?.flow?.masked).toEqual(['header etag', 'header location', '/id']);
    expect(update?.flow?.masked).toContain('header etag');
    expect(gone?.endpoint).toBe('GET /v1/notes/:id');
    expect(gone?.pattern?.matches.map((m) => m.name)).toEqual(['error-envelope']);
    // Each side's repro replays the flow up to the step (create … delete), its own id captured:
    // run against the servers, it gives that side's 404 again.
    for (const script of [gone?.repro?.baseline ?? '', gone?.repro?.candidate ?? '']) {
      expect(script).toMatch(/^# replays flow notes\/lifecycle up to step "gone"/);
      expect(script).toContain(`/v1/notes/'"$id_path"`);
      const out = await promisify(execFile)('sh', ['-c', script]);
      expect(out.stdout).toMatch(/^HTTP\/1\.1 404 /m);
    }
  });
});
