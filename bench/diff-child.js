// One diff-cost measurement in its own process (so its peak RSS is its own):
// builds two bodies as bytes, then decodes, compares and explains them with
// parity's judge. Prints one JSON line: { name, ms, rssMb, changes, verdict }.
// Usage: node bench/diff-child.js <scenario> [elements]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBody, judge, loadCases } from 'http-parity';

const [name = 'big-object', sizeArg] = process.argv.slice(2);
const N = Number(sizeArg ?? 100_000);

function element(i, keyed) {
  const base = { name: `element-${i}`, group: i % 17, score: i * 3, ok: i % 2 === 0 };
  return keyed ? { id: i, ...base } : { sku: `s${i}`, ...base };
}

/** A ~10 MB object: 40,000 entries keyed by name, one value changed. */
function bigObject() {
  const left = {};
  for (let i = 0; i < 40_000; i++) {
    left[`entry-${i}`] = {
      title: `Entry number ${i} of the big document`,
      values: [i, i + 1, i + 2, i + 3],
      nested: { a: 'x'.repeat(80), b: i % 13, c: [true, false, null] },
      when: '2026-01-02T03:04:05Z',
    };
  }
  const right = structuredClone(left);
  right['entry-20000'].nested.b = 99;
  return [left, right];
}

function arrays(variant, keyed) {
  const left = Array.from({ length: N }, (_, i) => element(i, keyed));
  let right = left.map((e) => ({ ...e }));
  if (variant === 'one-changed') right[N >> 1].score = -1;
  if (variant === 'insert-front') right = [element(N + 1, keyed), ...right];
  if (variant === 'all-shifted') right = [...right.slice(1), right[0]];
  return [left, right];
}

function bodies() {
  if (name === 'big-object') return bigObject();
  const match = /^array-(equal|one-changed|insert-front|all-shifted)-(keyed|unkeyed)$/.exec(name);
  if (match === null) throw new Error(`unknown scenario ${name}`);
  return arrays(match[1], match[2] === 'keyed');
}

const [left, right] = bodies();
const bytes = [Buffer.from(JSON.stringify(left)), Buffer.from(JSON.stringify(right))];
// The case as a library declares it (default rules), loaded by the public API.
const caseDir = mkdtempSync(join(tmpdir(), 'parity-bench-diff-'));
writeFileSync(
  join(caseDir, 'big.json'),
  JSON.stringify({
    suite: 'bench',
    cases: [{ id: name, request: { method: 'GET', path: '/big' } }],
  }),
);
const [testCase] = await loadCases(['big.json'], { cwd: caseDir, env: {} });
rmSync(caseDir, { recursive: true, force: true });
const side = (body) => ({
  outcome: 'response',
  response: { status: 200, headers: {}, body, wireBytes: 0, durationMs: 0 },
});
// Collect the garbage of building the bodies first: it is the benchmark's, not parity's.
globalThis.gc?.();
const started = performance.now();
const exchange = {
  case: testCase,
  baseline: side(decodeBody(bytes[0], 'application/json')),
  candidate: side(decodeBody(bytes[1], 'application/json')),
};
const judgement = judge(exchange);
const ms = performance.now() - started;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({
    name,
    mb: Math.round((bytes[0].length / 1e6) * 10) / 10,
    ms: Math.round(ms),
    rssMb: Math.round(rssMb),
    verdict: judgement.verdict,
    changes: judgement.comparison?.body?.length ?? judgement.divergence?.changes.length ?? 0,
    explanation: (judgement.divergence?.explanation ?? '').slice(0, 120),
  })}\n`,
);
