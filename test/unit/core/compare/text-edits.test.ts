/**
 * Rule 48c: one line of text against one line that shares words at an end
 * is keyed by the words written otherwise alone, so the same words written
 * as other words on several endpoints (a product's name in each of its
 * status texts) are one row (`text-bodies.ts`). Planted twice, with other
 * words, endpoints and media types; kept apart: another edit on the same
 * endpoints, lines that share no word, and texts of several lines.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change } from '../../../../src/contract/observation.js';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { textDifference } from '../../../../src/core/compare/text-bodies.js';

function text(baseline: string, candidate: string): Change {
  return { path: '', op: 'value', baseline, candidate };
}

/** The rows of text answers once clustered: summary → cases. */
function rows(
  answers: readonly { caseId: string; endpoint: string; body: Change; type: string }[],
): Map<string, string[]> {
  const judged = answers.map(({ caseId, endpoint, body, type }) => {
    const comparison: Comparison = {
      status: { equal: true, baseline: 200, candidate: 200 },
      headers: [],
      body: [body],
      textType: type,
    };
    const requestPath = endpoint.split(' ')[1];
    const findings = findingsOf({
      endpoint,
      comparison,
      ...(requestPath === undefined ? {} : { requestPath }),
    });
    return { caseId, endpoint, findings, changes: [body] };
  });
  const clusters = clusterCauses(judged);
  const out = new Map<string, string[]>();
  for (const { caseId, endpoint, findings } of judged) {
    for (const f of clusteredFindings(endpoint, findings, clusters)) {
      out.set(f.summary, [...(out.get(f.summary) ?? []), caseId]);
    }
  }
  return out;
}

const FIXTURES = [
  {
    name: 'a product’s name in its health texts',
    type: 'text/plain',
    pages: [
      ['GET /-/alive', 'Acme Metrics Server is Alive.\n', 'Bolt is Alive.\n'],
      ['GET /-/warm', 'Acme Metrics Server is Warm.\n', 'Bolt is Warm.\n'],
    ],
    other: ['GET /-/cold', 'Acme Metrics Server is Cold.\n', 'Acme Metrics Server is Frozen.\n'],
  },
  {
    name: 'a fork’s name in its banners',
    type: 'text/html',
    pages: [
      ['GET /login', '<p>Sign in to Gitea today</p>', '<p>Sign in to Forgejo today</p>'],
      ['GET /explore', '<p>Explore what Gitea hosts</p>', '<p>Explore what Forgejo hosts</p>'],
      ['GET /help', '<p>Help with Gitea</p>', '<p>Help with Forgejo</p>'],
    ],
    other: ['GET /about', '<p>About us and Gitea</p>', '<p>About them and Gitea</p>'],
  },
] as const;

describe.each(FIXTURES)('the same words written otherwise on several endpoints: $name', (f) => {
  const answers = f.pages.map(([endpoint, b, c], i) => ({
    caseId: `p/${i + 1}`,
    endpoint,
    body: text(b, c),
    type: f.type,
  }));

  it('is one row listing every endpoint', () => {
    const found = rows(answers);
    expect([...found.entries()]).toEqual([
      [
        expect.stringContaining('body differs alike on several endpoints'),
        answers.map((a) => a.caseId),
      ],
    ]);
  });

  it('kept apart: another edit on another endpoint keeps its own row', () => {
    const [endpoint, b, c] = f.other;
    const found = rows([...answers, { caseId: 'o/1', endpoint, body: text(b, c), type: f.type }]);
    expect(found.size).toBe(2);
    expect([...found.values()]).toContainEqual(['o/1']);
  });
});

describe('text keys that stay as they were', () => {
  it('lines that share no word keep their whole lines', () => {
    const a = textDifference(text('Healthy here', 'All fine'), 'text/plain', {});
    const b = textDifference(text('Ready here', 'All fine'), 'text/plain', {});
    expect(a).not.toBe(b);
  });

  it('texts of several lines keep their lines', () => {
    const a = textDifference(text('x\nFoo is up\ny', 'x\nBar is up\nz'), 'text/plain', {});
    const b = textDifference(text('x\nFoo is on\ny', 'x\nBar is on\nz'), 'text/plain', {});
    expect(a).not.toBe(b);
  });

  it('one lower-case value written otherwise on two pages is two keys (no name)', () => {
    const a = textDifference(text('enabled: true', 'enabled: false'), 'text/plain', {});
    const b = textDifference(text('debug: true', 'debug: false'), 'text/plain', {});
    expect(a).not.toBe(b);
    const c = textDifference(text('mode = on here', 'mode = off here'), 'text/plain', {});
    const d = textDifference(text('sync = on here', 'sync = off here'), 'text/plain', {});
    expect(c).not.toBe(d);
  });

  it('a capitalised value after its label, set alike on two pages, is two keys (two settings)', () => {
    const a = textDifference(text('Cache: OK', 'Cache: Disabled'), 'text/plain', {});
    const b = textDifference(text('Search: OK', 'Search: Disabled'), 'text/plain', {});
    expect(a).not.toBe(b);
    const c = textDifference(text('Log level = Debug', 'Log level = Info'), 'text/plain', {});
    const d = textDifference(text('Audit level = Debug', 'Audit level = Info'), 'text/plain', {});
    expect(c).not.toBe(d);
  });

  it('two edits of one product name at two places are two keys', () => {
    const a = textDifference(text('Foo is up', 'Bar is up'), 'text/plain', {});
    const b = textDifference(text('Foo is up', 'Foo is down'), 'text/plain', {});
    expect(a).not.toBe(b);
  });
});
