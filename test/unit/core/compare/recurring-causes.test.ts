/**
 * Issue 43: status and pattern causes keyed by what changed, not by where.
 * The same status transition for one method on several endpoints is one
 * cause; the same pattern at several fields is one cause. Each class is
 * planted twice, with other names, so no rule is tuned to one pair.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change } from '../../../../src/contract/observation.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { clusteredRows } from '../../../helpers/clustered-rows.js';

function comparison(baseline: number, candidate: number, body: Change[] = []): Comparison {
  return { status: { equal: baseline === candidate, baseline, candidate }, headers: [], body };
}

function answer(caseId: string, endpoint: string, compared: Comparison) {
  const findings = findingsOf({ endpoint, comparison: compared });
  return { caseId, endpoint, findings } satisfies ClusterAnswer;
}

/** Every row the answers make once clustered: fingerprint → finding. */
const rows = clusteredRows;

describe.each([
  ['DELETE', 204, 200, ['/notes/:id', '/tags/:id', '/boards/:id']],
  ['PUT', 201, 204, ['/files/:id', '/calendars/:id', '/pages/:id']],
])('%s answered %i by one side and %i by the other', (method, b, c, paths) => {
  const endpoints = paths.map((p) => `${method} ${p}`);

  it('is one cause on every endpoint it recurs on, its row listing them', () => {
    const found = rows(endpoints.map((e, n) => answer(`c/${n}`, e, comparison(b, c))));
    expect(found.size).toBe(1);
    const [finding] = found.values();
    expect(finding?.summary).toBe(`status ${b} → ${c} on several ${method} endpoints`);
  });

  it('stays the endpoint’s own row on one endpoint', () => {
    const [first = ''] = endpoints;
    const found = rows([
      answer('c/1', first, comparison(b, c)),
      answer('c/2', first, comparison(b, c)),
    ]);
    expect([...found.values()].map((f) => f.summary)).toEqual([`status ${b} → ${c} on ${first}`]);
  });

  it('keeps another transition, and another method, apart', () => {
    const [e1 = '', e2 = ''] = endpoints;
    const other = `POST ${paths[2]}`;
    const found = rows([
      answer('c/1', e1, comparison(b, c)),
      answer('c/2', e2, comparison(b, c)),
      answer('c/3', e2, comparison(b, 202)),
      answer('c/4', other, comparison(b, c)),
    ]);
    expect(found.size).toBe(3);
  });

  it('supersedes the row the transition had on each endpoint', () => {
    const answers = endpoints.map((e, n) => answer(`c/${n}`, e, comparison(b, c)));
    const [first = ''] = endpoints;
    const clustered = clusteredFindings(first, answers[0]?.findings ?? [], clusterCauses(answers));
    const [finding] = clustered;
    if (finding === undefined) throw new Error('no finding');
    const earlier = earlierKeys({
      endpoint: first,
      findings: [finding],
      changes: [],
      headerChanges: [],
      notMembers: new Set(),
    }).get(finding.fingerprint);
    expect(earlier).toEqual([
      causeFingerprint({ type: 'status', endpoint: first, baseline: b, candidate: c }),
    ]);
  });
});

describe.each([
  ['GET /features/:id', 'GET /labels/:id'],
  ['GET /plugins/:id', 'GET /routes/:id'],
])('one side accepting what the other refuses (%s, %s)', (e1, e2) => {
  it('stays one row per endpoint: what each endpoint supports is its own decision', () => {
    const found = rows([
      answer('c/1', e1, comparison(200, 404)),
      answer('c/2', e2, comparison(200, 404)),
    ]);
    expect(found.size).toBe(2);
  });
});

const intString = (path: string, n: number): Change => ({
  path,
  op: 'type',
  baseline: String(n),
  candidate: n,
});
const namespace = (element: string): Change => ({
  path: `/feed/${element}/@xmlns`,
  op: 'value',
  baseline: 'urn:a',
  candidate: 'urn:b',
});

describe.each([
  ['integer as string', [intString('/size', 2), intString('/count', 7)]],
  ['integer as string', [intString('/total_bytes', 9), intString('/page/limit', 3)]],
  ['XML namespace', [namespace('entry'), namespace('author')]],
  ['XML namespace', [namespace('item'), namespace('channel')]],
])('a pattern (%s) at two fields', (words, [first, second]) => {
  if (first === undefined || second === undefined) throw new Error('two changes');

  it('is one cause whether the fields show in one answer or in two', () => {
    const together = rows([answer('p/1', 'GET /a', comparison(200, 200, [first, second]))]);
    expect(together.size).toBe(1);
    const apart = rows([
      answer('p/1', 'GET /a', comparison(200, 200, [first])),
      answer('p/2', 'GET /b', comparison(200, 200, [second])),
    ]);
    expect(apart.size).toBe(1);
    const [finding] = apart.values();
    expect(finding?.summary.toLowerCase()).toContain(words.toLowerCase());
    expect(finding?.cause).toMatchObject({ type: 'pattern', field: '*' });
  });

  it('stays at its field when only one field shows it', () => {
    const found = rows([
      answer('p/1', 'GET /a', comparison(200, 200, [first])),
      answer('p/2', 'GET /b', comparison(200, 200, [first])),
    ]);
    expect(found.size).toBe(1);
    expect([...found.values()][0]?.cause).not.toMatchObject({ field: '*' });
  });
});
