/**
 * Grouping rule 32, extended in session sixteen to whole text bodies: a
 * fresh id answered as the whole text body (a session token, a short link's
 * code) in one format class on one side and another on the other, each side
 * drawing a new one per request, is one row keyed by the two classes,
 * listing every endpoint that shows it (it was a `body differs` row per
 * endpoint). Kept apart in the same run: an id of one class on both sides
 * (per-instance: no row), an id after a label (`id:…`) and an id in a
 * sentence (texts: rule 9's rows), and a whole text body that differs
 * otherwise (rule 9 still keys it). Two fixtures with other routes and
 * pairs of classes; a run whose formats differ in one answer only (no drawn
 * row); and two pairs of classes on two endpoints each (two rows).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, rootCausesOfServers, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

type Draw = () => string;

/** A 64-bit number in decimal digits. */
const decimal: Draw = () => BigInt.asUintN(64, randomBytes(8).readBigUInt64BE()).toString();
/** Hex digits with a letter among them (one draw in 1,800 has none: drawn again). */
const hex: Draw = () => {
  for (;;) {
    const value = randomBytes(8).toString('hex');
    if (/[a-f]/.test(value)) return value;
  }
};
/** Letters and digits (base64url), both among them. */
const token: Draw = () => {
  for (;;) {
    const value = randomBytes(18).toString('base64url');
    if (/^[A-Za-z0-9]+$/.test(value) && /\d/.test(value) && /[g-zG-Z]/.test(value)) return value;
  }
};

interface Fixture {
  readonly name: string;
  /** Two endpoints that answer a fresh id as their whole body. */
  readonly mint: readonly [string, string];
  /** Each side's draw of it. */
  readonly draw: (candidate: boolean) => Draw;
  readonly type: string;
  /** Kept apart: an id of one class on both sides. */
  readonly alike: string;
  /** Kept apart: an id after a label on one side, an id in a sentence on one side. */
  readonly labelled: string;
  readonly sentence: string;
  /** Kept apart: a text that differs otherwise (rule 9). */
  readonly status: string;
  readonly classes: string;
}

const SESSIONS: Fixture = {
  name: 'session tokens: letters and digits vs UUIDs',
  mint: ['/api/session/new', '/api/v2/sessions/token'],
  draw: (candidate) => (candidate ? randomUUID : token),
  type: 'text/plain',
  alike: '/api/nonce',
  labelled: '/api/session/ticket',
  sentence: '/api/session/hello',
  status: '/api/health',
  classes: 'drawn ids: letters and digits vs UUIDs',
};

const LINKS: Fixture = {
  name: 'short links: decimal digits vs hex digits',
  mint: ['/s/mint', '/links/reserve'],
  draw: (candidate) => (candidate ? hex : decimal),
  type: 'text/html; charset=utf-8',
  alike: '/links/request-id',
  labelled: '/links/label',
  sentence: '/links/describe',
  status: '/links/ping',
  classes: 'drawn ids: decimal digits vs hex digits',
};

function start(f: Fixture, only?: string) {
  return (candidate: boolean) => {
    const draw = f.draw(candidate);
    return startServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const text = (body: string) => {
        res.writeHead(200, { 'content-type': f.type });
        res.end(body);
      };
      if (f.mint.includes(path) && (only === undefined || path === only)) {
        return text(`${draw()}\n`);
      }
      if (path === f.alike) return text(randomUUID());
      if (path === f.labelled) return text(candidate ? `id:${draw()}` : draw());
      if (path === f.sentence) return text(candidate ? draw() : `your id is ${draw()}`);
      if (path === f.status) return text(candidate ? 'healthy' : 'OK');
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
  };
}

const library = (paths: readonly string[]) => `suite: s
cases:
${paths.map((path, n) => `  - id: c${n}\n    request: { method: GET, path: ${path} }\n`).join('')}`;

const all = (f: Fixture) => [...f.mint, f.alike, f.labelled, f.sentence, f.status];

const drawnRows = (causes: Awaited<ReturnType<typeof rootCausesOfServers>>) =>
  causes.filter((c) => c.summary.startsWith('drawn ids'));

