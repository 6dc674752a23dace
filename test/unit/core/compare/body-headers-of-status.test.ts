/**
 * Issue 43, tracker rule 41 (`body-causes.ts`): a header that describes the
 * body (`content-type`, `content-length`, …) whose difference shows only on
 * answers whose statuses differ, their bodies the status's or absent, is
 * part of the status finding. Planted twice, with other statuses, paths and
 * media types; kept apart: the same difference on an answer with equal
 * statuses, beside a body change of its own, and a header that describes no
 * body, each a row beside the status rows that share its answers. A
 * success status answered with the other side's error document (rule 27)
 * carries its label the same way.
 */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../src/contract/model/comparison.js';
import type { Change, HeaderChange } from '../../../../src/contract/observation.js';
import type { Finding } from '../../../../src/contract/root-cause.js';
import { type ClusterAnswer, clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';

interface Answer extends ClusterAnswer {
  readonly findings: readonly Finding[];
}

function answer(
  caseId: string,
  endpoint: string,
  [baseline, candidate]: [number, number],
  body: Change[],
  headers: HeaderChange[],
): Answer {
  const comparison: Comparison = {
    status: { equal: baseline === candidate, baseline, candidate },
    headers,
    body,
  };
  const requestPath = endpoint.split(' ')[1] ?? '/';
  return { caseId, endpoint, findings: findingsOf({ endpoint, comparison, requestPath }) };
}

/** Every row the answers make once clustered: summary → the cases that show it. */
function rows(answers: readonly Answer[]): Map<string, string[]> {
  const clusters = clusterCauses(answers);
  const out = new Map<string, string[]>();
  for (const { caseId, endpoint, findings } of answers) {
    for (const f of clusteredFindings(endpoint, findings, clusters)) {
      out.set(f.summary, [...(out.get(f.summary) ?? []), caseId]);
    }
  }
  return out;
}

const text = (baseline: string, candidate: string): Change => ({
  path: '',
  op: 'value',
  baseline,
  candidate,
});

interface Plant {
  readonly name: string;
  /** The statuses of the two refusals and the endpoints they show on. */
  readonly statuses: [number, number];
  readonly endpoints: readonly [string, string];
  /** The `content-type` difference, and the text bodies each side writes. */
  readonly types: HeaderChange;
  readonly bodies: readonly [string, string];
  /** A header that describes no body, differing on the same answers. */
  readonly other: HeaderChange;
}

const PLANTS: readonly Plant[] = [
  {
    name: 'a 405 in text/plain against a 404 page (HEAD too)',
    statuses: [405, 404],
    endpoints: ['DELETE /rooms', 'HEAD /bookings'],
    types: { name: 'content-type', baseline: 'text/plain', candidate: 'text/html' },
    bodies: ['Method Not Allowed\n', '<pre>Cannot DELETE /rooms</pre>'],
    other: { name: 'cache-control', baseline: undefined, candidate: 'no-store' },
  },
  {
    name: 'a 409 page against a 400 without content-type, lengths too',
    statuses: [409, 400],
    endpoints: ['POST /v1/orders', 'PUT /v1/items/:id'],
    types: { name: 'content-type', baseline: 'text/html', candidate: undefined },
    bodies: ['<h1>Conflict</h1>', 'bad item\n'],
    other: { name: 'x-request-id', baseline: 'abc', candidate: undefined },
  },
];

/** The plant's two refusals: the body differs on the first; the second a `HEAD`, or two empty bodies. */
function refusals(p: Plant, extra: HeaderChange[] = []): Answer[] {
  const length: HeaderChange = { name: 'content-length', baseline: '19', candidate: '33' };
  const [first, second] = p.endpoints;
  return [
    answer('r1', first, p.statuses, [text(...p.bodies)], [p.types, ...extra]),
    answer('r2', second, p.statuses, [], [p.types, length, ...extra]),
  ];
}

describe('a header that describes a body the status holds is the status finding', () => {
  it.each(PLANTS)('$name', (p) => {
    const out = rows(refusals(p));
    // Each answer shows its status row and nothing else: no content-type, no content-length row.
    expect([...out.values()].flat().sort(), JSON.stringify([...out])).toEqual(['r1', 'r2']);
    expect(
      [...out.keys()].every((summary) => summary.startsWith('status ')),
      [...out.keys()].join(),
    ).toBe(true);
  });

  it.each(PLANTS)('$name: the same difference on a 200 keeps its row', (p) => {
    const [first] = p.endpoints;
    const ok = answer('ok', first.replace(/^\w+/, 'GET'), [200, 200], [], [p.types]);
    const out = rows([...refusals(p), ok]);
    const header = [...out].find(([summary]) => summary.includes('`content-type`'));
    expect(header?.[1].sort(), JSON.stringify([...out])).toEqual(['ok', 'r1', 'r2']);
    // The status rows keep their answers: two decisions that share them.
    expect(
      [...out]
        .filter(([s]) => s.startsWith('status '))
        .flatMap(([, c]) => c)
        .sort(),
    ).toEqual(['r1', 'r2']);
  });

  it.each(PLANTS)('$name: beside a body change of its own, the label keeps its row', (p) => {
    const [first, second] = p.endpoints;
    const members: Change = { path: '/error/code', op: 'added', candidate: 'E1' };
    const out = rows([
      answer('r1', first, p.statuses, [members], [p.types]),
      answer('r2', second, p.statuses, [], [p.types]),
    ]);
    const header = [...out].find(([summary]) => summary.includes('`content-type`'));
    expect(header?.[1].sort(), JSON.stringify([...out])).toEqual(['r1', 'r2']);
  });

  it.each(PLANTS)('$name: a header that describes no body keeps its row', (p) => {
    const out = rows(refusals(p, [p.other]));
    const other = [...out].find(([summary]) => summary.includes(`\`${p.other.name}\``));
    expect(other?.[1].sort(), JSON.stringify([...out])).toEqual(['r1', 'r2']);
    expect([...out.keys()].some((s) => s.includes('`content-type`'))).toBe(false);
  });
});

describe('rule 27: a refusal answered with a success status carries its label', () => {
  it.each([
    ['POST /graphql book', 'POST /graphql author', 'application/graphql-response+json'],
    ['POST /rpc orders.list', 'POST /rpc orders.get', 'application/problem+json'],
  ])('%s, %s: %s', (first, second, media) => {
    const refusal = (caseId: string, endpoint: string): Answer => {
      const comparison: Comparison = {
        status: { equal: false, baseline: 200, candidate: 400 },
        headers: [{ name: 'content-type', baseline: 'application/json', candidate: media }],
        body: [],
        documents: true,
      };
      return { caseId, endpoint, findings: findingsOf({ endpoint, comparison }) };
    };
    const out = rows([refusal('a', first), refusal('b', second)]);
    expect([...out.keys()], JSON.stringify([...out])).toEqual([
      'baseline answers 200 with the error document candidate refuses with, on several POST endpoints',
    ]);
  });
});
