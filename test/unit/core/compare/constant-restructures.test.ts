/**
 * Issue 43, item 2 (rule 56): one object restructured is one row. Where an
 * object (or one nested in it) gains or lacks members in exactly the same
 * answers, two or more, the constants of that object that change in
 * exactly those answers (one pair of values in each) join those members
 * (`constant-restructures.ts`). Planted twice, with other names and depths:
 * a discovery document whose `links[0]` switches a spec version and loses
 * two properties; a configuration document whose top-level `issuer_type`
 * and `version` change with members removed. Kept apart: a top-level member
 * added in the same answers beside a nested restructure, values that differ
 * per answer (data), a text reworded beside the members, one answer alone,
 * and a constant that also changes where no member does (answers both
 * sides refused are rule 12's: `test/e2e/rpc-operations.test.ts`,
 * `group-by-change.test.ts`).
 */
import { describe, expect, it } from 'vitest';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { diffJson } from '../../../../src/core/compare/delta.js';
import { earlierKeys } from '../../../../src/core/compare/earlier-keys.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';

interface Answer {
  readonly caseId: string;
  readonly endpoint: string;
  readonly baseline: unknown;
  readonly candidate: unknown;
}

/** Each answer as the clustering reads it. */
function judgedOf(answers: readonly Answer[]) {
  return answers.map(({ caseId, endpoint, baseline, candidate }) => {
    const changes = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] });
    return {
      caseId,
      endpoint,
      changes,
      headerChanges: [],
      findings: structureFindings(endpoint, changes),
      bodies: { baseline, candidate },
    };
  });
}

/** The run's rows once clustered: summary → its cases (and `paths`, summary → the pointers it holds). */
function rows(
  answers: readonly Answer[],
  paths = new Map<string, Set<string>>(),
): Map<string, string[]> {
  const judged = answers.map(({ caseId, endpoint, baseline, candidate }) => {
    const changes = diffJson(baseline, candidate, { arrayKeys: [], tolerance: [] });
    return {
      caseId,
      endpoint,
      changes,
      findings: structureFindings(endpoint, changes),
      bodies: { baseline, candidate },
    };
  });
  const clusters = clusterCauses(judged);
  const out = new Map<string, string[]>();
  for (const { caseId, endpoint, findings } of judged) {
    for (const f of clusteredFindings(endpoint, findings, clusters)) {
      out.set(f.summary, [...(out.get(f.summary) ?? []), caseId]);
      paths.set(f.summary, new Set([...(paths.get(f.summary) ?? []), ...f.paths]));
    }
  }
  return out;
}

/** A discovery document: the baseline's link follows `v1` of its spec, the candidate's `v4`. */
function discovery(who: string, side: 'baseline' | 'candidate', top = false): unknown {
  const link =
    side === 'baseline'
      ? {
          href: `/vault/${who}`,
          relation: 'vault',
          spec: 'vault-protocol-v1',
          meta: { 'spec-level': 'vault-protocol-v1', login: `/login/${who}`, scheme: 'implicit' },
        }
      : {
          href: `/vault/${who}`,
          relation: 'urn:vault:protocol',
          spec: 'vault-protocol-v4',
          meta: { 'spec-level': 'vault-protocol-v4' },
        };
  return side === 'candidate' && top
    ? { resource: `acct:${who}`, entries: [link] }
    : { entries: [link] };
}

/** A configuration document: the candidate's `issuer_type` and `version` change and two members go. */
function configuration(tenant: string, side: 'baseline' | 'candidate'): unknown {
  return side === 'baseline'
    ? {
        issuer: `https://id.test/${tenant}`,
        issuer_type: 'classic-issuer',
        version: '2.1.0',
        legacy_endpoint: `https://id.test/${tenant}/legacy`,
        legacy_scopes: ['openid'],
      }
    : { issuer: `https://id.test/${tenant}`, issuer_type: 'modern-issuer', version: '3.0.0' };
}

const FIXTURES = [
  {
    name: 'a discovery link that follows another version of its spec',
    endpoint: 'GET /.well-known/vault',
    body: (who: string, side: 'baseline' | 'candidate') => discovery(who, side),
    members: ['login', 'scheme'],
    constants: ['relation', 'spec', 'spec-level'],
  },
  {
    name: 'a configuration document of another issuer kind',
    endpoint: 'GET /tenants/{id}/configuration',
    body: configuration,
    members: ['legacy_endpoint', 'legacy_scopes'],
    constants: ['issuer_type', 'version'],
  },
] as const;

