/**
 * Tracker rule 9, issue 43: a text difference's row keeps its key whatever
 * later runs count, so a decision stays with the difference it was taken
 * for. On two real servers per fixture, one endpoint whose answers are
 * text, each answer asked by a query word:
 *
 * - difference A: each side's greeting, the candidate's with one more
 *   setting (and a session id each side draws);
 * - difference B: a refusal each side words otherwise.
 *
 * The first run shows A in three answers and B in two; a person accepts
 * A's row; the servers then answer so that the second run shows B in four
 * answers and A in two. A's row keeps its id, its key and its decision; B's
 * row stays open; no row is added, superseded or resolved. Kept apart: A
 * and B, two differences on one endpoint, are two rows in every run. And a
 * tracker written before (A's row keyed by its endpoint alone, as the
 * difference most answers showed was) carries its rows on a rerun with the
 * same answers: A's decision goes to A's row, B's row is untouched.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { causeFingerprint } from '../../src/core/compare/root-cause.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Names {
  /** The endpoint's path and the query parameter naming what is asked. */
  readonly path: string;
  readonly ask: string;
  /** The greeting, `{id}` for the drawn id; the candidate's has `extra` at `{extra}`. */
  readonly greeting: string;
  readonly extra: string;
  /** The refusal, each side's words. */
  readonly refusal: readonly [string, string];
}

const FIRST: Names = {
  path: '/poll/',
  ask: 'kind',
  greeting: 'HELLO sid={id} interval=25{extra}',
  extra: ' upgrades=websocket',
  refusal: ['closed: transport unknown', 'Transport unknown (code 0)'],
};
const SECOND: Names = {
  path: '/v4/stream',
  ask: 'mode',
  greeting: 'session {id}; retry 3000{extra}',
  extra: '; compression deflate',
  refusal: ['denied; quota reached', 'ERR quota exceeded, slow down'],
};

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

/** The cases, the same library in both runs: six answers of one endpoint. */
const CASE_IDS = ['one', 'two', 'three', 'four', 'five', 'six'] as const;

/** Per run, what each case is answered with: A, B, or the same text on both sides. */
const PLANS: Record<'first' | 'second', readonly ('A' | 'B' | '=')[]> = {
  first: ['A', 'A', 'A', 'B', 'B', '='],
  second: ['A', 'A', 'B', 'B', 'B', 'B'],
};

/** A session id of twenty letters and digits, as a server draws one. */
const drawn = () => `${randomBytes(15).toString('base64url').slice(0, 19)}7`;

function server(names: Names, candidate: boolean, plan: () => readonly string[]) {
  return startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const asked = CASE_IDS.indexOf(url.searchParams.get(names.ask) as (typeof CASE_IDS)[number]);
    res.writeHead(200, { 'content-type': 'text/plain' });
    const answer = plan()[asked];
    if (answer === 'A') {
      const greeting = names.greeting.replace('{id}', drawn());
      res.end(greeting.replace('{extra}', candidate ? names.extra : ''));
    } else if (answer === 'B') {
      res.end(names.refusal[candidate ? 1 : 0]);
    } else {
      res.end('pong');
    }
  });
}

const cases = ({ path, ask }: Names) =>
  `suite: api\ncases:\n${CASE_IDS.map(
    (id) => `  - id: ${id}\n    request: { method: GET, path: "${path}?${ask}=${id}" }\n`,
  ).join('')}`;

const rowsOf = async (cwd: string) =>
  trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));

