/**
 * Issue 43, tracker rule 61 (`html-layouts.ts`) reviewed against sites it
 * was not built for: two decisions that the layout row could plausibly
 * join stay two rows, each planted twice with other routes, words and
 * layouts.
 *
 * - Two apps, two new layouts: a rewrite that renders its public pages
 *   with one team's templates and its admin console with another's (two
 *   pairs of heads, each in two answers or more) is two layout rows, each
 *   listing its own pages.
 * - A head that drops one more element on some pages: every page moves to
 *   the new layout, and the form pages' head in the old layout carried a
 *   CSRF token meta the new one lacks there (Rails' `csrf_meta_tags`, a
 *   Django form page's extra meta): those pages show another pair of heads,
 *   so they stay out of the layout row (their own row, or a second layout
 *   row where they are two).
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { type Answer, routeCaseFile, routeServer } from '../helpers/route-answers.js';

type Layout = (title: string, content: string) => string;

const HTML = 'text/html; charset=utf-8';

const page = (layout: Layout, [title, content]: readonly [string, string]): Answer => ({
  status: 200,
  type: HTML,
  body: layout(title, content),
});

const LAYOUT_ROW = /another layout \(another `<head>`\)/;

interface TwoApps {
  readonly name: string;
  readonly old: Layout;
  /** The candidate's public layout and its admin layout. */
  readonly publicLayout: Layout;
  readonly adminLayout: Layout;
  readonly publicPages: Readonly<Record<string, readonly [string, string]>>;
  readonly adminPages: Readonly<Record<string, readonly [string, string]>>;
}

const SHOP: TwoApps = {
  name: 'a shop and its back office',
  old: (t, c) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${t}</title><link rel="stylesheet" href="/shop.css"></head><body>${c}</body></html>`,
  publicLayout: (t, c) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${t}</title><link rel="preload" href="/fonts.woff2" as="font"><link rel="stylesheet" href="/storefront.css"></head><body><main>${c}</main></body></html>`,
  adminLayout: (t, c) =>
    `<!doctype html><html data-app="backoffice"><head><meta charset="utf-8"><title>${t}</title><script type="module" src="/admin/app.js"></script><base href="/admin/"></head><body><div id="root">${c}</div></body></html>`,
  publicPages: {
    'GET /': ['Shop', '<p>Welcome</p>'],
    'GET /basket': ['Basket', '<p>Your basket is empty</p>'],
  },
  adminPages: {
    'GET /admin/orders': ['Orders', '<table><tr><td>#1</td></tr></table>'],
    'GET /admin/refunds': ['Refunds', '<p>No refunds</p>'],
  },
};

const WIKI: TwoApps = {
  name: 'a wiki and its moderation console',
  old: (t, c) =>
    `<html><head><title>Wiki - ${t}</title><style>body { margin: 0 }</style></head><body><div class="content">${c}</div></body></html>`,
  publicLayout: (t, c) =>
    `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="UTF-8"><title>${t}</title><link rel="alternate" type="application/atom+xml" href="/feed"><link rel="stylesheet" href="/skin.css"></head><body>${c}</body></html>`,
  adminLayout: (t, c) =>
    `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta name="robots" content="noindex"><title>Moderation: ${t}</title><script src="/mod.js" defer></script></head><body>${c}</body></html>`,
  publicPages: {
    'GET /wiki/Main_Page': ['Main Page', '<p>Hello wiki</p>'],
    'GET /wiki/Help': ['Help', '<p>How to edit</p>'],
    'GET /wiki/Sandbox': ['Sandbox', '<p>Try here</p>'],
  },
  adminPages: {
    'GET /mod/reports': ['Reports', '<ul><li>spam</li></ul>'],
    'GET /mod/bans': ['Bans', '<ul></ul>'],
  },
};

function twoApps(app: TwoApps, candidate: boolean) {
  return (method: string, path: string): Answer => {
    const endpoint = `${method} ${path}`;
    const own = app.publicPages[endpoint];
    if (own !== undefined) return page(candidate ? app.publicLayout : app.old, own);
    const admin = app.adminPages[endpoint] ?? ['Missing', ''];
    return page(candidate ? app.adminLayout : app.old, admin);
  };
}

const idsOf = (endpoints: readonly string[], all: readonly string[]) =>
  endpoints.map((e) => `s/page-${all.indexOf(e)}`).sort();

