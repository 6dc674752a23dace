/**
 * Tracker rule 9 as amended in session sixteen (each whole-text difference
 * of an endpoint keyed by its own content once one shows in two answers or
 * more), reviewed adversarially (issue 43: grouping never hides a decision)
 * on real servers with APIs other than the one it was built for:
 *
 * - **kept apart**: a refusal that names a value the request sent, worded
 *   otherwise by a side that names another value (the unit it would have
 *   taken, the role it grants), beside answers that each echo what they
 *   were sent: eliding the sent values still leaves the two refusals apart;
 * - **a decision stays with its difference**: a difference decided while it
 *   was the one most answers showed keeps its row, status and decision when
 *   a later run shows another difference in more answers (the endpoint's
 *   wording moves, never the key);
 * - **kept apart** (narrowed): texts that differ in their numbers alone on
 *   several endpoints, a version in every page's footer and a limit on
 *   others: with their digits elided both were one difference (no line on
 *   either side), one row; each is keyed by the lines whose numbers differ.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

interface Fixture {
  readonly path: string;
  /** The query parameter each case sends. */
  readonly ask: string;
  /** The values sent, one case each. */
  readonly asked: readonly string[];
  /** Each side's text for a value sent. */
  readonly texts: (asked: string) => readonly [string, string];
}

function server(f: Fixture, side: 0 | 1): Promise<TestServer> {
  return startServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://x').searchParams.get(f.ask) ?? '';
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(f.texts(asked)[side]);
  });
}

const library = (f: Fixture) =>
  `suite: api\ncases:\n${f.asked
    .map((v) => `  - id: ${v}\n    request: { method: GET, path: "${f.path}?${f.ask}=${v}" }\n`)
    .join('')}`;

const SENT: readonly (Fixture & { readonly refused: string })[] = [
  {
    path: '/convert',
    ask: 'unit',
    asked: ['meters', 'inches', 'feet', 'yards'],
    refused: 'yards',
    // The candidate names the unit it falls back to, not the one sent.
    texts: (unit) =>
      unit === 'yards'
        ? ['unknown unit yards', 'unknown unit feet']
        : [`converted to ${unit}`, `result in ${unit}`],
  },
  {
    path: '/v2/grants',
    ask: 'role',
    asked: ['owner', 'editor', 'admin', 'viewer'],
    refused: 'viewer',
    // The candidate grants the viewer one more right: a decision of its own.
    texts: (role) =>
      role === 'viewer'
        ? ['role viewer: read', 'role viewer: read, comment']
        : [`role ${role}: all rights`, `${role} has all rights`],
  },
];