describe('one object restructured is one row (rule 56)', () => {
  it.each(FIXTURES)('$name: its constants join its members, one row', (fixture) => {
    const paths = new Map<string, Set<string>>();
    const out = rows(
      ['ada', 'bob', 'cy'].map((who) => ({
        caseId: `s/${who}`,
        endpoint: fixture.endpoint,
        baseline: fixture.body(who, 'baseline'),
        candidate: fixture.body(who, 'candidate'),
      })),
      paths,
    );
    expect([...out.values()]).toEqual([['s/ada', 's/bob', 's/cy']]);
    const names = [...paths.values()].flatMap((held) => [...held].map((p) => p.split('/').pop()));
    expect(new Set(names)).toEqual(new Set([...fixture.members, ...fixture.constants]));
  });

  it('supersedes the rows its constants had in a tracker written before', () => {
    const answers = (keep: boolean): Answer[] =>
      ['ada', 'bob'].map((tenant) => {
        const candidate = configuration(tenant, 'candidate') as Record<string, unknown>;
        const baseline = configuration(tenant, 'baseline') as Record<string, unknown>;
        return {
          caseId: `s/${tenant}`,
          endpoint: 'GET /tenants/{id}/configuration',
          baseline,
          // Members kept: the constants change alone, each its own row as before this rule.
          candidate: keep
            ? { ...candidate, legacy_endpoint: baseline.legacy_endpoint, legacy_scopes: ['openid'] }
            : candidate,
        };
      });
    const before = judgedOf(answers(true));
    const beforeClusters = clusterCauses(before);
    const [first] = before;
    if (first === undefined) throw new Error('no answer');
    const old = clusteredFindings(first.endpoint, first.findings, beforeClusters).map(
      (f) => f.fingerprint,
    );
    expect(old.length).toBeGreaterThan(0);
    const now = judgedOf(answers(false));
    const [observed] = now;
    if (observed === undefined) throw new Error('no answer');
    const findings = clusteredFindings(observed.endpoint, observed.findings, clusterCauses(now));
    expect(findings).toHaveLength(1);
    const earlier = earlierKeys({ ...observed, findings, notMembers: new Set() });
    for (const fingerprint of old) {
      expect(earlier.get(findings[0]?.fingerprint ?? '')).toContain(fingerprint);
    }
  });

  it('kept apart: a top-level member added in the same answers is its own row', () => {
    const out = rows(
      ['ada', 'bob'].map((who) => ({
        caseId: `s/${who}`,
        endpoint: 'GET /.well-known/vault',
        baseline: discovery(who, 'baseline', true),
        candidate: discovery(who, 'candidate', true),
      })),
    );
    expect(out.size).toBe(2);
    const apart = [...out.keys()].find((summary) => summary.includes('resource'));
    expect(apart).toBeDefined();
    expect(apart).not.toContain('spec');
  });

  it('kept apart: values that differ per answer stay data, apart from the members', () => {
    const out = rows(
      ['ada', 'bob', 'cy'].map((tenant, i) => {
        const candidate = configuration(tenant, 'candidate') as Record<string, unknown>;
        return {
          caseId: `s/${tenant}`,
          endpoint: 'GET /tenants/{id}/configuration',
          baseline: {
            ...(configuration(tenant, 'baseline') as object),
            issuer_type: 'classic-issuer',
            version: '2.1.0',
          },
          candidate: { ...candidate, issuer_type: 'classic-issuer', version: `3.0.${i}` },
        };
      }),
    );
    const version = [...out.keys()].filter((summary) => summary.includes('version'));
    expect(version).toHaveLength(1);
    expect(version[0]).not.toContain('legacy_endpoint');
  });

  it('kept apart: a text a person reads, reworded beside the members (a wording)', () => {
    const paths = new Map<string, Set<string>>();
    rows(
      ['ada', 'bob'].map((tenant) => ({
        caseId: `s/${tenant}`,
        endpoint: 'GET /tenants/{id}/configuration',
        baseline: { ...(configuration(tenant, 'baseline') as object), notice: 'Issuer is ready' },
        // Its constants written as the baseline's: the text alone beside the members.
        candidate: {
          ...(configuration(tenant, 'candidate') as object),
          issuer_type: 'classic-issuer',
          version: '2.1.0',
          notice: 'issuer ready now',
        },
      })),
      paths,
    );
    const members = [...paths.values()].find((held) => held.has('/legacy_endpoint'));
    expect(members).toBeDefined();
    expect(members?.has('/notice')).toBe(false);
  });

  it('kept apart: one answer alone says nothing of constants', () => {
    const out = rows([
      {
        caseId: 's/ada',
        endpoint: 'GET /tenants/{id}/configuration',
        baseline: configuration('ada', 'baseline'),
        candidate: configuration('ada', 'candidate'),
      },
    ]);
    const members = [...out.keys()].find((summary) => summary.includes('legacy_endpoint'));
    expect(members).toBeDefined();
    expect(members).not.toContain('issuer_type');
  });

  it('kept apart: a constant that also changes where no member does keeps its row', () => {
    const answers: Answer[] = ['ada', 'bob'].map((tenant) => ({
      caseId: `s/${tenant}`,
      endpoint: 'GET /tenants/{id}/configuration',
      baseline: configuration(tenant, 'baseline'),
      candidate: configuration(tenant, 'candidate'),
    }));
    answers.push({
      caseId: 's/cy',
      endpoint: 'GET /tenants/{id}/configuration',
      baseline: { issuer: 'https://id.test/cy', issuer_type: 'classic-issuer', version: '2.1.0' },
      candidate: { issuer: 'https://id.test/cy', issuer_type: 'modern-issuer', version: '3.0.0' },
    });
    const out = rows(answers);
    const members = [...out.keys()].find((summary) => summary.includes('legacy_endpoint'));
    expect(members).not.toContain('issuer_type');
  });
});
