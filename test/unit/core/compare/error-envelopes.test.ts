/**
 * Issue 43, item 2: one side's error envelope is one cause where its members
 * show in overlapping, unequal sets of error answers (`error-envelopes.ts`),
 * and two causes that share the envelope stay two rows. Planted twice, with
 * other member names and another envelope shape.
 */
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';

const lacks = (path: string): SkeletonChange => ({
  op: 'removed',
  path,
  baseline: 'string',
  candidate: '-',
});
const adds = (path: string): SkeletonChange => ({
  op: 'added',
  path,
  baseline: '-',
  candidate: 'string',
});
const reworded = (path: string): SkeletonChange => ({
  op: 'value',
  path,
  baseline: 'string',
  candidate: 'string',
  values: ['No such thing', 'No such thing.'],
});

function answer(
  caseId: string,
  endpoint: string,
  statuses: readonly [number, number],
  changes: readonly SkeletonChange[],
) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = changes.map((change) =>
    findingOf({ type: 'structure', endpoint: resource, change }, [change.path]),
  );
  const [b, c] = statuses;
  return {
    caseId,
    endpoint,
    baseline: { status: b },
    candidate: { status: c },
    findings,
  } satisfies ClusterAnswer;
}

const rows = clusteredSummaries;

describe.each([
  {
    envelope: '/Error',
    dropped: ['Resource', 'RequestId', 'HostId'],
    named: ['Key', 'BucketName'],
    message: 'Message',
  },
  {
    envelope: '',
    dropped: ['path', 'traceId', 'node'],
    named: ['item', 'folder'],
    message: 'detail',
  },
])('with an error envelope at `$envelope`', ({ envelope, dropped, named, message }) => {
  const [resource = '', request = '', host = ''] = dropped.map((m) => `${envelope}/${m}`);
  const [key = '', bucket = ''] = named.map((m) => `${envelope}/${m}`);
  const text = `${envelope}/${message}`;
  // Each error names what it is about in its own member; every error drops the request's id.
  const errors = [
    answer('e/exists', 'PUT /buckets/:id', [409, 409], [lacks(request)]),
    answer(
      'e/no-key',
      'GET /buckets/:id/keys/:id',
      [404, 404],
      [lacks(request), lacks(resource), adds(key), reworded(text)],
    ),
    answer(
      'e/no-bucket',
      'GET /buckets/:id',
      [404, 404],
      [lacks(request), lacks(resource), adds(bucket)],
    ),
    answer(
      'e/not-empty',
      'DELETE /buckets/:id',
      [409, 409],
      [lacks(request), lacks(resource), lacks(host), adds(bucket)],
    ),
  ];

  it('makes members lost and gained in overlapping, unequal sets of error answers one row', () => {
    const found = rows(errors);
    const envelopeRows = found.filter((summary) => !summary.includes('value of'));
    expect(envelopeRows).toHaveLength(1);
    for (const path of [resource, request, host, key, bucket]) {
      expect(envelopeRows[0]).toContain(`\`${path}\``);
    }
  });

  it('keeps a reworded message in the same answers a row of its own', () => {
    const found = rows(errors);
    expect(found).toHaveLength(2);
    expect(found.filter((summary) => summary.includes(`value of \`${text}\``))).toHaveLength(1);
  });

  it('keeps a member that also changes on a success answer apart from the envelope', () => {
    const found = rows([
      ...errors,
      answer('ok/list', 'GET /buckets', [200, 200], [lacks(request)]),
    ]);
    expect(found.filter((summary) => summary.includes(`\`${request}\``))).toHaveLength(1);
    expect(found.filter((summary) => !summary.includes('value of'))).toHaveLength(2);
  });

  it('keeps two causes on one envelope whose answers share none two rows', () => {
    // The 404s lack one member, the 409s gain another: nothing shows them to be one handler.
    const found = rows([
      answer('e/1', 'GET /buckets/:id', [404, 404], [lacks(resource)]),
      answer('e/2', 'GET /files/:id', [404, 404], [lacks(resource)]),
      answer('e/3', 'PUT /buckets/:id', [409, 409], [adds(bucket)]),
    ]);
    expect(found).toHaveLength(2);
  });

  it('keeps the envelopes of two error classes two rows', () => {
    const found = rows([
      answer('e/1', 'GET /buckets/:id', [404, 404], [lacks(resource), adds(key)]),
      answer('e/2', 'GET /files/:id', [404, 404], [lacks(resource)]),
      answer('e/3', 'GET /files/:id', [503, 503], [lacks(request), lacks(host)]),
      answer('e/4', 'GET /buckets/:id', [500, 500], [lacks(request)]),
    ]);
    expect(found).toHaveLength(2);
  });

  it('never joins members nested deeper than the envelope, nor an answer one side accepted', () => {
    const deep = `${envelope}/Detail/${named[0]}`;
    const found = rows([
      answer('e/1', 'GET /buckets/:id', [404, 404], [lacks(resource), adds(deep)]),
      answer('e/2', 'GET /files/:id', [404, 404], [lacks(resource)]),
      answer('e/3', 'GET /files/:id', [404, 200], [lacks(request)]),
      answer('e/4', 'GET /buckets/:id', [404, 404], [lacks(request), lacks(resource)]),
    ]);
    expect(found).toHaveLength(3);
  });
});