describe('two text differences on one endpoint, reviewed (rule 9, kept apart)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function project(f: Fixture) {
    const [baseline, candidate] = [await server(f, 0), await server(f, 1)];
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': library(f) });
    return {
      cwd,
      argv: ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`],
    };
  }

  it.each(SENT.map((f) => [f.path, f] as const))(
    '%s: a text naming a value sent, worded otherwise, is a row beside the echoes',
    async (_, f) => {
      const { cwd, argv } = await project(f);
      const run = await runCli(cwd, argv);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const causes = (await latestReport(cwd)).rootCauses ?? [];
      const ids = f.asked.map((v) => `api/${v}`);
      expect(causes.map((c) => [c.summary, c.caseIds])).toEqual([
        [`GET ${f.path}: body differs`, ids.filter((id) => id !== `api/${f.refused}`)],
        [expect.stringContaining('body differs another way'), [`api/${f.refused}`]],
      ]);
    },
  );

  it.each(SENT.map((f) => [f.path, f] as const))(
    '%s: a decision stays with its difference when another shows in more answers',
    async (_, f) => {
      // First the refusal twice (then the difference most answers show) and one echo.
      const [echo = ''] = f.asked;
      const cases = (echoes: readonly string[]) =>
        `suite: api\ncases:\n${[
          ['refused', f.refused],
          ['refused-again', `${f.refused}&again=1`],
          ...echoes.map((v) => [v, v]),
        ]
          .map(
            ([id, q]) =>
              `  - id: ${id}\n    request: { method: GET, path: "${f.path}?${f.ask}=${q}" }\n`,
          )
          .join('')}`;
      const { cwd, argv } = await project(f);
      await writeFile(join(cwd, 'cases/api.yaml'), cases([echo]));
      expect((await runCli(cwd, argv)).code).toBe(1);
      const rows = async () =>
        trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
      const refusal = (await rows()).find((row) => row.caseIds.includes('api/refused'));
      expect(refusal?.summary).toBe(`GET ${f.path}: body differs`);
      const note = ['decide', refusal?.id ?? '', 'accepted', '--note', 'kept on purpose'];
      expect((await runCli(cwd, note)).code).toBe(0);
      // Then every echo: they outnumber the refusal now, which is worded another way.
      const echoes = f.asked.filter((v) => v !== f.refused);
      await writeFile(join(cwd, 'cases/api.yaml'), cases(echoes));
      expect((await runCli(cwd, argv)).code).toBe(1);
      const after = await rows();
      const kept = after.find((row) => row.id === refusal?.id);
      expect(kept?.fingerprint).toBe(refusal?.fingerprint);
      expect(kept?.status).toBe('accepted');
      expect(kept?.decision).toContain('kept on purpose');
      // The run words the refusal another way now; its row, key and decision stay.
      const causes = (await latestReport(cwd)).rootCauses ?? [];
      const now = causes.find((c) => c.fingerprint === refusal?.fingerprint);
      expect(now?.summary).toContain('body differs another way');
      expect(kept?.caseIds).toEqual(['api/refused', 'api/refused-again']);
      // The echoes' row is the one new row: nothing reopened, superseded or left behind.
      expect(after.map((row) => row.status).sort()).toEqual(['accepted', 'open']);
    },
  );
});

/** Two endpoints that print a version alike, two others a limit: texts that differ in numbers alone. */
const NUMBERED: readonly {
  readonly version: readonly [string, string];
  readonly limit: readonly [string, string];
  readonly texts: (path: string) => readonly [string, string];
}[] = [
  {
    version: ['/docs/start', '/docs/faq'],
    limit: ['/api/limits', '/api/quota'],
    texts: (path) =>
      path.startsWith('/docs/')
        ? ['powered by Wiki 1.2', 'powered by Wiki 1.3']
        : ['max 100 requests per minute', 'max 60 requests per minute'],
  },
  {
    version: ['/help', '/about'],
    limit: ['/v1/pool', '/v1/workers'],
    texts: (path) =>
      path.startsWith('/v1/') ? ['workers: 4', 'workers: 8'] : ['build 2024.01', 'build 2024.03'],
  },
];

describe('texts that differ in their numbers alone on several endpoints (rule 9, kept apart)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(NUMBERED.map((f) => [f.version[0], f] as const))(
    '%s: a version printed alike and a limit are two rows',
    async (_, f) => {
      const serve = (side: 0 | 1) =>
        startServer((req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(f.texts(new URL(req.url ?? '/', 'http://x').pathname)[side]);
        });
      const [baseline, candidate] = [await serve(0), await serve(1)];
      started.push(baseline, candidate);
      const paths = [...f.version, ...f.limit];
      const lib = `suite: api\ncases:\n${paths
        .map((path, n) => `  - id: c${n}\n    request: { method: GET, path: "${path}" }\n`)
        .join('')}`;
      const cwd = await tempProject({ 'cases/api.yaml': lib });
      const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
      expect((await runCli(cwd, argv)).code).toBe(1);
      const causes = (await latestReport(cwd)).rootCauses ?? [];
      expect(causes.map((c) => c.caseIds).sort()).toEqual([
        ['api/c0', 'api/c1'],
        ['api/c2', 'api/c3'],
      ]);
      for (const cause of causes)
        expect(cause.summary).toContain('body differs alike on several endpoints');
    },
  );
});
