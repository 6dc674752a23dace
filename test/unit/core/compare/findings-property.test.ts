/**
 * The identity of root causes, as properties: cases are built from planted
 * causes with random values, ids, indices, variants and endpoints; whatever
 * subset of them a run sees, in whatever order, each planted cause shows
 * under one fingerprint — the same as in the full set — with the same
 * summary and kind, and different causes never share a fingerprint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Change,
  DivergentObservation,
  HeaderChange,
  Observation,
} from '../../../../src/contract/observation.js';
import type { Finding } from '../../../../src/contract/root-cause.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { groupFindings } from '../../../../src/judge/results/root-causes.js';

/** What one planted cause adds to a case. */
interface Contribution {
  readonly changes: readonly Change[];
  readonly headers: readonly HeaderChange[];
}

interface Endpoint {
  readonly template: string;
  /** Where a record sits in the body: `''` for a read, `/items/<i>` for each element of a list. */
  readonly records: (elements: number) => string[];
  readonly status: readonly [number, number];
}

const ENDPOINTS: readonly Endpoint[] = [
  { template: 'GET /items/:id', records: () => [''], status: [200, 200] },
  {
    template: 'GET /items',
    records: (n) => Array.from({ length: n }, (_, i) => `/items/${i}`),
    status: [200, 200],
  },
  { template: 'POST /items', records: () => [''], status: [422, 400] },
];

/** A value seed: each planted cause draws its values, variants and ids from it. */
type Seed = readonly [number, number, number];

type Planted = (records: readonly string[], seed: Seed) => Contribution;

const WORDS = ['active', 'suspended', 'pending', 'archived'];
const VARIANTS = ['Schema', 'Range', 'Format'];

function body(changes: Change[]): Contribution {
  return { changes, headers: [] };
}

/** Planted causes that can show on any endpoint (a record field, a header). */
const ANYWHERE: Readonly<Record<string, Planted>> = {
  'nil-slice': (records) =>
    body(records.map((r) => ({ path: `${r}/tags`, op: 'type', baseline: [], candidate: null }))),
  'null-vs-absent': (records) =>
    body(records.map((r) => ({ path: `${r}/deleted_at`, op: 'added', candidate: null }))),
  'enum-case': (records, [a]) =>
    body(
      records.map((r, i) => {
        const word = WORDS[(a + i) % WORDS.length] ?? 'active';
        const pascal = word.charAt(0).toUpperCase() + word.slice(1);
        return { path: `${r}/status`, op: 'value', baseline: word, candidate: pascal };
      }),
    ),
  'timestamp-precision': (records, [a, b]) =>
    body(
      records.map((r) => {
        const second = String(a % 60).padStart(2, '0');
        const instant = `2024-01-15T09:30:${second}`;
        const fraction = String((b % 999) + 1).padStart(3, '0');
        return {
          path: `${r}/created_at`,
          op: 'value',
          baseline: `${instant}Z`,
          candidate: `${instant}.${fraction}Z`,
        };
      }),
    ),
  'int-as-string': (records, [a]) =>
    body(
      records.map((r, i) => ({
        path: `${r}/owner_id`,
        op: 'type',
        baseline: a + i,
        candidate: String(a + i),
      })),
    ),
  'header-missing': () => ({
    changes: [],
    headers: [{ name: 'x-served-by', baseline: 'edge-1', candidate: undefined }],
  }),
  'header-value': (_records, [a]) => ({
    changes: [],
    headers: [{ name: 'cache-control', baseline: `max-age=${a}`, candidate: 'no-store' }],
  }),
};

/**
 * A residual change no pattern explains: one cause per resource (every
 * endpoint here addresses `/items`, a read, a list and a create), its path
 * taken within the record. Its
 * value is never zero: a member added with a zero value is the signature of
 * another cause (a struct writing every field, `findings.test.ts`).
 */
const residual: Planted = (records, [a]) =>
  body(records.map((r) => ({ path: `${r}/version`, op: 'added', candidate: a + 1 })));

/** A tagged enum error body, only on the error endpoint (its body is the error). */
const tagged: Planted = (_records, [a, b]) => {
  const variant = VARIANTS[a % VARIANTS.length] ?? 'Schema';
  const field = `f${b % 7}`;
  return body([
    { path: `/${variant}`, op: 'removed', baseline: { field, reason: 'r' } },
    { path: '/Kind', op: 'added', candidate: variant.toLowerCase() },
    { path: '/Field', op: 'added', candidate: field },
    { path: '/Reason', op: 'added', candidate: 'r' },
  ]);
};

interface PlantedCase {
  readonly id: string;
  readonly endpoint: Endpoint;
  /** The causes planted in it, by name (residual and status are per endpoint). */
  readonly causes: readonly string[];
  readonly result: DivergentObservation;
}

const seedArb = fc.tuple(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000));

const caseArb: fc.Arbitrary<CaseSpec> = fc.record({
  endpoint: fc.nat(ENDPOINTS.length - 1),
  planted: fc.uniqueArray(fc.constantFrom(...Object.keys(ANYWHERE)), { maxLength: 4 }),
  residual: fc.boolean(),
  elements: fc.integer({ min: 1, max: 3 }),
  seed: seedArb,
});

interface CaseSpec {
  readonly endpoint: number;
  readonly planted: readonly string[];
  readonly residual: boolean;
  readonly elements: number;
  readonly seed: Seed;
}

