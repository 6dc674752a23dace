/**
 * Issue 43, "grouping must never hide a decision": a value that differs in a
 * record both sides hold alike otherwise, and that does not name the written
 * resource, is not a consequence of a write one side refused
 * (`own-differences.ts`). Planted twice: a JSON listing and an XML
 * multistatus-like tree, with other names. What the write explains (the
 * record it names, a list one side lists otherwise) stays a consequence.
 */

import { describe, expect, it } from 'vitest';
import type { Change, DivergentObservation } from '../../../../src/contract/observation.js';
import type { Finding, RootCause } from '../../../../src/contract/root-cause.js';
import { kindOfCause } from '../../../../src/core/compare/finding-of.js';
import { causeFingerprint } from '../../../../src/core/compare/root-cause.js';
import { consequencesOf } from '../../../../src/judge/results/consequences.js';
import { valueChange } from './fixtures.js';

function finding(cause: RootCause, paths: readonly string[] = []): Finding {
  return {
    fingerprint: causeFingerprint(cause),
    kind: kindOfCause(cause),
    cause,
    summary: causeFingerprint(cause),
    paths,
  };
}

interface Read {
  readonly id: string;
  readonly path: string;
  readonly bodies: readonly [unknown, unknown];
  readonly changes: readonly Change[];
  readonly cause: RootCause;
  /** The finding's paths: every change's when not given. */
  readonly paths?: readonly string[];
}

function result(
  id: string,
  method: string,
  path: string,
  statuses: readonly [number, number],
  findings: readonly Finding[],
  more: Partial<DivergentObservation> = {},
): DivergentObservation {
  return {
    verdict: 'divergent',
    caseId: `s/${id}`,
    suite: 's',
    endpoint: `${method} ${path}`,
    request: { method, path },
    baseline: { status: statuses[0], durationMs: 1 },
    candidate: { status: statuses[1], durationMs: 1 },
    kinds: ['value'],
    serial: 'cases/s.yaml',
    fingerprint: id,
    findings,
    explanation: id,
    summary: id,
    changes: [],
    headerChanges: [],
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
    ...more,
  };
}

/** The write one side accepted and the other refused, then the read; the read's marks. */
function marksOf(collection: string, written: string, read: Read) {
  const refused: RootCause = {
    type: 'status',
    endpoint: `PUT ${collection}/:id`,
    baseline: 400,
    candidate: 201,
  };
  const write = result('write', 'PUT', written, [400, 201], [finding(refused)]);
  const paths = read.paths ?? read.changes.map((c) => c.path);
  const list = result('read', 'GET', read.path, [200, 200], [finding(read.cause, paths)], {
    changes: read.changes,
    bodies: { baseline: read.bodies[0], candidate: read.bodies[1] },
  });
  return consequencesOf([write, list]).get('s/read');
}

describe.each([
  {
    name: 'a JSON listing',
    collection: '/shelves',
    written: '/shelves/broken',
    element: (n: number) => `/items/${n}`,
    field: 'mediaType',
    body: (records: readonly Record<string, unknown>[]) => ({ items: records }),
    record: (name: string, type: string) => ({ name, mediaType: type }),
  },
  {
    name: 'an XML multistatus',
    collection: '/cal/work',
    written: '/cal/work/broken.ics',
    element: (n: number) => `/multistatus/response/${n}`,
    field: 'propstat/prop/getcontenttype',
    body: (records: readonly Record<string, unknown>[]) => ({ multistatus: { response: records } }),
    record: (name: string, type: string) => ({
      href: name,
      propstat: { prop: { getcontenttype: type }, status: 'HTTP/1.1 200 OK' },
    }),
  },
])('$name after a write one side refused', (f) => {
  const cause = (path: string): RootCause => ({
    type: 'structure',
    endpoint: f.collection,
    change: { op: 'value', path, baseline: 'string', candidate: 'string' },
  });
  const at = (n: number) => `${f.element(n)}/${f.field}`;
  const first = `${f.collection}/`;
  const second = `${f.collection}/standup`;

  it('keeps a value of records the write did not touch a row of its own', () => {
    const marks = marksOf(f.collection, f.written, {
      id: 'read',
      path: f.collection,
      bodies: [
        f.body([f.record(first, 'text/calendar'), f.record(second, 'text/calendar;x')]),
        f.body([f.record(first, 'httpd/dir'), f.record(second, 'text/calendar')]),
      ],
      changes: [
        valueChange(at(0), 'text/calendar', 'httpd/dir'),
        valueChange(at(1), 'text/calendar;x', 'text/calendar'),
      ],
      cause: cause(at(0)),
    });
    expect(marks).toBeUndefined();
  });

  it('keeps a value of the record the write names a consequence', () => {
    const marks = marksOf(f.collection, f.written, {
      id: 'read',
      path: f.collection,
      bodies: [
        f.body([f.record(f.written, 'text/calendar')]),
        f.body([f.record(f.written, 'httpd/dir')]),
      ],
      changes: [valueChange(at(0), 'text/calendar', 'httpd/dir')],
      cause: cause(at(0)),
    });
    expect(marks?.size).toBe(1);
  });

  it('keeps a value of records the sides list otherwise (another order) a consequence', () => {
    const marks = marksOf(f.collection, f.written, {
      id: 'read',
      path: f.collection,
      bodies: [
        f.body([f.record(first, 'a/b'), f.record(second, 'c/d')]),
        f.body([f.record(second, 'c/d'), f.record(first, 'a/b')]),
      ],
      changes: [
        valueChange(at(0), 'a/b', 'c/d'),
        valueChange(`${f.element(0)}/${f.field.includes('/') ? 'href' : 'name'}`, first, second),
      ],
      cause: cause(at(0)),
      // Each record named another way: that change is a finding of its own, beside this one.
      paths: [at(0)],
    });
    expect(marks?.size).toBe(1);
  });
});
