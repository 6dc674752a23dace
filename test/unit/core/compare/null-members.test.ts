/**
 * Issue 43: a member one answer alone gains as `null`, inside that answer's
 * restructure of the same object, is a member of the restructure
 * (`null-members.ts`), not an `absent vs null` row of its own. Planted twice
 * (a settings object, a profile's preferences); the pattern seen at a second
 * field or in a second answer (the encoder's convention) and a `null` member
 * of another object stay rows of their own.
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
    name: 'a settings object',
    endpoint: 'GET /settings',
    object: 'options',
    gained: ['formatter', 'origin'],
    lost: 'logfile',
    empty: 'apiKey',
    other: { endpoint: 'GET /users/:id', field: 'nickname' },
  },
  {
    name: "a profile's preferences",
    endpoint: 'GET /profile',
    object: 'preferences',
    gained: ['theme', 'locale'],
    lost: 'skin',
    empty: 'timezone',
    other: { endpoint: 'GET /teams/:id', field: 'motto' },
  },
])(
  'a null member in one answer’s restructure ($name)',
  ({ endpoint, object, gained, lost, empty, other }) => {
    const [one = '', two = ''] = gained;
    const restructured = (nulls: readonly string[] = [`/${object}/${empty}`]) =>
      divergentResult('admin/config', endpoint, [
        added(`/${object}/${one}`, 'x'),
        added(`/${object}/${two}`, false),
        removed(`/${object}/${lost}`, 'y'),
        ...nulls.map((path) => added(path, null)),
      ]);

    it('is a member of that restructure: one row', () => {
      const found = rows(restructured());
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^${endpoint.split(' ')[1]}: candidate adds `));
    });

    it('supersedes the `absent vs null` row it had in a tracker written before', () => {
      const observed = restructured();
      const pattern = observed.findings.find((f) => f.summary.startsWith('absent vs null'));
      const clusters = clusterCauses([observed]);
      const findings = clusteredFindings(observed.endpoint, observed.findings, clusters);
      const [row] = findings;
      expect(findings).toHaveLength(1);
      const earlier = earlierKeys({ ...observed, findings, notMembers: new Set() });
      expect(earlier.get(row?.fingerprint ?? '')).toContain(pattern?.fingerprint);
    });

    it('keeps the pattern its own row where a second field shows it (the encoder’s convention)', () => {
      const elsewhere = divergentResult('users/read', other.endpoint, [
        added(`/${other.field}`, null),
      ]);
      const found = rows(restructured(), elsewhere);
      expect(found).toHaveLength(2);
      expect(found.some((row) => row.startsWith('absent vs null'))).toBe(true);
    });

    it('keeps it its own row where a second answer shows it', () => {
      const again = divergentResult('admin/config-again', endpoint, [
        added(`/${object}/${empty}`, null),
      ]);
      expect(rows(restructured(), again)).toHaveLength(2);
    });

    it('keeps a null member of another object its own row', () => {
      const found = rows(restructured([`/meta/${other.field}`]));
      expect(found).toHaveLength(2);
      expect(found).toContain(`absent vs null at \`${other.field}\``);
    });
  },
);