describe('a text difference keeps its row whatever later runs count (rule 9, issue 43)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  /** Both servers, answering after `phase.plan`, and a project holding the cases. */
  async function pair(names: Names) {
    const phase = { plan: PLANS.first };
    const baseline = await server(names, false, () => phase.plan);
    const candidate = await server(names, true, () => phase.plan);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/api.yaml': cases(names) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    return { cwd, argv, phase };
  }

  /** The run's root cause and tracker row that list `caseId`. */
  async function causeOf(cwd: string, caseId: string) {
    const cause = (await latestReport(cwd)).rootCauses?.find((c) => c.caseIds.includes(caseId));
    const row = (await rowsOf(cwd)).find((r) => r.fingerprint === cause?.fingerprint);
    return { cause, row };
  }

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: a decision on A stays with A when B shows in more answers', async (_, names) => {
    const { cwd, argv, phase } = await pair(names);
    expect((await runCli(cwd, argv)).code).toBe(1);
    const a1 = await causeOf(cwd, 'api/one');
    const b1 = await causeOf(cwd, 'api/four');
    // Kept apart: two differences on one endpoint are two rows; A, in most answers, reads as the endpoint's.
    expect(a1.cause?.caseIds).toEqual(['api/one', 'api/two', 'api/three']);
    expect(a1.cause?.summary).toBe(`GET ${names.path}: body differs`);
    expect(b1.cause?.caseIds).toEqual(['api/four', 'api/five']);
    expect(b1.cause?.summary).toMatch(/body differs another way \(text\/plain, [0-9a-f]{8}\)$/);
    const note = 'the extra setting is announced on purpose';
    const decided = await runCli(cwd, ['decide', a1.row?.id ?? '', 'accepted', '--note', note]);
    expect(decided.code, decided.stderr).toBe(0);

    phase.plan = PLANS.second;
    expect((await runCli(cwd, argv)).code).toBe(1);
    const report = await latestReport(cwd);
    const a2 = await causeOf(cwd, 'api/one');
    const b2 = await causeOf(cwd, 'api/six');
    expect(a2.cause?.caseIds).toEqual(['api/one', 'api/two']);
    expect(b2.cause?.caseIds).toEqual(['api/three', 'api/four', 'api/five', 'api/six']);
    // A's row: the same id, key and decision; B's: the same id, open.
    expect(a2.cause?.fingerprint).toBe(a1.cause?.fingerprint);
    expect(a2.row).toMatchObject({ id: a1.row?.id, status: 'accepted' });
    expect(a2.row?.decision).toContain(note);
    expect(b2.cause?.fingerprint).toBe(b1.cause?.fingerprint);
    expect(b2.row).toMatchObject({ id: b1.row?.id, status: 'open' });
    expect(b2.row?.decision).not.toContain(note);
    expect(report.tracker?.added).toEqual([]);
    expect((await rowsOf(cwd)).map((row) => row.status).sort()).toEqual(['accepted', 'open']);
  });

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: a tracker written before carries its rows on a rerun', async (_, names) => {
    const { cwd, argv } = await pair(names);
    expect((await runCli(cwd, argv)).code).toBe(1);
    const a = await causeOf(cwd, 'api/one');
    const b = await causeOf(cwd, 'api/four');
    // As the tracker held it before: A, the difference most answers showed, keyed by its endpoint alone.
    const shown = a.cause?.cause;
    if (shown?.type !== 'structure')
      throw new Error(`A's row is no text difference: ${a.cause?.summary}`);
    const { apart: _apart, main: _main, ...endpointOnly } = shown;
    const old = causeFingerprint(endpointOnly);
    expect(old).not.toBe(a.cause?.fingerprint);
    const path = join(cwd, TRACKER);
    await writeFile(path, (await readFile(path, 'utf8')).replace(a.cause?.fingerprint ?? '', old));
    const note = 'greeting checked with the client team';
    const decided = await runCli(cwd, ['decide', a.row?.id ?? '', 'accepted', '--note', note]);
    expect(decided.code, decided.stderr).toBe(0);
    const before = await rowsOf(cwd);

    expect((await runCli(cwd, argv)).code).toBe(1);
    const after = await rowsOf(cwd);
    const report = await latestReport(cwd);
    // The old row is superseded by A's row, which takes its decision; B's row is as it was.
    const oldRow = after.find((row) => row.id === a.row?.id);
    expect(oldRow?.status).toBe('superseded');
    expect(oldRow?.decision).toBe(before.find((row) => row.id === a.row?.id)?.decision);
    const heir = await causeOf(cwd, 'api/one');
    expect(heir.cause?.fingerprint).toBe(a.cause?.fingerprint);
    expect(heir.row?.status).toBe('accepted');
    expect(heir.row?.decision).toContain(note);
    expect(oldRow?.summary).toContain(heir.row?.id ?? '?');
    expect((await causeOf(cwd, 'api/four')).row).toEqual(after.find((row) => row.id === b.row?.id));
    expect(after.find((row) => row.id === b.row?.id)?.status).toBe('open');
    // No orphan and nothing reopened: every row is seen, superseded or decided.
    expect(after.map((row) => row.status).sort()).toEqual(['accepted', 'open', 'superseded']);
    expect(report.tracker?.added).toEqual([heir.row?.id]);
    // A third run with the same answers changes no row.
    expect((await runCli(cwd, argv)).code).toBe(1);
    expect((await latestReport(cwd)).tracker?.added).toEqual([]);
    expect((await rowsOf(cwd)).map((row) => [row.id, row.status])).toEqual(
      after.map((row) => [row.id, row.status]),
    );
  });
});
