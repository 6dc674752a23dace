/**
 * A request whose body does not parse as the media type it declares is
 * refused for one reason (docs/tracker.md rule 40): a side answers each
 * malformed body with its parser's message, and the message changes with
 * the input. Three malformed bodies are one row, not one per parser message;
 * a well-formed body refused for a reason of its own stays its own row. Two
 * fixtures: an XML-RPC ledger whose baseline answers a fault where the
 * candidate answers 404, and a JSON orders API whose baseline refuses what
 * the candidate's lenient reader accepts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfServers, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly contentType: string;
  /** Three bodies that do not parse, and one that parses and is refused. */
  readonly malformed: readonly [string, string, string];
  readonly refused: string;
  readonly server: (candidate: boolean) => Promise<TestServer>;
  /** The rows: the malformed bodies', then the well-formed refusal's. */
  readonly rows: readonly [string, string];
}

const fault = (message: string) =>
  `<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member><member><name>faultString</name><value><string>${message}</string></value></member></struct></value></fault></methodResponse>`;

/** Expat's words for each way a body is not XML, as Python's server answers them. */
function expatMessage(text: string): string {
  if (text.trim() === '') return 'ExpatError: no element found: line 1, column 0';
  if (!text.startsWith('<')) return 'ExpatError: syntax error: line 1, column 0';
  return `ExpatError: unclosed token: line 1, column ${text.length - 4}`;
}

const LEDGER: Fixture = {
  name: 'an XML-RPC ledger',
  path: '/rpc',
  contentType: 'text/xml',
  malformed: [
    'account=7&amount=12',
    '',
    '<?xml version="1.0"?><methodCall><methodName>ledger.post</meth',
  ],
  refused:
    '<?xml version="1.0"?><methodCall><methodName>ledger.shut</methodName><params></params></methodCall>',
  server: (candidate) =>
    startServer((_req, res, text) => {
      if (candidate) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      const parsed = text.includes('</methodCall>');
      res.end(fault(parsed ? 'closed today' : expatMessage(text)));
    }),
  rows: [
    'baseline answers 200 with a fault (`{{malformed XML request}}`) where candidate answers an error status, on POST /rpc',
    'baseline answers 200 with a fault (`closed today`) where candidate answers an error status, on POST /rpc ledger.shut',
  ],
};

const ORDERS: Fixture = {
  name: 'a JSON orders API',
  path: '/orders',
  contentType: 'application/json',
  malformed: ['{"sku": "lamp",}', '{"sku": "lamp"', "{'sku': 'lamp'}"],
  refused: '{"sku":"lamp","quantity":-2}',
  server: (candidate) =>
    startServer((_req, res, text) => {
      let order: { quantity?: number };
      try {
        order = JSON.parse(text) as { quantity?: number };
      } catch (error) {
        // The candidate's reader is lenient: it takes what it can and accepts.
        if (candidate) return json(res, 201, { created: true });
        return json(res, 400, { error: (error as Error).message });
      }
      if (!candidate && (order.quantity ?? 1) < 0)
        return json(res, 422, { error: 'quantity must be positive' });
      json(res, 201, { created: true });
    }),
  rows: [
    'status 400 → 201 on POST /orders (baseline: `{{malformed JSON request}}`)',
    'status 422 → 201 on POST /orders (baseline: `quantity must be positive`)',
  ],
};

const cases = (f: Fixture, only?: number) => {
  const request = (id: string, body: string) =>
    `  - id: ${id}\n    request: { method: POST, path: ${f.path}, headers: { content-type: ${f.contentType} }, text: ${JSON.stringify(body)} }`;
  return [
    'suite: s',
    'cases:',
    ...f.malformed
      .map((body, k) => request(`malformed-${k + 1}`, body))
      .filter((_, k) => only === undefined || k === only),
    ...(only === undefined ? [request('refused', f.refused)] : []),
    '',
  ].join('\n');
};

describe('a malformed request is refused for one reason', () => {
  it.each([LEDGER, ORDERS])(
    '$name: one row for every malformed body, another for the refusal',
    async (f) => {
      const causes = await rootCausesOfServers(cases(f), f.server);
      const summaries = causes.map((c) => c.summary).sort();
      expect(summaries, JSON.stringify(summaries, null, 1)).toEqual([...f.rows].sort());
      const malformed = causes.find((c) => c.summary === f.rows[0]);
      expect(malformed?.caseIds).toEqual(['s/malformed-1', 's/malformed-2', 's/malformed-3']);
    },
  );
});

describe('a refusal that also refuses well-formed requests', () => {
  it('keeps its reason: one row for what the server says to both', async () => {
    const causes = await rootCausesOfServers(cases(ORDERS), (candidate) =>
      startServer((_req, res, text) => {
        if (candidate) return json(res, 201, { created: true });
        let quantity = 1;
        try {
          quantity = (JSON.parse(text) as { quantity?: number }).quantity ?? 1;
        } catch {
          return json(res, 400, { error: 'invalid order' });
        }
        if (quantity < 0) return json(res, 400, { error: 'invalid order' });
        json(res, 201, { created: true });
      }),
    );
    const summaries = causes.map((c) => c.summary);
    expect(summaries, JSON.stringify(summaries, null, 1)).toEqual([
      'status 400 → 201 on POST /orders (baseline: `invalid order`)',
    ]);
    expect(causes[0]?.caseIds).toHaveLength(4);
  });
});

describe('a malformed request row, in a tracker written before', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([LEDGER, ORDERS])(
    '$name: the per-message row is superseded, its decision carried',
    async (f) => {
      const baseline = await f.server(false);
      const candidate = await f.server(true);
      started.push(baseline, candidate);
      const cwd = await tempProject({ 'cases/s.yaml': cases(f, 0) });
      const run = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const { causes, all, line } = await decidedRerun(
        cwd,
        ['run', ...sidesOf(baseline, candidate)],
        {
          row: /^\| (PAR-\d+) \| _open_ \| status \| .*\| \|$/m,
          decision: 'we answer broken bodies alike',
          library: { 'cases/s.yaml': cases(f) },
        },
      );
      expect(
        causes.map((c) => c.summary),
        all,
      ).toContain(f.rows[0]);
      expect(line, all).toMatch(
        /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| we answer broken bodies alike \|$/,
      );
    },
  );
});
