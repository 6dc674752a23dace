/**
 * Tracker rule 9, amended in session fifteen: two whole-text differences on
 * one endpoint are two rows, on two real servers. They plant, on one
 * endpoint each answer of which is text:
 *
 * - a greeting each side writes with a session id it draws (three
 *   answers): the candidate's announces one more setting, the same
 *   difference in every answer;
 * - a refusal each side words otherwise, in one answer;
 * - reads whose texts differ only in the id each side drew.
 *
 * The greeting is the endpoint's row (with the reads: no difference of
 * their own), the refusal a row of its own. A third fixture echoes each
 * answer's own word, written otherwise by each side: one row, not one per
 * answer. A tracker written while the greeting showed alone keeps its
 * row, a person's decision on it, and gains the refusal's row alone (a
 * later run's other counts: `text-row-keys.test.ts`).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Names {
  /** The endpoint's path. */
  readonly path: string;
  /** The query parameter naming what is asked. */
  readonly ask: string;
  /** The greeting's text, `{id}` for the drawn id; the candidate's has `extra` at `{extra}`. */
  readonly greeting: string;
  readonly extra: string;
  /** The refusal of one answer, each side's words. */
  readonly refusal: readonly [string, string];
}

const FIRST: Names = {
  path: '/socket/',
  ask: 'op',
  greeting: '0{"sid":"{id}","ping":25000{extra}}',
  extra: ',"maxPayload":1000000',
  refusal: ['44/nope,"Unable to connect"', '44/nope,{"message":"Invalid namespace"}'],
};
const SECOND: Names = {
  path: '/v2/session',
  ask: 'step',
  greeting: 'WELCOME id={id} timeout=30{extra}',
  extra: ' compression=gzip',
  refusal: ['DENIED room is locked', 'ERROR: locked (try later)'],
};

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

/** A session id of twenty letters and digits, as Engine.IO draws one. */
const drawn = () => `${randomBytes(15).toString('base64url').slice(0, 19)}7`;

function server(names: Names, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const asked = url.searchParams.get(names.ask) ?? '';
    res.writeHead(200, { 'content-type': 'text/plain' });
    if (asked === 'hello') {
      const greeting = names.greeting.replace('{id}', drawn());
      res.end(greeting.replace('{extra}', candidate ? names.extra : ''));
    } else if (asked === 'refused') {
      res.end(names.refusal[candidate ? 1 : 0]);
    } else {
      // A read: the same text, the id each side drew for it.
      res.end(`40{"sid":"${drawn()}"}\u001e42["said","hi"]`);
    }
  });
}

const cases = ({ path, ask }: Names) => `suite: api
cases:
  - id: hello
    request: { method: GET, path: "${path}?${ask}=hello" }
  - id: hello-again
    request: { method: GET, path: "${path}?${ask}=hello&n=2" }
  - id: hello-third
    request: { method: GET, path: "${path}?${ask}=hello&n=3" }
  - id: read
    request: { method: GET, path: "${path}?${ask}=read" }
  - id: read-again
    request: { method: GET, path: "${path}?${ask}=read&n=2" }
  - id: refused
    request: { method: GET, path: "${path}?${ask}=refused" }
`;

/** Each answer echoes the word it was asked for, each side writing it its own way. */
function echoServer(route: string, candidate: boolean): Promise<TestServer> {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const word = url.searchParams.get('w') ?? '';
    res.writeHead(url.pathname === route ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(candidate ? `<${word}>` : `echo: ${word}`);
  });
}

const echoCases = (route: string, words: readonly string[]) =>
  `suite: api\ncases:\n${words
    .map((word) => `  - id: ${word}\n    request: { method: GET, path: "${route}?w=${word}" }\n`)
    .join('')}`;

describe('two text differences on one endpoint (rule 9)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  async function pair(names: Names) {
    const baseline = await server(names, false);
    const candidate = await server(names, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    return { cwd, argv };
  }

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: the greeting and the refusal are two rows', async (_, names) => {
    const { cwd, argv } = await pair(names);
    const run = await runCli(cwd, argv);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    expect(causes.map((cause) => [cause.summary, cause.caseIds])).toEqual([
      [
        `GET ${names.path}: body differs`,
        ['api/hello', 'api/hello-again', 'api/hello-third', 'api/read', 'api/read-again'],
      ],
      [
        expect.stringMatching(
          new RegExp(`^GET ${names.path}: body differs another way \\(text/plain, [0-9a-f]{8}\\)$`),
        ),
        ['api/refused'],
      ],
    ]);
    // A second run adds no row.
    expect((await runCli(cwd, argv)).code).toBe(1);
    expect((await latestReport(cwd)).tracker?.added).toEqual([]);
  });

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: a tracker written before keeps its row and its decision', async (_, names) => {
    const { cwd, argv } = await pair(names);
    // The greeting alone, in two answers: a row keyed by itself, the key it keeps beside the refusal.
    const greetings = ['api/hello', 'api/hello-again', 'api/read'];
    for (const id of greetings) argv.push('--filter', id);
    expect((await runCli(cwd, argv)).code).toBe(1);
    const decided = await runCli(cwd, [
      'decide',
      'PAR-001',
      'accepted',
      '--note',
      'one more setting is fine',
    ]);
    expect(decided.code, decided.stderr).toBe(0);
    const before = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));

    const all = argv.filter((arg, n) => arg !== '--filter' && argv[n - 1] !== '--filter');
    expect((await runCli(cwd, all)).code).toBe(1);
    const report = await latestReport(cwd);
    const after = trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
    const carried = after.find((row) => row.id === 'PAR-001');
    expect(carried?.fingerprint).toBe(before[0]?.fingerprint);
    expect(carried?.status).toBe('accepted');
    expect(carried?.decision).toContain('one more setting is fine');
    // The refusal is the one new row; nothing is superseded or left behind.
    expect(after.map((row) => row.status)).toEqual(['accepted', 'open']);
    expect(report.tracker?.added).toHaveLength(1);
    const refusal = report.rootCauses?.find((cause) => cause.caseIds.includes('api/refused'));
    expect(refusal?.caseIds).toEqual(['api/refused']);
    expect(refusal?.fingerprint).not.toBe(before[0]?.fingerprint);
  });

  it.each([
    ['/echo/', ['apple', 'pear', 'plum', 'fig']],
    ['/v1/say', ['hello', 'world', 'again']],
  ])('%s: texts that each echo their own word stay one row', async (route, words) => {
    const baseline = await echoServer(route, false);
    const candidate = await echoServer(route, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': echoCases(route, words) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    expect((await runCli(cwd, argv)).code).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    expect(causes.map((cause) => [cause.summary, cause.caseIds.length])).toEqual([
      [`GET ${route}: body differs`, words.length],
    ]);
  });
});
