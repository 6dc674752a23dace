/**
 * Issue 43: omitted default values. A side that leaves every member at its
 * zero value out (the protobuf JSON mapping) does it in every object it
 * writes: its zero-valued signatures in two objects or more, with the empty
 * collections it leaves out at a field (`[] vs absent`), are one row
 * (`omitted-defaults.ts`), where the run identified that side's encoder as
 * the protobuf JSON mapping. Planted twice with other names and shapes; a
 * member left out whose value is not a zero value, in the same answers and
 * objects, stays its own row, and so does the other direction; without the
 * encoder identified, each object keeps its signature's row and each field
 * its pattern's.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, RootCause } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { ZERO_VALUED_MEMBERS } from '../../../../src/core/compare/root-cause.js';
import { clusteredRows, clusteredSummaries } from '../../../helpers/clustered-rows.js';

type Side = 'baseline' | 'candidate';

/** The zero-valued members `writer` adds (the other side leaves them out) in the object at `path`. */
function zeros(resource: string, path: string, members: readonly string[], writer: Side): Finding {
  const change =
    writer === 'candidate'
      ? { op: 'added' as const, path, baseline: '-', candidate: ZERO_VALUED_MEMBERS }
      : { op: 'removed' as const, path, baseline: ZERO_VALUED_MEMBERS, candidate: '-' };
  return findingOf(
    { type: 'structure', endpoint: resource, change },
    members.map((m) => `${path}/${m}`),
  );
}

/** An empty collection `writer` writes at `path` and the other side leaves out. */
function empty(pattern: 'nil-slice' | 'nil-map', path: string, writer: Side): Finding {
  const field = path.slice(path.lastIndexOf('/') + 1);
  const cause: RootCause = {
    type: 'pattern',
    pattern,
    field,
    params: [`${writer}-empty`, 'absent'],
    detail: `absent vs ${pattern === 'nil-slice' ? '[]' : '{}'}`,
  };
  return findingOf(cause, [path]);
}

/** A member one side adds with a value that is no zero value. */
function member(resource: string, path: string, type: string): Finding {
  return findingOf(
    {
      type: 'structure',
      endpoint: resource,
      change: { op: 'added', path, baseline: '-', candidate: type },
    },
    [path],
  );
}

const answer = (caseId: string, endpoint: string, findings: readonly Finding[]) =>
  ({ caseId, endpoint, findings }) satisfies ClusterAnswer;

interface Fixture {
  readonly name: string;
  readonly resource: string;
  readonly record: string;
  readonly envelope: string;
  readonly zeroA: string;
  readonly zeroB: string;
  readonly list: string;
  readonly collection: 'nil-slice' | 'nil-map';
  /** A member the candidate adds with a real value, beside the zero values. */
  readonly extra: string;
}

const FIXTURES: readonly Fixture[] = [
  {
    name: 'items with a header and labels',
    resource: '/v1/items',
    record: '/item',
    envelope: '/header',
    zeroA: 'quantity',
    zeroB: 'more',
    list: '/item/labels',
    collection: 'nil-slice',
    extra: '/item/note',
  },
  {
    name: 'users with settings and attributes',
    resource: '/api/users',
    record: '/user/profile',
    envelope: '/settings',
    zeroA: 'age',
    zeroB: 'muted',
    list: '/user/attributes',
    collection: 'nil-map',
    extra: '/user/profile/nickname',
  },
];

/** The run identified the baseline (the side that leaves defaults out) as the protobuf JSON mapping. */
const PROTOBUF = { baseline: 'protobuf' } as const;

describe.each(FIXTURES)('$name', (f) => {
  const status = (writer: Side) =>
    answer('status', 'GET /status', [zeros('/status', f.envelope, [f.zeroB], writer)]);
  const get = (id: string, extra: readonly Finding[] = []) =>
    answer(id, `GET ${f.resource}/${id}`, [
      zeros(f.resource, f.record, [f.zeroA], 'candidate'),
      empty(f.collection, f.list, 'candidate'),
      ...extra,
    ]);

  it('is one row across objects, endpoints and the empty collections of one side', () => {
    const found = clusteredSummaries(
      [
        get('one'),
        get('two'),
        answer('status', 'GET /status', [zeros('/status', f.envelope, [f.zeroB], 'candidate')]),
      ],
      PROTOBUF,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('baseline leaves members at their zero value out (empty at `');
    const [row] = clusteredRows([get('one'), get('two'), status('candidate')], PROTOBUF).values();
    const cause = row?.cause;
    const objects =
      cause?.type === 'structure'
        ? [cause.change, ...(cause.together ?? [])].map((c) => c.path)
        : [];
    expect(objects.sort()).toEqual([f.envelope, f.record].sort());
  });

  it('keeps a member added with a value, in the same answers and object, as a row of its own', () => {
    const found = clusteredSummaries(
      [
        get('one', [member(f.resource, f.extra, 'string')]),
        get('two', [member(f.resource, f.extra, 'string')]),
        answer('status', 'GET /status', [zeros('/status', f.envelope, [f.zeroB], 'candidate')]),
      ],
      PROTOBUF,
    );
    expect(found).toHaveLength(2);
    expect(found.some((s) => s.includes(`candidate adds \`${f.extra}\``))).toBe(true);
  });

  it('keeps the other direction apart, and one object alone as its signature', () => {
    const found = clusteredSummaries(
      [
        get('one'),
        get('two'),
        answer('status', 'GET /status', [zeros('/status', f.envelope, [f.zeroB], 'baseline')]),
      ],
      { baseline: 'protobuf', candidate: 'protobuf' },
    );
    expect(found).toHaveLength(2);
    expect(found).toContain(`/status: candidate lacks zero-valued members of \`${f.envelope}\``);
    // One object alone, no collection: the object's signature, as before.
    expect(
      clusteredSummaries(
        [answer('a', `GET ${f.resource}/a`, [zeros(f.resource, f.record, [f.zeroA], 'candidate')])],
        PROTOBUF,
      ),
    ).toEqual([`${f.resource}: candidate adds zero-valued members to \`${f.record}\``]);
  });

  it("keeps each object's signature and each field's pattern where no encoder that leaves defaults out was identified", () => {
    const answers = [
      get('one'),
      get('two'),
      answer('status', 'GET /status', [zeros('/status', f.envelope, [f.zeroB], 'candidate')]),
    ];
    for (const runtimes of [{}, { baseline: 'go', candidate: 'protobuf' } as const]) {
      const found = clusteredSummaries(answers, runtimes);
      expect(found, JSON.stringify(runtimes)).toHaveLength(3);
      expect(found).toContain(`/status: candidate adds zero-valued members to \`${f.envelope}\``);
      expect(found.some((s) => s.includes('leaves members at their zero value out'))).toBe(false);
    }
  });
});