describe('a whole text body that is one drawn id (rule 32 on whole text bodies)', () => {
  it.each([SESSIONS, LINKS])('$name', async (f) => {
    const causes = await rootCausesOfServers(library(all(f)), start(f));
    const shown = shownCauses(causes);
    const drawn = drawnRows(causes);
    // One row, keyed by the two classes, listing both endpoints.
    expect(drawn, shown).toHaveLength(1);
    expect(drawn[0]?.summary, shown).toContain(f.classes);
    expect(drawn[0]?.caseIds, shown).toEqual(['s/c0', 's/c1']);
    // Kept apart: one class on both sides is per-instance, no row.
    expect(
      causes.filter((c) => c.caseIds.includes('s/c2')),
      shown,
    ).toEqual([]);
    // Kept apart: a label before the id, a sentence around it, another text: rule 9's rows.
    for (const id of ['s/c3', 's/c4', 's/c5']) {
      const own = causes.filter((c) => c.caseIds.includes(id));
      expect(own, shown).toHaveLength(1);
      expect(own[0]?.summary, shown).toContain('body differs');
      expect(own[0]?.caseIds, shown).toEqual([id]);
    }
    expect(causes, shown).toHaveLength(4);
  });

  it('formats that differ in one answer only are no drawn row', async () => {
    const f = SESSIONS;
    // One endpoint that mints, beside a text that differs otherwise (the run diverges).
    const causes = await rootCausesOfServers(library([f.mint[0], f.status]), start(f, f.mint[0]));
    const shown = shownCauses(causes);
    expect(drawnRows(causes), shown).toHaveLength(0);
    // Each side's own id, with rule 32's evidence short of a row: listed, not a row.
    expect(
      causes.filter((c) => c.caseIds.includes('s/c0')),
      shown,
    ).toEqual([]);
    expect(causes, shown).toHaveLength(1);
  });

  it('two pairs of classes on two endpoints each are two rows', async () => {
    const causes = await rootCausesOfServers(
      library([...SESSIONS.mint, ...LINKS.mint]),
      (candidate) => {
        const [session, link] = [SESSIONS.draw(candidate), LINKS.draw(candidate)];
        return startServer((req, res) => {
          const path = new URL(req.url ?? '/', 'http://x').pathname;
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(SESSIONS.mint.includes(path) ? session() : link());
        });
      },
    );
    const shown = shownCauses(causes);
    const drawn = drawnRows(causes);
    expect(drawn, shown).toHaveLength(2);
    expect(
      drawn.map((c) => c.caseIds),
      shown,
    ).toEqual(
      expect.arrayContaining([
        ['s/c0', 's/c1'],
        ['s/c2', 's/c3'],
      ]),
    );
    expect(causes, shown).toHaveLength(2);
  });
});

describe('a tracker written before whole text ids were read as ids', () => {
  const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

  it.each([SESSIONS, LINKS])(
    '$name: its rows are superseded, their decision carried',
    async (f) => {
      const [baseline, candidate] = [await start(f)(false), await start(f)(true)];
      try {
        const cwd = await tempProject({ 'cases/s.yaml': library(f.mint) });
        const argv = ['run', ...sidesOf(baseline, candidate)];
        // No second look: no evidence that the bodies are drawn, each endpoint's text row (as before).
        expect((await runCli(cwd, [...argv, '--second-look', '0'])).code).toBe(1);
        const rows = async () =>
          trackerRows(parseTracker(await readFile(join(cwd, TRACKER), 'utf8'), TRACKER));
        const before = await rows();
        expect(before.map((row) => row.summary)).toEqual(
          f.mint.map((path) => `GET ${path}: body differs`),
        );
        const note = ['decide', 'PAR-001', 'accepted', '--note', 'clients keep ids opaque'];
        expect((await runCli(cwd, note)).code).toBe(0);

        expect((await runCli(cwd, argv)).code).toBe(1);
        const report = await latestReport(cwd);
        const after = await rows();
        const drawn = after.filter((row) => row.summary.startsWith('drawn ids'));
        expect(drawn, JSON.stringify(after)).toHaveLength(1);
        // The decision taken on an endpoint's row, carried to the row that joins both.
        expect(drawn[0]?.decision).toBe('PAR-001 _accepted_: clients keep ids opaque');
        expect(drawn[0]?.caseIds).toEqual(['s/c0', 's/c1']);
        // No orphan: each earlier row superseded by the drawn row, none open or resolved.
        for (const id of ['PAR-001', 'PAR-002']) {
          expect(after.find((row) => row.id === id)?.status).toBe('superseded');
        }
        expect(after).toHaveLength(3);
        expect(report.tracker?.added).toHaveLength(1);
      } finally {
        await Promise.all([baseline.close(), candidate.close()]);
      }
    },
  );
});
