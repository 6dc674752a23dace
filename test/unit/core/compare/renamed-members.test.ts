/**
 * Issue 43: a member renamed (`key-rename`) inside an object whose other
 * members are added and removed in exactly the same answers is part of that
 * object's restructure (`renamed-members.ts`), not a row of its own. Planted
 * twice (an attachment, a shipment's parcel); a rename also seen in another
 * answer, and a rename in another object, stay rows of their own.
 */
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { clusteredSummaries } from '../../../helpers/clustered-rows.js';
import { divergentResult } from './fixtures.js';

const added = (path: string, candidate: unknown): Change => ({ op: 'added', path, candidate });
const removed = (path: string, baseline: unknown): Change => ({ op: 'removed', path, baseline });

const rows = (...answers: ReturnType<typeof divergentResult>[]) =>
  clusteredSummaries(answers).sort();

describe.each([
  {
    name: 'an attachment',
    endpoint: 'GET /email',
    list: 'attachments',
    from: 'fileName',
    to: 'filename',
    gained: 'size',
    lost: ['length', 'checksum'],
    other: 'contentType',
  },
  {
    name: "a shipment's parcels",
    endpoint: 'GET /shipments',
    list: 'parcels',
    from: 'barCode',
    to: 'barcode',
    gained: 'weightGrams',
    lost: ['weight', 'carrierRef'],
    other: 'label',
  },
])('a member renamed inside a restructure ($name)', (f) => {
  const [lostOne = '', lostTwo = ''] = f.lost;
  /** One answer: a list of records, each with one element of `f.list` described the other way. */
  const answer = (id: string, records: number, renamed = true, restructured = true) =>
    divergentResult(
      id,
      f.endpoint,
      Array.from({ length: records }, (_, i) => {
        const at = `/${i}/${f.list}/0`;
        return [
          ...(renamed ? [removed(`${at}/${f.from}`, `file-${i}.txt`)] : []),
          ...(renamed ? [added(`${at}/${f.to}`, `file-${i}.txt`)] : []),
          ...(restructured
            ? [
                removed(`${at}/${lostOne}`, 33),
                removed(`${at}/${lostTwo}`, 'aa67e1'),
                added(`${at}/${f.gained}`, 33),
              ]
            : []),
        ];
      }).flat(),
    );

  it('is a member of that restructure: one row', () => {
    const found = rows(answer('mail/list', 2), answer('mail/find', 1));
    expect(found, JSON.stringify(found)).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${f.endpoint.split(' ')[1]}: candidate adds `));
  });

  it('supersedes the `key-rename` row it had in a tracker written before', () => {
    const observed = answer('mail/list', 2);
    const other = answer('mail/find', 1);
    const pattern = observed.findings.find((x) => x.cause.type === 'pattern');
    const clusters = clusterCauses([observed, other]);
    const findings = clusteredFindings(observed.endpoint, observed.findings, clusters);
    expect(findings).toHaveLength(1);
    const earlier = earlierKeys({ ...observed, findings, notMembers: new Set() });
    expect(earlier.get(findings[0]?.fingerprint ?? '')).toContain(pattern?.fingerprint);
  });

  it('keeps the rename its own row where an answer shows it without the others', () => {
    const found = rows(
      answer('mail/list', 2),
      answer('mail/find', 1),
      answer('mail/old', 1, true, false),
    );
    expect(found).toHaveLength(2);
    expect(found.some((row) => row.startsWith(`member \`${f.from}\` renamed`))).toBe(true);
  });

  it('keeps apart a rename in another object of the same answers', () => {
    const elsewhere = (id: string, records: number) => {
      const own = answer(id, records);
      const renamedElsewhere = divergentResult(id, f.endpoint, [
        ...own.changes.filter(
          (c) => !c.path.endsWith(`/${f.from}`) && !c.path.endsWith(`/${f.to}`),
        ),
        removed(`/0/${f.other}/${f.from}`, 'x.txt'),
        added(`/0/${f.other}/${f.to}`, 'x.txt'),
      ]);
      return renamedElsewhere;
    };
    const found = rows(elsewhere('mail/list', 2), elsewhere('mail/find', 1));
    expect(found).toHaveLength(2);
  });
});
