/**
 * `parity proxy` applies `run`'s end-of-run pass over the same per-instance
 * values (`engine/run/same-pairs.ts`) at its refreshes and shutdown: a
 * server's own uuid and version, found per-instance in its root document,
 * are per-instance where the same two values come back in another request's
 * answer (its configuration), whichever came first; a version that is not the
 * servers' own keeps its row. Real servers behind the real proxy, two
 * fixtures with other field names and endpoints.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';
import { listenArgs, startShadowCli } from '../helpers/shadow.js';

interface Names {
  readonly config: string;
  readonly identity: string;
  readonly version: string;
  readonly vendor: string;
  readonly minimum: string;
}

const DOCS: Names = {
  config: '_config',
  identity: 'uuid',
  version: 'version',
  vendor: 'vendor',
  minimum: 'min_client',
};
const OTHER: Names = {
  config: 'settings',
  identity: 'node_id',
  version: 'release',
  vendor: 'build',
  minimum: 'oldest_supported',
};

function server(names: Names, candidate: boolean): Promise<TestServer> {
  const identity = randomUUID();
  const version = candidate ? '4.2.0' : '2.3.7';
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      return json(res, 200, {
        welcome: 'hi',
        [names.version]: version,
        [names.identity]: identity,
      });
    }
    if (path === `/${names.config}`) {
      return json(res, 200, {
        [names.vendor]: { name: 'the authors', [names.version]: version },
        // Not the servers' own version: a real change of what it accepts.
        clients: { [names.minimum]: candidate ? '2.9.0' : '2.3.1' },
      });
    }
    return json(res, 404, { error: 'missing' });
  });
}

describe('parity proxy: the same per-instance values found again elsewhere', () => {
  const started: TestServer[] = [];
  const agent = new Agent({ keepAliveTimeout: 10 });
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['document-store names', DOCS],
    ['other names', OTHER],
  ])(
    '%s: the servers’ own version masked in the configuration, the other version a row',
    async (_, names) => {
      const baseline = await server(names, false);
      const candidate = await server(names, true);
      started.push(baseline, candidate);
      const cwd = await tempProject();
      const proxy = await startShadowCli(
        cwd,
        listenArgs('proxy', `a=${baseline.url}`, `b=${candidate.url}`, '--no-tracker'),
      );
      // The configuration first: the pair is found per-instance only later, in the root document.
      for (const path of [`/${names.config}`, '/']) {
        const answer = await request(proxy.url + path, { dispatcher: agent });
        expect(answer.statusCode).toBe(200);
        await answer.body.dump();
      }
      proxy.signal('SIGTERM');
      expect(await proxy.ended).toBe(0);
      const report = JSON.parse(
        await readFile(join(cwd, 'reports', 'latest', 'report.json'), 'utf8'),
      ) as RunReport;
      expect(report.summary.cases).toBe(2);
      const rows = (report.rootCauses ?? []).map((r) => r.summary);
      expect(rows, rows.join('\n')).toHaveLength(1);
      expect(rows[0]).toContain(names.minimum);
      const config = report.results.find((r) => r.request.path === `/${names.config}`);
      expect(config?.generated).toEqual([
        expect.stringMatching(
          new RegExp(
            `^/${names.vendor}/${names.version} \\(the same two values as at /${names.version} of .*, found per-instance there\\)$`,
          ),
        ),
      ]);
    },
  );
});