describe('rule 61 kept apart: two apps rendered with two new layouts are two rows', () => {
  it.each([SHOP, WIKI])('$name', async (app) => {
    const publicOnes = Object.keys(app.publicPages);
    const adminOnes = Object.keys(app.adminPages);
    const all = [...publicOnes, ...adminOnes];
    const library = routeCaseFile('s', Object.fromEntries(all.map((e, i) => [`page-${i}`, e])));
    const causes = await rootCausesOfServers(library, (c) => routeServer(twoApps(app, c)));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries)).toHaveLength(2);
    expect(summaries.every((s) => LAYOUT_ROW.test(s))).toBe(true);
    const rows = causes.map((c) => [...c.caseIds].sort());
    expect(rows).toContainEqual(idsOf(publicOnes, all));
    expect(rows).toContainEqual(idsOf(adminOnes, all));
  });
});

interface TokenSite {
  readonly name: string;
  /** The old layout; `token` adds the CSRF meta a form page's head carried. */
  readonly old: (title: string, content: string, token: boolean) => string;
  readonly fresh: Layout;
  /** Pages without a form. */
  readonly pages: Readonly<Record<string, readonly [string, string]>>;
  /** Pages with a form: the old layout's head carried a CSRF meta there. */
  readonly forms: Readonly<Record<string, readonly [string, string]>>;
}

const FORUM: TokenSite = {
  name: 'a forum whose form pages carried a CSRF meta',
  old: (t, c, token) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${t}</title>${token ? '<meta name="csrf-token" content="k9Xq2">' : ''}<link rel="stylesheet" href="/forum.css"></head><body>${c}</body></html>`,
  fresh: (t, c) =>
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${t} · Forum</title><link rel="stylesheet" href="/next.css"><script src="/next.js" defer></script></head><body>${c}</body></html>`,
  pages: {
    'GET /threads': ['Threads', '<ul><li>First post</li></ul>'],
    'GET /threads/1': ['First post', '<article>Hello</article>'],
    'GET /members': ['Members', '<ul><li>ann</li></ul>'],
  },
  forms: {
    'GET /threads/new': [
      'New thread',
      '<form method="post"><textarea name="body"></textarea></form>',
    ],
    'GET /settings': ['Settings', '<form method="post"><input name="email"></form>'],
  },
};

const CLINIC: TokenSite = {
  name: 'a booking site whose form pages carried a CSRF meta',
  old: (t, c, token) =>
    `<html><head><title>Clinic | ${t}</title>${token ? '<meta name="csrf_token" content="8f1e">' : ''}<script src="/legacy.js"></script></head><body>${c}</body></html>`,
  fresh: (t, c) =>
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${t}</title><link rel="icon" href="/icon.png"><link rel="stylesheet" href="/book.css"></head><body>${c}</body></html>`,
  pages: {
    'GET /doctors': ['Doctors', '<ul><li>Dr. Peeters</li></ul>'],
    'GET /opening-hours': ['Opening hours', '<p>Mon-Fri</p>'],
  },
  forms: {
    'GET /appointments/new': ['Book', '<form method="post"><input name="date"></form>'],
    'GET /appointments/cancel': ['Cancel', '<form method="post"><input name="code"></form>'],
  },
};

function tokenSite(site: TokenSite, candidate: boolean) {
  return (method: string, path: string): Answer => {
    const endpoint = `${method} ${path}`;
    const form = site.forms[endpoint];
    const [title, content] = form ?? site.pages[endpoint] ?? ['Missing', ''];
    const body = candidate
      ? site.fresh(title, content)
      : site.old(title, content, form !== undefined);
    return { status: 200, type: HTML, body };
  };
}

describe('rule 61 kept apart: form pages whose old head carried a CSRF meta', () => {
  it.each([FORUM, CLINIC])('$name stay out of the other pages’ layout row', async (site) => {
    const plain = Object.keys(site.pages);
    const forms = Object.keys(site.forms);
    const all = [...plain, ...forms];
    const library = routeCaseFile('s', Object.fromEntries(all.map((e, i) => [`page-${i}`, e])));
    const causes = await rootCausesOfServers(library, (c) => routeServer(tokenSite(site, c)));
    const summaries = causes.map((c) => c.summary);
    const layout = causes.find((c) => [...c.caseIds].sort().join() === idsOf(plain, all).join());
    expect(layout?.summary, JSON.stringify(summaries)).toMatch(LAYOUT_ROW);
    // The form pages are a row of their own, never the plain pages'.
    const formIds = idsOf(forms, all);
    const formRows = causes.filter((c) => c.caseIds.some((id) => formIds.includes(id)));
    expect(formRows.length, JSON.stringify(summaries)).toBeGreaterThan(0);
    expect(formRows.every((c) => c !== layout)).toBe(true);
  });
});
