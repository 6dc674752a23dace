/**
 * An RPC protocol's extension one side lacks is one row (docs/tracker.md
 * rule 42): the calls of a namespace the protocol reserves for itself
 * (XML-RPC's `system.` introspection and multicall, JSON-RPC 2.0's `rpc.`)
 * that one side answers and the other refuses as no such operation are one
 * question, keyed by the namespace. The service's own methods one side lacks
 * stay a row each (two features). Two fixtures: an XML-RPC weather service
 * whose candidate answers `404`, and a JSON-RPC shop whose candidate's router
 * answers `501`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { rootCausesOfServers, runCli, sidesOf, tempProject } from '../helpers/cli.js';
import { decidedRerun } from '../helpers/decided-rerun.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly path: string;
  readonly contentType: string;
  /** The protocol's extension calls, then two of the service's own the candidate lacks. */
  readonly extension: readonly string[];
  readonly own: readonly [string, string];
  /** A call both serve alike. */
  readonly shared: string;
  readonly call: (method: string) => string;
  readonly methodOf: (body: string) => string | undefined;
  readonly answer: (method: string) => string;
  readonly missing: number;
  readonly namespace: string;
}

const xmlCall = (method: string) =>
  `<?xml version="1.0"?><methodCall><methodName>${method}</methodName><params></params></methodCall>`;

const WEATHER: Fixture = {
  name: 'an XML-RPC weather service',
  path: '/RPC2',
  contentType: 'text/xml',
  extension: ['system.listMethods', 'system.methodSignature', 'system.getCapabilities'],
  own: ['weather.history', 'weather.alerts'],
  shared: 'weather.today',
  call: xmlCall,
  methodOf: (body) => /<methodName>([^<]*)</.exec(body)?.[1],
  answer: (method) =>
    `<?xml version="1.0"?><methodResponse><params><param><value><string>${method} ok</string></value></param></params></methodResponse>`,
  missing: 404,
  namespace: 'system',
};

const SHOP: Fixture = {
  name: 'a JSON-RPC shop',
  path: '/jsonrpc',
  contentType: 'application/json',
  extension: ['rpc.discover', 'rpc.describe'],
  own: ['shop.refund', 'shop.void'],
  shared: 'shop.order',
  call: (method) => JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: {} }),
  methodOf: (body) => {
    try {
      return (JSON.parse(body) as { method?: string }).method;
    } catch {
      return undefined;
    }
  },
  answer: (method) => JSON.stringify({ jsonrpc: '2.0', id: 1, result: { method, done: true } }),
  missing: 501,
  namespace: 'rpc',
};

/** The baseline serves every call; the candidate only the shared one. */
function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  return startServer((_req, res, text) => {
    const method = f.methodOf(text) ?? '';
    if (candidate && method !== f.shared) {
      res.writeHead(f.missing).end();
      return;
    }
    res.writeHead(200, { 'content-type': f.contentType });
    res.end(f.answer(method));
  });
}

const cases = (f: Fixture, methods: readonly string[] = [...f.extension, ...f.own, f.shared]) =>
  [
    'suite: rpc',
    'cases:',
    ...methods.map(
      (method) =>
        `  - id: ${method.replace(/\./g, '-')}\n    request: { method: POST, path: ${f.path}, headers: { content-type: ${f.contentType} }, text: ${JSON.stringify(f.call(method))} }`,
    ),
    '',
  ].join('\n');

describe('an RPC protocol extension one side lacks', () => {
  it.each([WEATHER, SHOP])('$name: one row for the namespace, one per own method', async (f) => {
    const causes = await rootCausesOfServers(cases(f), (candidate) => server(f, candidate));
    const summaries = causes.map((c) => c.summary).sort();
    expect(summaries, JSON.stringify(summaries, null, 1)).toEqual(
      [
        `status 200 → ${f.missing} on POST ${f.path} ${f.namespace}.*`,
        ...f.own.map((method) => `status 200 → ${f.missing} on POST ${f.path} ${method}`),
      ].sort(),
    );
    const extension = causes.find((c) => c.summary.endsWith(`${f.namespace}.*`));
    expect([...(extension?.endpoints ?? [])].sort()).toEqual(
      f.extension.map((method) => `POST ${f.path} ${method}`).sort(),
    );
  });
});

describe('an RPC protocol extension row, in a tracker written before', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([WEATHER, SHOP])(
    '$name: the per-call row is superseded, its decision carried',
    async (f) => {
      const baseline = await server(f, false);
      const candidate = await server(f, true);
      started.push(baseline, candidate);
      const [first = ''] = f.extension;
      const cwd = await tempProject({ 'cases/s.yaml': cases(f, [first]) });
      const run = await runCli(cwd, ['run', ...sidesOf(baseline, candidate)]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const { causes, all, line } = await decidedRerun(
        cwd,
        ['run', ...sidesOf(baseline, candidate)],
        {
          row: new RegExp(
            `^\\| (PAR-\\d+) \\| _open_ \\| status \\| .*${first.replace('.', '\\.')}.*\\| \\|$`,
            'm',
          ),
          decision: 'we add introspection',
          library: { 'cases/s.yaml': cases(f) },
        },
      );
      expect(
        causes.some((c) => c.summary.endsWith(`${f.namespace}.*`)),
        all,
      ).toBe(true);
      expect(line, all).toMatch(
        /\| _superseded_ \| status \|.*superseded by PAR-\d+ · .*\| we add introspection \|$/,
      );
    },
  );
});
