/**
 * Issue 43, "grouping must never hide a decision", with real servers: in a
 * serial sequence, the candidate accepts an upload the baseline refuses, and
 * the listing read next shows that (the candidate lists one record more: a
 * consequence of the write, under its row). The same listing also describes
 * the records both hold in two ways (a media type): a decision of its own,
 * which would differ without the write. It keeps its own row. Two fixtures
 * with other names, one JSON and one XML.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  readonly collection: string;
  readonly records: readonly string[];
  readonly upload: string;
  readonly field: string;
  readonly listing: (records: readonly { name: string; type: string }[]) => {
    type: string;
    body: string;
  };
}

const JSON_LIST: Fixture = {
  name: 'a JSON listing',
  collection: '/shelves',
  records: ['novels', 'poems'],
  upload: 'broken',
  field: 'mediaType',
  listing: (records) => ({
    type: 'application/json',
    body: JSON.stringify({ items: records.map((r) => ({ name: r.name, mediaType: r.type })) }),
  }),
};

const XML_LIST: Fixture = {
  name: 'an XML listing',
  collection: '/cal',
  records: ['standup.ics', 'retro.ics'],
  upload: 'bad.ics',
  field: 'kind',
  listing: (records) => ({
    type: 'application/xml',
    body: `<list>${records.map((r) => `<entry><href>/cal/${r.name}</href><kind>${r.type}</kind></entry>`).join('')}</list>`,
  }),
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const stored = [...f.records];
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'PUT') {
      if (!candidate) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return void res.end('Bad Request');
      }
      stored.push(path.split('/').at(-1) ?? '');
      res.writeHead(201);
      return void res.end();
    }
    const { type, body } = f.listing(
      stored.map((name) => ({ name, type: candidate ? 'text/calendar' : 'text/calendar;v=2' })),
    );
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
}

function cases(f: Fixture): string {
  return `suite: s
serial: true
cases:
  - id: upload
    request: { method: PUT, path: ${f.collection}/${f.upload}, text: nonsense }
  - id: list
    request: { method: GET, path: ${f.collection} }
`;
}

describe('a difference of its own after a refused write keeps its row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([JSON_LIST, XML_LIST])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s.yaml': cases(f) });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = report.rootCauses ?? [];
    // The upload's row holds the record only the candidate lists.
    const upload = causes.filter((c) => c.caseIds.includes('s/upload'));
    expect(upload).toHaveLength(1);
    expect([...(upload[0]?.caseIds ?? [])].sort()).toEqual(['s/list', 's/upload']);
    // The media type of the records both hold: its own row.
    const own = causes.filter((c) => c.summary.includes(f.field));
    expect(own).toHaveLength(1);
    expect(own[0]?.caseIds).toEqual(['s/list']);
    expect(causes).toHaveLength(2);
  });
});
