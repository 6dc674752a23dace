/**
 * Per-instance values on an API that sends every call as `POST /` and names
 * the operation in a header (an RPC-style API, as AWS's JSON APIs are): each
 * side numbers its records with a decimal longer than any 64-bit integer and
 * hands out opaque iterator tokens. Nothing is a GET, so the second look never
 * applies; the evidence is that each value was first seen in the answer to an
 * accepted write, in a format both sides share. A member the candidate adds
 * keeps its row, and a counter the candidate writes in hex where the baseline
 * writes decimal (one length) stays a divergence. Two fixtures with other field
 * names and operations.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/contract/report.js';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly header: string;
  readonly prefix: string;
  readonly seq: string;
  readonly start: string;
  readonly iterator: string;
  readonly next: string;
  readonly records: string;
  readonly added: string;
  /** A counter the candidate writes in hex, the baseline in decimal, of one length. */
  readonly counter: string;
}

const STREAM: Names = {
  header: 'x-amz-target',
  prefix: 'Kinesis_20131202',
  seq: 'SequenceNumber',
  start: 'StartingSequenceNumber',
  iterator: 'ShardIterator',
  next: 'NextShardIterator',
  records: 'Records',
  added: 'EncryptionType',
  counter: 'Checkpoint',
};
const LEDGER: Names = {
  header: 'x-rpc-method',
  prefix: 'ledger.v2',
  seq: 'entryOffset',
  start: 'firstOffset',
  iterator: 'cursor',
  next: 'continuation',
  records: 'entries',
  added: 'region',
  counter: 'watermark',
};

/** A decimal of `n` digits, not starting with 0. */
const digits = (n: number) =>
  `${1 + Math.floor(Math.random() * 9)}${Array.from({ length: n - 1 }, () => Math.floor(Math.random() * 10)).join('')}`;

/** One side: its own sequence numbers (56 digits, increasing) and opaque iterators. */
function server(names: Names, side: { candidate: boolean }): Promise<TestServer> {
  const base = BigInt(digits(56));
  const written: { seq: string; data: unknown }[] = [];
  const iterators = new Map<string, number>();
  const iterator = (at: number) => {
    const token = randomBytes(150).toString('base64');
    iterators.set(token, at);
    return token;
  };
  return startServer((req, res, body) => {
    const op = String(req.headers[names.header] ?? '')
      .split('.')
      .pop();
    const input = JSON.parse(body || '{}') as Record<string, unknown>;
    if (req.method !== 'POST' || req.url !== '/') return json(res, 404, {});
    switch (op) {
      case 'Create':
        return json(res, 200, {});
      case 'Describe':
        return json(res, 200, { name: input.name, [names.start]: base.toString() });
      case 'Put': {
        const seq = (base + BigInt(written.length + 1) * 1_000_000n).toString();
        written.push({ seq, data: input.data });
        return json(res, 200, {
          [names.seq]: seq,
          ...(side.candidate ? { [names.added]: 'NONE' } : {}),
        });
      }
      case 'Iterator':
        return json(res, 200, { [names.iterator]: iterator(0) });
      case 'Read': {
        const at = iterators.get(String(input[names.iterator]));
        if (at === undefined) return json(res, 400, { error: 'expired iterator' });
        return json(res, 200, {
          [names.records]: written.slice(at).map((r) => ({ [names.seq]: r.seq, data: r.data })),
          [names.next]: iterator(written.length),
        });
      }
      case 'Stats': {
        // One length on both sides; decimal against hex (with its letters): another format.
        const n = 1234567 + written.length;
        return json(res, 200, {
          [names.counter]: side.candidate
            ? n.toString(16).padStart(8, 'a')
            : String(n).padStart(8, '0'),
        });
      }
      default:
        return json(res, 400, { error: 'unknown operation' });
    }
  });
}

const call = (names: Names, op: string, body: string) => `        request:
          method: POST
          path: /
          headers: { ${names.header}: ${names.prefix}.${op} }
          json: ${body}`;

const cases = (names: Names) => `suite: rpc
sideEffects: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: life
    steps:
      - id: create
${call(names, 'Create', '{ name: orders }')}
      - id: describe
${call(names, 'Describe', '{ name: orders }')}
      - id: put-one
${call(names, 'Put', '{ name: orders, data: one }')}
      - id: put-two
${call(names, 'Put', '{ name: orders, data: two }')}
      - id: iterator
${call(names, 'Iterator', '{ name: orders }')}
        capture:
          it: { json: /${names.iterator} }
      - id: read
${call(names, 'Read', `{ ${names.iterator}: "{{it}}" }`)}
      - id: stats
${call(names, 'Stats', '{ name: orders }')}
`;

function step(report: RunReport, id: string) {
  const found = report.results.find((r) => r.caseId.endsWith(`/${id}`));
  if (found === undefined)
    throw new Error(`no result ${id}: ${report.results.map((r) => r.caseId)}`);
  return found;
}

describe('per-instance values on an API where every call is a POST', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['stream names', STREAM],
    ['ledger names', LEDGER],
  ])(
    '%s: sequence numbers and iterators are no rows; the added member and the hex counter are',
    async (_, names) => {
      const baseline = await server(names, { candidate: false });
      const candidate = await server(names, { candidate: true });
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/rpc.yaml': cases(names) });
      const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
      expect(run.code, run.stdout).toBe(1);
      const report = await latestReport(cwd);
      const rows = (report.rootCauses ?? []).map((r) => r.summary);
      expect(rows, rows.join('\n')).toHaveLength(2);
      expect(rows.some((row) => row.includes(names.added))).toBe(true);
      expect(rows.some((row) => row.includes(names.counter))).toBe(true);
      for (const field of [names.seq, names.start, names.next, names.iterator]) {
        expect(rows.filter((row) => row.includes(field))).toEqual([]);
      }
      const write = 'first seen in the answer to a write';
      expect(step(report, 'describe').verdict).toBe('equal');
      expect(step(report, 'describe').generated).toEqual([`/${names.start} (${write})`]);
      expect(step(report, 'put-two').generated).toEqual([`/${names.seq} (${write})`]);
      expect(step(report, 'put-two').findings?.map((f) => f.summary)).toEqual([
        expect.stringContaining(names.added),
      ]);
      const read = step(report, 'read');
      expect(read.verdict).toBe('equal');
      // The records' numbers are the puts' own, echoed: compared as those references.
      expect(read.generated).toEqual([`/${names.next} (${write})`]);
      const stats = step(report, 'stats');
      expect(stats.verdict).toBe('divergent');
      expect(stats.generated).toBeUndefined();
    },
  );
});
