/**
 * Issue 43: one status decision over several paths. A redirect one side
 * answers is keyed by the rule that maps the path to its `Location`
 * (`redirects.ts`), whatever the method, the path or the other side's status;
 * the paths it sends to that only the redirecting side serves join it. Two
 * redirects that share a status pair but follow other rules (or none) stay
 * two rows. Planted twice: clean URLs and trailing slashes, with other names.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { redirectRewrite, rewriteTarget } from '../../../../src/core/compare/redirects.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { clusteredRows } from '../../../helpers/clustered-rows.js';

describe('redirectRewrite', () => {
  it.each([
    ['/about.html', '/about', 'drop .html'],
    ['/index.html', '/', 'drop .html'],
    ['/guide/index.htm', 'http://parity.invalid/guide/', 'drop .htm'],
    ['/docs', '/docs/', 'add /'],
    ['/docs?x=1', 'docs/', 'add /'],
    ['/shelf/', '/shelf', 'drop /'],
    ['/report', '/report.pdf', 'add .pdf'],
  ])('%s → %s follows %s', (from, to, rule) => {
    expect(redirectRewrite(from, to)).toBe(rule);
  });

  it.each([
    ['/old', '/new'],
    ['/a.html', 'https://elsewhere.example/a'],
    ['/a.html', '/a.html'],
    ['/login', '/login?next=/'],
  ])('%s → %s follows no rule', (from, to) => {
    expect(redirectRewrite(from, to)).toBeUndefined();
  });

  it('sends a path where its rule does, and nowhere it cannot', () => {
    expect(rewriteTarget('drop .html', '/about.html')).toBe('/about');
    expect(rewriteTarget('drop .html', '/index.html')).toBe('/');
    expect(rewriteTarget('add /', '/docs')).toBe('/docs/');
    expect(rewriteTarget('drop /', '/shelf/')).toBe('/shelf');
    expect(rewriteTarget('drop .html', '/about')).toBeUndefined();
  });
});

function comparison(baseline: number, candidate: number, redirect?: string): Comparison {
  const status = { equal: baseline === candidate, baseline, candidate };
  return {
    status: redirect === undefined ? status : { ...status, redirect },
    headers: [],
    body: [],
  };
}

function answer(caseId: string, endpoint: string, compared: Comparison) {
  const findings = findingsOf({ endpoint, comparison: compared });
  return { caseId, endpoint, findings } satisfies ClusterAnswer;
}

const rows = clusteredRows;

describe.each([
  {
    rule: 'drop .html',
    words: 'without the `.html` extension',
    sources: ['/index.html', '/about.html', '/missing.html'],
    target: '/about',
  },
  {
    rule: 'add /',
    words: 'with a trailing `/`',
    sources: ['/shelves', '/books', '/nothing'],
    target: '/books/',
  },
])('redirects that follow `$rule`', ({ rule, words, sources, target }) => {
  const [first = '', second = '', missing = ''] = sources;
  const planted = [
    answer('s/1', `GET ${first}`, comparison(200, 301, rule)),
    answer('s/2', `GET ${second}`, comparison(200, 301, rule)),
    answer('s/3', `POST ${first}`, comparison(200, 301, rule)),
    answer('s/4', `GET ${missing}`, comparison(404, 301, rule)),
    answer('s/5', `GET ${target}`, comparison(404, 200)),
  ];

  it('are one row across methods, paths, the other side’s statuses and their targets', () => {
    const found = rows(planted);
    expect([...found.values()].map((f) => f.summary)).toEqual([
      `candidate redirects (301) to the same path ${words}, on several endpoints`,
    ]);
  });

  it('keep a redirect of the same status pair to a path no rule gives a row of its own', () => {
    const found = rows([...planted, answer('s/6', 'GET /moved', comparison(200, 301))]);
    expect([...found.values()].map((f) => f.summary).sort()).toEqual([
      `candidate redirects (301) to the same path ${words}, on several endpoints`,
      'status 200 → 301 on GET /moved',
    ]);
  });

  it('keep the other side’s redirect by another rule, and a target it refuses too, apart', () => {
    const found = rows([
      ...planted,
      answer('s/7', 'GET /a.txt', comparison(301, 200, 'drop .txt')),
      answer('s/8', 'GET /b.txt', comparison(301, 200, 'drop .txt')),
      answer('s/9', `GET ${target}x`, comparison(404, 200)),
    ]);
    expect(found.size).toBe(3);
  });

  it('supersede the rows their answers had on their endpoint and keyed by their method', () => {
    const clusters = clusterCauses(planted);
    const [finding] = clusteredFindings(`GET ${first}`, planted[0]?.findings ?? [], clusters);
    if (finding === undefined) throw new Error('no finding');
    const earlier = earlierKeys({
      endpoint: `GET ${first}`,
      findings: [finding],
      changes: [],
      headerChanges: [],
      notMembers: new Set(),
      baseline: { status: 200 },
      candidate: { status: 301 },
    }).get(finding.fingerprint);
    const own = { type: 'status', baseline: 200, candidate: 301 } as const;
    expect(earlier).toEqual([
      causeFingerprint({ ...own, endpoint: `GET ${first}` }),
      causeFingerprint({ ...own, endpoint: 'GET *' }),
    ]);
  });

  it('stay the endpoint’s own row where the rule shows on one endpoint only', () => {
    const found = rows([answer('s/1', `GET ${first}`, comparison(200, 301, rule))]);
    expect([...found.values()].map((f) => f.summary)).toEqual([`status 200 → 301 on GET ${first}`]);
  });
});
