/**
 * Each side's own write time in a format of its own (docs/rules-and-noise.md,
 * "Timestamps stamped during the run"): the baseline stamps a record at
 * write time with milliseconds, the candidate with seven fractional digits
 * (or epoch seconds against RFC 3339). The instants are each side's own (no
 * question, on a write's answer, its later reads and a list), the format is
 * one decision: one open `timestamp-format` row, never a row awaiting
 * evidence for the values, nor the format hidden as a generated id's.
 * A read that one side answers with one record of the list (its last) is
 * compared by format too, whichever record the comparison pairs. Planted
 * beside it: a member one side adds to every record, and the records a
 * `limit` leaves out, rows of their own. Two fixtures with other field names
 * and formats.
 */
import { describe, expect, it } from 'vitest';
import { reportOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly key: string;
  readonly stamp: string;
  readonly added: string;
  readonly baseline: (at: Date) => unknown;
  readonly candidate: (at: Date) => unknown;
  readonly variant: string;
}

const FIRST: Fixture = {
  name: 'milliseconds against seven fractional digits',
  path: '/customers',
  key: 'RowKey',
  stamp: 'Timestamp',
  added: 'etag',
  baseline: (at) => at.toISOString(),
  candidate: (at) => at.toISOString().replace('Z', '4321Z'),
  variant: 'precision',
};
const SECOND: Fixture = {
  name: 'epoch seconds against RFC 3339',
  path: '/notes',
  key: 'slug',
  stamp: 'written',
  added: 'revision',
  baseline: (at) => Math.floor(at.getTime() / 1000),
  candidate: (at) => at.toISOString().replace(/\.\d+Z$/, 'Z'),
  variant: 'epoch-seconds:rfc3339-z',
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const records = new Map<string, Record<string, unknown>>();
  const stamp = (at: Date) => (candidate ? f.candidate(at) : f.baseline(at));
  return startServer((req, res, text) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === f.path) {
      const sent = JSON.parse(text) as Record<string, unknown>;
      const record = {
        ...sent,
        [f.stamp]: stamp(new Date()),
        ...(candidate ? { [f.added]: 1 } : {}),
      };
      records.set(String(sent[f.key]), record);
      return json(res, 201, record);
    }
    if (req.method === 'GET' && path === f.path) {
      // The candidate honours `limit`, newest first; the baseline ignores it.
      const limit = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('limit') ?? 0);
      const all = [...records.values()];
      return json(res, 200, candidate && limit > 0 ? all.reverse().slice(0, limit) : all);
    }
    const record = records.get(path.slice(f.path.length + 1));
    return record === undefined ? json(res, 404, { error: 'none' }) : json(res, 200, record);
  });
}

const cases = (f: Fixture) => `suite: s
serial: true
cases:
  - id: create-one
    request: { method: POST, path: ${f.path}, json: { ${f.key}: one, title: first } }
  - id: create-two
    request: { method: POST, path: ${f.path}, json: { ${f.key}: two, title: second } }
  - id: read-one
    request: { method: GET, path: ${f.path}/one }
  - id: list
    request: { method: GET, path: ${f.path} }
  - id: newest
    request: { method: GET, path: ${f.path}, query: { limit: '1' } }
`;

describe("each side's own stamps in two formats", () => {
  it.each([FIRST, SECOND])('$name: the format is one open row, the instants none', async (f) => {
    const report = await reportOfServers(cases(f), (side) => server(f, side));
    const causes = report.rootCauses ?? [];
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(3);
    const format = causes.find(
      (c) => c.cause?.type === 'pattern' && c.cause.pattern === 'timestamp-format',
    );
    expect(format?.cause?.type === 'pattern' ? format.cause.params : []).toEqual([f.variant]);
    expect(format?.unsettled).toBeUndefined();
    expect(format?.caseIds).toEqual([
      's/create-one',
      's/create-two',
      's/read-one',
      's/list',
      's/newest',
    ]);
    expect(summaries.filter((s) => s.includes(`\`/${f.added}\``))).toHaveLength(1);
    // The one record `limit` leaves is the baseline's last: its stamp is compared by format too.
    expect(summaries.filter((s) => s.includes('lacks elements'))).toHaveLength(1);
    // Every answer lists the stamps it compared by format, and no value at them is unsettled.
    for (const result of report.results) {
      expect(result.stamped?.length, result.caseId).toBeGreaterThan(0);
      expect(result.unsettled, result.caseId).toBeUndefined();
      expect(result.generated ?? [], result.caseId).toEqual([]);
    }
  });
});