function buildCase(spec: CaseSpec, n: number): PlantedCase | undefined {
  const endpoint = ENDPOINTS[spec.endpoint] ?? ENDPOINTS[0];
  if (endpoint === undefined) return undefined;
  const records = endpoint.records(spec.elements);
  const causes = [...spec.planted];
  const parts = spec.planted.map((name) => ANYWHERE[name]?.(records, spec.seed));
  if (spec.residual) {
    causes.push('structure on /items');
    parts.push(residual(records, spec.seed));
  }
  if (endpoint.template === 'POST /items') {
    causes.push('status on POST /items', 'tagged-enum');
    parts.push(tagged(records, spec.seed));
  }
  if (causes.length === 0) return undefined;
  const changes = parts.flatMap((p) => p?.changes ?? []);
  const headers = parts.flatMap((p) => p?.headers ?? []);
  const [baseline, candidate] = endpoint.status;
  const status = { equal: baseline === candidate, baseline, candidate };
  const findings = findingsOf({
    endpoint: endpoint.template,
    comparison: { status, headers, body: changes },
  });
  const id = `t/case-${n}`;
  const result: DivergentObservation = {
    caseId: id,
    suite: 't',
    endpoint: endpoint.template,
    request: { method: 'GET', path: `/items/${spec.seed[0]}` },
    baseline: { status: baseline, durationMs: 1 },
    candidate: { status: candidate, durationMs: 1 },
    kinds: ['shape'],
    verdict: 'divergent',
    fingerprint: id,
    findings,
    explanation: '',
    summary: '',
    changes,
    headerChanges: headers,
    repro: { baseline: '', candidate: '' },
    bodies: { baseline: null, candidate: null },
  };
  return { id, endpoint, causes, result };
}

const libraryArb = fc
  .array(caseArb, { minLength: 1, maxLength: 14 })
  .map((specs) =>
    specs.flatMap((spec, n) => {
      const built = buildCase(spec, n);
      return built === undefined ? [] : [built];
    }),
  )
  .filter((cases) => cases.length > 0);

const PATTERN_PLANTS: Readonly<Record<string, string>> = {
  'timestamp-format': 'timestamp-precision',
};

/** Which planted cause a finding stands for, read off its cause alone. */
function plantedName(finding: Finding): string {
  const { cause } = finding;
  switch (cause.type) {
    case 'pattern':
      return PATTERN_PLANTS[cause.pattern] ?? cause.pattern;
    case 'header':
      return cause.name === 'cache-control' ? 'header-value' : 'header-missing';
    case 'status':
    case 'structure':
      return `${cause.type} on ${cause.endpoint}`;
    case 'body-kind':
      return 'body-kind';
    default: {
      const never: never = cause;
      return never;
    }
  }
}

describe('root-cause identity (property)', () => {
  it('decomposes each case into exactly its planted causes, one fingerprint per cause', () => {
    fc.assert(
      fc.property(libraryArb, (cases) => {
        const fingerprintOf = new Map<string, string>();
        const causeOf = new Map<string, string>();
        for (const c of cases) {
          const names = c.result.findings.map(plantedName);
          expect([...names].sort()).toEqual([...c.causes].sort());
          for (const finding of c.result.findings) {
            const name = plantedName(finding);
            // Whatever its values, ids, indices or endpoint: one fingerprint per cause…
            expect(fingerprintOf.get(name) ?? finding.fingerprint).toBe(finding.fingerprint);
            fingerprintOf.set(name, finding.fingerprint);
            // …and never one fingerprint for two causes.
            expect(causeOf.get(finding.fingerprint) ?? name).toBe(name);
            causeOf.set(finding.fingerprint, name);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows the same fingerprints, summaries and kinds for any subset of cases, in any order', () => {
    fc.assert(
      fc.property(
        libraryArb.chain((cases) =>
          fc.tuple(
            fc.constant(cases),
            fc
              .shuffledSubarray(cases)
              .chain((sub) => fc.shuffledSubarray(sub, { minLength: sub.length })),
          ),
        ),
        ([all, subset]) => {
          const full = groupFindings(all.map((c) => c.result));
          const part = groupFindings(subset.map((c): Observation => c.result));
          const expected = new Set(
            subset.flatMap((c) => c.result.findings.map((f) => f.fingerprint)),
          );
          expect(new Set(part.keys())).toEqual(expected);
          for (const [fingerprint, group] of part) {
            const whole = full.get(fingerprint);
            expect(whole).toBeDefined();
            expect(group.summary).toBe(whole?.summary);
            expect(group.kind).toBe(whole?.kind);
            expect(group.cause).toEqual(whole?.cause);
            // Every case of the subset that shows it is listed, and only those.
            const showing = subset
              .filter((c) => c.result.findings.some((f) => f.fingerprint === fingerprint))
              .map((c) => c.id);
            expect([...group.caseIds].sort()).toEqual([...showing].sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps every other finding when a rule removes one cause from a case', () => {
    fc.assert(
      fc.property(libraryArb, fc.nat(), (cases, pick) => {
        const c = cases[pick % cases.length];
        if (c === undefined || c.result.findings.length < 2) return;
        const removed = c.result.findings[pick % c.result.findings.length];
        if (removed === undefined || removed.cause.type === 'status') return;
        const gone = new Set(removed.paths);
        const headers = c.result.headerChanges.filter(
          (h) => removed.cause.type !== 'header' || h.name !== removed.cause.name,
        );
        const [baseline, candidate] = c.endpoint.status;
        const rest = findingsOf({
          endpoint: c.endpoint.template,
          comparison: {
            status: { equal: baseline === candidate, baseline, candidate },
            headers,
            body: c.result.changes.filter((change) => !gone.has(change.path)),
          },
        });
        const before = c.result.findings.filter((f) => f !== removed).map((f) => f.fingerprint);
        expect(rest.map((f) => f.fingerprint)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
