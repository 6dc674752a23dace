/** Tracker rule 61: HTML pages rendered with another layout (`html-layouts.ts`). */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { headSkeleton, htmlLayouts, layoutOf } from '../../../../src/core/compare/html-layouts.js';
import { ownKey } from '../../../../src/core/compare/recurring-causes.js';
import { ANY_ENDPOINT, causeFingerprint } from '../../../../src/core/compare/root-cause.js';

const page = (head: string, body: string) =>
  `<!doctype html>\n<html><head>${head}</head><body>${body}</body></html>`;

describe('headSkeleton', () => {
  it('keeps elements and attribute names, never texts nor values', () => {
    const a = page('<title>Home</title><link rel="stylesheet" href="/a.css">', '<p>x</p>');
    const b = page("<title>Elsewhere</title><link href='/b.css' rel=stylesheet>", '<div>y</div>');
    expect(headSkeleton(a)).toEqual(['html()', 'title()', 'link(href,rel)']);
    expect(headSkeleton(b)).toEqual(headSkeleton(a));
  });

  it('reads no element inside a script, a style or a comment', () => {
    const text = page(
      '<!-- <meta name="x"> --><script>if (a < b) document.write("<div>")</script><style>p>a{}</style>',
      '',
    );
    expect(headSkeleton(text)).toEqual(['html()', 'script()', 'style()']);
  });

  it.each([
    ['a text', 'Not found'],
    ['a fragment', '<p class="status">404</p>'],
    ['JSON', '{"error":"<html>"}'],
  ])('is undefined for %s', (_, text) => {
    expect(headSkeleton(text)).toBeUndefined();
  });
});

describe('layoutOf', () => {
  const old = page('<meta charset="utf-8"><title>A</title>', '<p>Hello</p>');
  const fresh = page(
    '<meta charset="utf-8"><title>A</title><script src="/x.js"></script>',
    '<p>Hello</p>',
  );
  it('is the pair of heads where they differ', () => {
    expect(layoutOf(old, fresh, 'text/html')).toMatch(/^layout\|text\/html\|[0-9a-f]{12}$/);
  });
  it('is undefined where the heads agree (a message reworded, a form field added)', () => {
    const reworded = old.replace('Hello', 'Welcome back');
    expect(layoutOf(old, reworded, 'text/html')).toBeUndefined();
    expect(
      layoutOf(old, old.replace('<p>', '<form><input name="x"></form><p>'), 'text/html'),
    ).toBeUndefined();
  });
  it('is undefined against a body that is no HTML document', () => {
    expect(layoutOf(old, '{"error":"not found"}', 'text/html')).toBeUndefined();
  });
});

describe('htmlLayouts', () => {
  const change = { op: 'value', path: '', baseline: 'body', candidate: 'body' } as const;
  const pageCause = (endpoint: string, layout: string | undefined, alike: string): RootCause => ({
    type: 'structure',
    endpoint,
    change,
    difference: `text|text/html|${alike}`,
    alike: `text|text/html|${alike}`,
    ...(layout === undefined ? {} : { layout }),
  });
  const label: RootCause = {
    type: 'header',
    name: 'content-type',
    difference: 'value',
    classes: ['text/plain', 'text/html'],
  };
  const answer = (caseId: string, ...causes: RootCause[]) => ({
    caseId,
    findings: causes.map((cause) => ({ cause })),
  });

  it('joins the pages of one pair of heads, two answers or more, with the label in exactly them', () => {
    const [a, b, c] = [
      pageCause('GET /login', 'layout|text/html|111', 'aa'),
      pageCause('GET /consent', 'layout|text/html|111', 'bb'),
      pageCause('GET /logout', undefined, 'cc'),
    ];
    const out = htmlLayouts(
      [answer('s/a', a, label), answer('s/b', b, label), answer('s/c', c)],
      ownKey,
      () => false,
    );
    const rows = new Set([a, b].map((one) => causeFingerprint(out.get(ownKey(one)) ?? one)));
    expect(rows.size).toBe(1);
    expect(out.get(ownKey(a))).toMatchObject({
      endpoint: ANY_ENDPOINT,
      difference: 'layout|text/html|111',
    });
    expect(out.has(ownKey(c))).toBe(false);
    expect(causeFingerprint(out.get(ownKey(label)) ?? label)).toBe([...rows][0]);
  });

  it('keeps apart another pair of heads, one answer alone, and pages another rule took', () => {
    const a = pageCause('GET /users', 'layout|text/html|111', 'aa');
    const b = pageCause('GET /groups', 'layout|text/html|222', 'bb');
    expect(htmlLayouts([answer('s/a', a), answer('s/b', b)], ownKey, () => false).size).toBe(0);
    const c = pageCause('GET /roles', 'layout|text/html|111', 'cc');
    const taken = ownKey(c);
    expect(
      htmlLayouts([answer('s/a', a), answer('s/c', c)], ownKey, (own) => own === taken).size,
    ).toBe(0);
  });

  it('keeps the label apart where it also shows beside another page', () => {
    const a = pageCause('GET /login', 'layout|text/html|111', 'aa');
    const b = pageCause('GET /consent', 'layout|text/html|111', 'bb');
    const c = pageCause('GET /logout', undefined, 'cc');
    const out = htmlLayouts(
      [answer('s/a', a, label), answer('s/b', b, label), answer('s/c', c, label)],
      ownKey,
      () => false,
    );
    expect(out.has(ownKey(label))).toBe(false);
    expect(out.size).toBe(2);
  });
});
