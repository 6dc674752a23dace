/**
 * Issue 43, tracker rule 61 (`html-layouts.ts`), with real servers: HTML
 * pages a rewrite renders with a layout of its own (another `<head>`,
 * another structure, the same words) are one row listing every page, where
 * one pair of heads shows in two answers or more. Planted twice, with other
 * routes, words and layouts: a login and consent site, and an admin UI.
 * Kept apart, each its own row: a page both sides render with the old
 * layout, one message reworded (even beside pages of the new layout); an
 * HTML error page against a JSON error body; one page alone in another
 * layout. A `content-type` that differs in exactly the layout's answers is
 * the layout's; and a tracker written before (a row per page, keyed by its
 * endpoint) carries its decision to the layout's row.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { causeFingerprint } from '../../src/core/compare/root-cause.js';
import { parseTracker, trackerRows } from '../../src/io/tracker/parse.js';
import { latestReport, rootCausesOfServers, runCli, tempProject } from '../helpers/cli.js';
import type { TestServer } from '../helpers/http.js';
import { type Answer, jsonOf, routeCaseFile, routeServer } from '../helpers/route-answers.js';

type Layout = (title: string, content: string) => string;

interface Site {
  readonly name: string;
  /** The baseline's layout, and the candidate's own. */
  readonly old: Layout;
  readonly fresh: Layout;
  /** Pages by `METHOD /path`: their title and content, the same words on both sides. */
  readonly pages: Readonly<Record<string, readonly [string, string]>>;
  /** A page of the old layout on both sides whose message the candidate rewords. */
  readonly flash: { readonly endpoint: string; readonly words: readonly [string, string] };
  /** A route the baseline answers with an HTML 404 page, the candidate with a JSON error. */
  readonly missing: string;
}

