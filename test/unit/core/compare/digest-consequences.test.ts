import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import type { Change, DivergentObservation } from '../../../../src/contract/observation.js';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { DIGESTS } from '../../../../src/core/compare/root-cause.js';
import {
  type BodyDigests,
  bodyDigestsOf,
  digestForm,
} from '../../../../src/judge/results/body-digests.js';
import { digestConsequencesOf } from '../../../../src/judge/results/cross-case-consequences.js';
import { makeCase } from '../../../helpers/case.js';
import { divergentObservation } from '../../../helpers/divergent.js';

const A = Buffer.from('baseline tarball');
const B = Buffer.from('candidate tarball');
const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');
const sri = (b: Buffer) => `sha512-${createHash('sha512').update(b).digest('base64')}`;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const binary = (bytes: Buffer): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers: {},
    body: { kind: 'binary', sha256: sha256(bytes), size: bytes.length, bytes },
    wireBytes: bytes.length,
    durationMs: 1,
  },
});

function exchange(a: Buffer, b: Buffer): Exchange {
  return { case: makeCase('file', { path: '/f.tgz' }), baseline: binary(a), candidate: binary(b) };
}

const bodyCause: RootCause = {
  type: 'structure',
  endpoint: 'GET /f.tgz',
  change: { op: 'value', path: '', baseline: 'binary', candidate: 'binary' },
};
const digestCause: RootCause = {
  type: 'structure',
  endpoint: '/pkg',
  change: { op: 'value', path: '/dist', baseline: DIGESTS, candidate: DIGESTS },
};

function result(
  caseId: string,
  cause: RootCause,
  changes: readonly Change[],
): DivergentObservation {
  return divergentObservation({
    caseId,
    endpoint: 'GET /x',
    request: { method: 'GET', path: '/x' },
    fingerprint: caseId,
    findings: [
      findingOf(
        cause,
        changes.map((c) => c.path),
      ),
    ],
    explanation: caseId,
    summary: caseId,
    changes,
  });
}

const file = result('s/file', bodyCause, [
  { path: '', op: 'value', baseline: 'binary …', candidate: 'binary …' },
]);
const documentOf = (shaA: string, shaB: string, sriA: string, sriB: string) =>
  result('s/document', digestCause, [
    { path: '/dist/shasum', op: 'value', baseline: shaA, candidate: shaB },
    { path: '/dist/integrity', op: 'value', baseline: sriA, candidate: sriB },
  ]);

/** The digests the run took of the file's two bodies. */
function hashed(): Map<string, BodyDigests> {
  const digests = bodyDigestsOf(exchange(A, B));
  if (digests === undefined) throw new Error('the bodies differ');
  return new Map([['s/file', digests]]);
}

describe('digests of a body that differs', () => {
  it('are taken only where the two bodies differ', () => {
    expect(bodyDigestsOf(exchange(A, A))).toBeUndefined();
    const digests = bodyDigestsOf(exchange(A, B));
    expect(digests?.baseline.has(sha1(A))).toBe(true);
    expect(digests?.candidate.has(digestForm(sri(B)) ?? '')).toBe(true);
    expect(digests?.candidate.has(sha1(A))).toBe(false);
  });

  it('know a digest written as hex, SRI or base64, and nothing else', () => {
    expect(digestForm(sha1(A).toUpperCase())).toBe(sha1(A));
    expect(digestForm(sri(A))).toBe(sri(A).slice('sha512-'.length));
    expect(digestForm('1.0.0')).toBeUndefined();
    expect(digestForm(42)).toBeUndefined();
  });

  it('make the document’s digests a consequence of the file, whichever case ran first', () => {
    const digests = hashed();
    const doc = documentOf(sha1(A), sha1(B), sri(A), sri(B));
    for (const order of [
      [doc, file],
      [file, doc],
    ]) {
      const marks = digestConsequencesOf(order, digests);
      const [docFinding] = doc.findings;
      const [fileFinding] = file.findings;
      expect(marks.get('s/document')).toEqual(
        new Map([[docFinding?.fingerprint, fileFinding?.fingerprint]]),
      );
      expect(marks.has('s/file')).toBe(false);
    }
  });

  it('keep their row when a digest is of something else, on the wrong side, or nothing was hashed', () => {
    const digests = hashed();
    const other = Buffer.from('another file');
    // One of the two digests is of another file: the document differs for another reason too.
    const mixed = documentOf(sha1(A), sha1(B), sri(A), sri(other));
    expect(digestConsequencesOf([file, mixed], digests).size).toBe(0);
    // Each side lists the other side's digest: not what each side served.
    const crossed = documentOf(sha1(B), sha1(A), sri(B), sri(A));
    expect(digestConsequencesOf([file, crossed], digests).size).toBe(0);
    // No body was hashed (no body differed): nothing is looked at.
    const doc = documentOf(sha1(A), sha1(B), sri(A), sri(B));
    expect(digestConsequencesOf([file, doc], new Map()).size).toBe(0);
    expect(digestConsequencesOf([file, doc], undefined).size).toBe(0);
  });
});
