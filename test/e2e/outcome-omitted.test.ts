/**
 * A conditional write whose outcome one side leaves out when it is `false`
 * (the protobuf JSON mapping omits a default: etcd's gateway never writes
 * `"succeeded": false`). That side writes the member `true` where its write
 * ran and nothing where it did not, so `true` against absent is the outcome
 * differing, with its answer's other differences and its flow's later ones
 * under its row, as for `true` against `false`. Two fixtures of other names
 * and sides; every answer also carries a revision written as a string on the
 * baseline (a difference of its own, shown where no outcome differed, so it
 * keeps its row, and so the answers that agree on the outcome keep bodies).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfPair } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

/**
 * `PUT /kv/:key` sets a number; `POST /kv/:key/cas` sets `value` only while
 * the key holds `expect`. The `buggy` side compares an `expect` of 10 or more
 * as text, so that swap never runs there, and leaves `member` out when false.
 */
function casStore(buggy: boolean, baseline: boolean, member: string): Promise<TestServer> {
  const held = new Map<string, number>();
  let revision = 0;
  return startServer((req, res, body) => {
    const [, , key = '', action] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const rev = baseline ? String(++revision) : ++revision;
    const read = () => ({ rev, value: held.get(key) ?? 0 });
    if (req.method === 'GET') return json(res, 200, read());
    const sent = JSON.parse(body) as { value: number; expect?: number };
    if (req.method === 'PUT' || action !== 'cas') {
      held.set(key, sent.value);
      return json(res, 200, read());
    }
    const expect = sent.expect ?? 0;
    const ran = buggy && expect >= 10 ? false : held.get(key) === expect;
    if (ran) held.set(key, sent.value);
    if (!ran && buggy) return json(res, 200, read());
    return json(res, 200, { [member]: ran, ...read() });
  });
}

const flow = (suite: string) => `suite: ${suite}
sideEffects: true
cases:
  - id: counter
    steps:
      - id: set-low
        request: { method: PUT, path: /kv/hits, json: { value: 5 } }
      - id: swap-low
        request: { method: POST, path: /kv/hits/cas, json: { expect: 5, value: 6 } }
      - id: set-high
        request: { method: PUT, path: /kv/hits, json: { value: 12 } }
      - id: swap-high
        request: { method: POST, path: /kv/hits/cas, json: { expect: 12, value: 13 } }
      - id: read
        request: { method: GET, path: /kv/hits }
`;

describe('an outcome one side leaves out when false', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    { name: 'the candidate omits `succeeded: false`', member: 'succeeded', buggy: 'candidate' },
    { name: 'the baseline omits `applied: false`', member: 'applied', buggy: 'baseline' },
  ])('$name: the outcome is one row', async ({ member, buggy }) => {
    const baseline = await casStore(buggy === 'baseline', true, member);
    const candidate = await casStore(buggy === 'candidate', false, member);
    started.push(baseline, candidate);
    const causes = await rootCausesOfPair(flow(member), baseline, candidate);
    const summaries = causes.map((c) => c.summary);
    const outcome = causes.filter((c) => c.summary.includes(`/${member}\``));
    expect(outcome, summaries.join('\n')).toHaveLength(1);
    expect(outcome[0]?.caseIds).toEqual([`${member}/counter/swap-high`, `${member}/counter/read`]);
    expect(outcome[0]?.consequences).toEqual([`${member}/counter/read`]);
    // The value the swap wrote, and the revision's type, are no rows of the outcome's answers.
    expect(
      causes.filter((c) => c.summary.includes('/value')),
      summaries.join('\n'),
    ).toEqual([]);
    expect(causes).toHaveLength(2);
  });
});
