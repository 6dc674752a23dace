/**
 * A constant of each side is no per-instance value (issue 43, item 1; rule
 * 45, amended), and one object restructured is one row (item 2, rule 56),
 * on real servers. Each side writes one name-like value (a spec's draft, a
 * release) at one place in the answers of two cases: the run's own evidence
 * that it is the side's constant, so its row is open, never awaiting. Two
 * shapes with other routes and members: a discovery document whose
 * `entries[0]` follows another version of its protocol (its `spec` and
 * `meta.spec-level` change, two `meta` members go; the body's own `resource`
 * is added beside it: a row of its own), and a configuration document whose
 * `build` and `flavour` change with two members removed. Kept awaiting
 * (the value alone differing): a value that differs per answer (drawn), one
 * case alone, and a value with a drawn piece repeated in every answer (an
 * instance's node name: it awaits a replica).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/**
 * How the candidate writes its value: one everywhere with its object
 * restructured, one everywhere alone (`value-only`), another per answer, or
 * a drawn node name (the last three with nothing else differing).
 */
type Writing = 'constant' | 'value-only' | 'per-answer' | 'node';

interface Shape {
  readonly name: string;
  /** The body a side answers for `who` (the n-th request it answered). */
  readonly body: (who: string, side: 0 | 1, writing: Writing, n: number) => unknown;
  readonly route: (url: URL) => string | undefined;
  readonly cases: (names: readonly string[]) => string;
  /** The members the restructure's row holds (its members and constants). */
  readonly restructure: readonly string[];
  /** A member of its own row, beside the restructure, if any. */
  readonly apart?: string;
}

const SHAPES: readonly Shape[] = [
  {
    name: 'a discovery document',
    body: (who, side, writing, n) => {
      const version =
        writing === 'node'
          ? ['vault-node-a7f3b9c1', 'vault-node-d2e8f4a6'][side]
          : side === 0
            ? 'vault-protocol-v1'
            : writing === 'per-answer'
              ? `vault-protocol-v${4 + n}`
              : 'vault-protocol-v4';
      // Where the candidate's value is no constant, its value alone differs.
      const alone = writing !== 'constant';
      const meta: Record<string, unknown> = { 'spec-level': version };
      if (side === 0 || alone) Object.assign(meta, { login: `/login/${who}`, scheme: 'implicit' });
      const entry = { href: `/vault/${who}`, spec: version, meta };
      return side === 0 || alone
        ? { entries: [entry] }
        : { resource: `acct:${who}`, entries: [entry] };
    },
    route: (url) =>
      url.pathname === '/.well-known/vault'
        ? (url.searchParams.get('resource') ?? undefined)
        : undefined,
    cases: (names) =>
      [
        'suite: vault',
        'cases:',
        ...names.map(
          (who) =>
            `  - id: ${who}\n    request: { method: GET, path: /.well-known/vault, query: { resource: 'acct:${who}' } }`,
        ),
        '',
      ].join('\n'),
    restructure: ['login', 'scheme', 'spec', 'spec-level'],
    apart: 'resource',
  },
  {
    name: 'a configuration document',
    body: (who, side, writing, n) => {
      const build =
        writing === 'node'
          ? ['release-a7f3b9c1', 'release-d2e8f4a6'][side]
          : side === 0
            ? 'release-2024-03'
            : writing === 'per-answer'
              ? `release-2025-1${n}`
              : 'release-2025-11';
      // Where the candidate's value is no constant, its `build` alone differs.
      const alone = writing !== 'constant';
      const flavour = side === 1 && !alone ? 'modern-stack' : 'classic-stack';
      return side === 0 || alone
        ? { tenant: who, build, flavour, legacy_url: `/legacy/${who}`, legacy_mode: true }
        : { tenant: who, build, flavour };
    },
    route: (url) => /^\/tenants\/([a-z]+)\/config$/.exec(url.pathname)?.[1],
    cases: (names) =>
      [
        'suite: tenants',
        'cases:',
        ...names.map(
          (who) => `  - id: ${who}\n    request: { method: GET, path: /tenants/${who}/config }`,
        ),
        '',
      ].join('\n'),
    restructure: ['build', 'flavour', 'legacy_mode', 'legacy_url'],
  },
];

function server(shape: Shape, side: 0 | 1, writing: Writing): Promise<TestServer> {
  let n = 0;
  return startServer((req, res) => {
    const who = shape.route(new URL(req.url ?? '/', 'http://x'));
    if (who === undefined) return json(res, 404, { error: 'missing' });
    n += 1;
    return json(res, 200, shape.body(who, side, writing, n));
  });
}

type Causes = NonNullable<RunReport['rootCauses']>;

/** The names of the members each root cause's findings hold (last pointer segments). */
function membersOf(cause: Causes[number], report: RunReport): Set<string> {
  const out = new Set<string>();
  for (const result of report.results) {
    if (!('findings' in result) || result.findings === undefined) continue;
    for (const finding of result.findings) {
      if (finding.fingerprint !== cause.fingerprint) continue;
      for (const path of finding.paths) out.add(path.split('/').pop() ?? '');
    }
  }
  return out;
}

describe('a constant of each side, and one object restructured (rules 45, 56)', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));
  const run = async (shape: Shape, writing: Writing, names: readonly string[]) => {
    const a = await server(shape, 0, writing);
    const b = await server(shape, 1, writing);
    started.push(a, b);
    const cwd = await tempProject({ 'cases/s.yaml': shape.cases(names) });
    const out = await runPair(cwd, `a=${a.url}`, `b=${b.url}`, ['--second-look', '0']);
    return { out, report: await latestReport(cwd) };
  };

  it.each(SHAPES)(
    '$name: the same pair in two cases is a real row, the object restructured one row',
    async (shape) => {
      const { report } = await run(shape, 'constant', ['ada', 'bob']);
      const causes = report.rootCauses ?? [];
      expect(causes.filter((c) => c.unsettled === true)).toEqual([]);
      expect(report.summary.rootCauses).toMatchObject({ open: shape.apart === undefined ? 1 : 2 });
      const restructure = causes.find((c) => membersOf(c, report).has(shape.restructure[0] ?? ''));
      expect(restructure?.caseIds).toHaveLength(2);
      expect(new Set(restructure === undefined ? [] : membersOf(restructure, report))).toEqual(
        new Set(shape.restructure),
      );
      if (shape.apart !== undefined) {
        const apart = causes.find((c) => membersOf(c, report).has(shape.apart ?? ''));
        expect(apart).toBeDefined();
        expect(apart).not.toBe(restructure);
      }
    },
  );

  it.each(SHAPES)(
    '$name: kept awaiting, a value per answer, one case alone, a drawn piece',
    async (shape) => {
      for (const [writing, names] of [
        ['per-answer', ['ada', 'bob']],
        ['value-only', ['ada']],
        ['node', ['ada', 'bob']],
      ] as const) {
        const { report } = await run(shape, writing, names);
        const awaiting = (report.rootCauses ?? []).filter((c) => c.unsettled === true);
        expect(awaiting.length, `${writing} ${names.join()}`).toBeGreaterThan(0);
        expect(report.summary.rootCauses, writing).toMatchObject({ open: 0 });
      }
    },
  );
});
