/**
 * A record one side stored without its identity member (docs/grouping-rules.md,
 * "Lists are aligned by identity"): the baseline accepts a record with no
 * name and lists it, the candidate refuses it; the candidate also lists in
 * name order where the baseline keeps insertion order. The listing is that
 * record (a consequence of the refused write) and an order, never a value
 * row per member of records compared by index. Two fixtures with other
 * field names.
 */
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly key: string;
  readonly other: string;
}

const FIRST: Fixture = { name: 'customers by Name', path: '/customers', key: 'Name', other: 'Age' };
const SECOND: Fixture = { name: 'parts by sku', path: '/parts', key: 'sku', other: 'bin' };

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const records: Record<string, unknown>[] = [];
  return startServer((req, res, body) => {
    if (req.method === 'POST') {
      const record = JSON.parse(body) as Record<string, unknown>;
      if (candidate && record[f.key] === undefined) return json(res, 400, { error: 'no key' });
      records.push(record);
      return json(res, 201, record);
    }
    const listed = candidate
      ? [...records].sort((a, b) => String(a[f.key]).localeCompare(String(b[f.key])))
      : records;
    return json(res, 200, { value: listed });
  });
}

const cases = (f: Fixture) => `suite: s
serial: true
cases:
  - id: add-c
    request: { method: POST, path: ${f.path}, json: { ${f.key}: carol, ${f.other}: 3 } }
  - id: add-a
    request: { method: POST, path: ${f.path}, json: { ${f.key}: ada, ${f.other}: 1 } }
  - id: add-b
    request: { method: POST, path: ${f.path}, json: { ${f.key}: bob, ${f.other}: 2 } }
  - id: add-without-key
    request: { method: POST, path: ${f.path}, json: { ${f.other}: 9 } }
  - id: list
    request: { method: GET, path: ${f.path} }
`;

describe('a record without its identity member is an element of its own', () => {
  it.each([FIRST, SECOND])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (side) => server(f, side));
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toHaveLength(2);
    const refused = causes.find((c) => c.cause?.type === 'status');
    expect(refused?.caseIds).toEqual(['s/add-without-key', 's/list']);
    const order = causes.find((c) => c.cause?.type === 'pattern');
    expect(order?.cause?.type === 'pattern' ? order.cause.pattern : '').toBe('array-order');
    expect(summaries.some((s) => s.includes('value of'))).toBe(false);
  });
});