const LOGIN: Site = {
  name: 'a login and consent site',
  old: (title, content) =>
    `<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<link rel="stylesheet" href="/site.css">\n</head>\n<body>\n<div class="page">\n<h1>${title}</h1>\n${content}\n</div>\n</body>\n</html>\n`,
  fresh: (title, content) =>
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n<title>${title} — Gate</title>\n<link rel="icon" href="/favicon.svg">\n<link rel="stylesheet" href="/gate.css">\n<script defer src="/gate.js"></script>\n</head>\n<body>\n<header class="bar"><nav><a href="/">Home</a></nav></header>\n<main>\n<h2>${title}</h2>\n${content}\n</main>\n</body>\n</html>\n`,
  pages: {
    'GET /login': ['Sign in', '<form method="post"><input name="user"><input name="pass"></form>'],
    'GET /consent': ['Consent', '<p>The application asks to read your notes.</p>'],
    'POST /login': ['Sign in', '<p class="error">Incorrect password</p>'],
  },
  flash: {
    endpoint: 'GET /logout',
    words: ['You are signed out', 'You have been signed out'],
  },
  missing: 'GET /nowhere',
};

const ADMIN: Site = {
  name: 'an admin UI',
  old: (title, content) =>
    `<html><head><title>Admin: ${title}</title><style>td { padding: 2px }</style></head><body><table class="frame"><tr><td>${content}</td></tr></table></body></html>`,
  fresh: (title, content) =>
    `<!doctype html><html data-theme="dark"><head><meta http-equiv="content-type" content="text/html"><title>${title}</title><script src="/admin.js"></script></head><body><section class="shell"><aside>Menu</aside><article>${content}</article></section></body></html>`,
  pages: {
    'GET /admin/users': ['Users', '<ul><li>root</li><li>guest</li></ul>'],
    'GET /admin/groups': ['Groups', '<ul><li>staff</li></ul>'],
  },
  flash: {
    endpoint: 'POST /admin/settings',
    words: ['Settings saved.', 'Your settings were stored.'],
  },
  missing: 'DELETE /admin/ghost',
};

const SITES = [LOGIN, ADMIN] as const;

const HTML = 'text/html; charset=utf-8';

/** What each side answers: `pages` in its layout, and what more the test asks for. */
function answerOf(
  site: Site,
  candidate: boolean,
  more: {
    readonly flash?: boolean;
    readonly missing?: boolean;
    readonly alone?: string;
    readonly type?: string;
  } = {},
) {
  return (method: string, path: string): Answer => {
    const endpoint = `${method} ${path}`;
    const page = site.pages[endpoint];
    // The baseline's pages labelled otherwise (`text/plain`): the label its layout wrote.
    const pageType = !candidate && more.type !== undefined ? more.type : HTML;
    if (page !== undefined) {
      // One page alone in another layout: the others both sides render with the old one.
      const own = more.alone === undefined || more.alone === endpoint;
      const layout = candidate && own ? site.fresh : site.old;
      return { status: 200, type: pageType, body: layout(page[0], page[1]) };
    }
    if (endpoint === site.flash.endpoint) {
      const words = site.flash.words[candidate ? 1 : 0] ?? '';
      return { status: 200, type: HTML, body: site.old('Notice', `<p class="flash">${words}</p>`) };
    }
    if (candidate) return jsonOf(404, { error: 'not_found', path });
    return { status: 404, type: HTML, body: site.old('Not found', `<p>No page at ${path}</p>`) };
  };
}

function library(site: Site, more: { readonly flash?: boolean; readonly missing?: boolean }) {
  const endpoints = [
    ...Object.keys(site.pages),
    ...(more.flash === true ? [site.flash.endpoint] : []),
    ...(more.missing === true ? [site.missing] : []),
  ];
  return routeCaseFile('s', Object.fromEntries(endpoints.map((e, i) => [`page-${i}`, e])));
}

/** The case id of an endpoint in `library`'s file. */
function caseOf(site: Site, endpoint: string, more: { readonly flash?: boolean }): string {
  const endpoints = [
    ...Object.keys(site.pages),
    ...(more.flash === true ? [site.flash.endpoint] : []),
  ];
  const index = endpoints.indexOf(endpoint);
  return `s/page-${index < 0 ? endpoints.length : index}`;
}

const pageIds = (site: Site) => Object.keys(site.pages).map((_, i) => `s/page-${i}`);

const LAYOUT_ROW =
  /^candidate renders its HTML pages with another layout \(another `<head>`\) on several endpoints \(text\/html, [0-9a-f]{8}\)$/;

function run(site: Site, more: Parameters<typeof answerOf>[2] = {}) {
  return rootCausesOfServers(library(site, more), (candidate) =>
    routeServer(answerOf(site, candidate, more)),
  );
}

describe('HTML pages rendered with another layout are one row (rule 61)', () => {
  it.each(SITES)('$name: every page in the new layout, one row', async (site) => {
    const causes = await run(site);
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([expect.stringMatching(LAYOUT_ROW)]);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(pageIds(site));
    // The row names no page's words.
    for (const [title] of Object.values(site.pages)) expect(summaries[0]).not.toContain(title);
  });

  it.each(SITES)(
    '$name: a page of the old layout whose message is reworded keeps its row',
    async (site) => {
      const causes = await run(site, { flash: true });
      const summaries = causes.map((c) => c.summary);
      expect(causes, JSON.stringify(summaries)).toHaveLength(2);
      const layout = causes.find((c) => LAYOUT_ROW.test(c.summary));
      expect([...(layout?.caseIds ?? [])].sort()).toEqual(pageIds(site));
      const flash = causes.find((c) => c !== layout);
      expect(flash?.caseIds).toEqual([caseOf(site, site.flash.endpoint, { flash: true })]);
      expect(flash?.summary).toBe(`${site.flash.endpoint}: body differs`);
    },
  );

  it.each(SITES)('$name: an HTML error page against a JSON error stays apart', async (site) => {
    const causes = await run(site, { missing: true });
    const summaries = causes.map((c) => c.summary);
    const layout = causes.find((c) => LAYOUT_ROW.test(c.summary));
    expect([...(layout?.caseIds ?? [])].sort(), JSON.stringify(summaries)).toEqual(pageIds(site));
    const missing = `s/page-${Object.keys(site.pages).length}`;
    const other = causes.filter((c) => c.caseIds.includes(missing));
    expect(other.length, JSON.stringify(summaries)).toBeGreaterThan(0);
    expect(other.every((c) => c !== layout)).toBe(true);
  });

  it.each(SITES)('$name: one page alone in another layout keeps its own row', async (site) => {
    const [alone = ''] = Object.keys(site.pages);
    const causes = await run(site, { alone });
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toEqual([`${alone}: body differs`]);
  });

  it.each(SITES)('$name: a content-type in exactly the layout’s answers is its', async (site) => {
    const causes = await run(site, { type: 'text/plain; charset=utf-8' });
    const summaries = causes.map((c) => c.summary);
    expect(causes, JSON.stringify(summaries)).toHaveLength(1);
    expect([...(causes[0]?.caseIds ?? [])].sort()).toEqual(pageIds(site));
    expect(summaries[0]).toMatch(/another layout/);
  });

  it.each(SITES)(
    '$name: the same content-type also on a page of the old layout keeps its row',
    async (site) => {
      const causes = await rootCausesOfServers(library(site, { flash: true }), (candidate) =>
        routeServer((method, path) => {
          const answer = answerOf(site, candidate, { flash: true })(method, path);
          return candidate ? answer : { ...answer, type: 'text/plain; charset=utf-8' };
        }),
      );
      const summaries = causes.map((c) => c.summary);
      const label = causes.find((c) => c.summary.includes('`content-type`'));
      expect(label?.caseIds.length, JSON.stringify(summaries)).toBe(pageIds(site).length + 1);
    },
  );
});

const TRACKER = 'docs/ARCHITECTURE_COMPARISON.md';

describe('a tracker of a row per page carries its decision to the layout’s row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each(SITES)('$name', async (site) => {
    const baseline = await routeServer(answerOf(site, false));
    const candidate = await routeServer(answerOf(site, true));
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': library(site, {}) });
    const argv = ['run', '--baseline', `a=${baseline.url}`, '--candidate', `b=${candidate.url}`];
    expect((await runCli(cwd, argv)).code).toBe(1);
    const [layout] = (await latestReport(cwd)).rootCauses ?? [];
    const shown = layout?.cause;
    if (shown?.type !== 'structure') throw new Error(`no layout row: ${layout?.summary}`);
    // As a tracker held it before: the first page's row, keyed by its endpoint.
    const [endpoint = ''] = Object.keys(site.pages);
    const old = causeFingerprint({ ...shown, endpoint });
    expect(old).not.toBe(layout?.fingerprint);
    const path = join(cwd, TRACKER);
    await writeFile(path, (await readFile(path, 'utf8')).replace(layout?.fingerprint ?? '', old));
    const rows = trackerRows(parseTracker(await readFile(path, 'utf8'), TRACKER));
    const [row] = rows;
    const note = 'the new layout is the design team’s';
    const decided = await runCli(cwd, ['decide', row?.id ?? '', 'accepted', '--note', note]);
    expect(decided.code, decided.stderr).toBe(0);

    // Only an accepted divergence is left: parity.
    expect((await runCli(cwd, argv)).code).toBe(0);
    const after = trackerRows(parseTracker(await readFile(path, 'utf8'), TRACKER));
    expect(after.find((r) => r.id === row?.id)?.status).toBe('superseded');
    const heir = after.find((r) => r.fingerprint === layout?.fingerprint);
    expect(heir?.status).toBe('accepted');
    expect(heir?.decision).toContain(note);
  });
});
