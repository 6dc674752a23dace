/**
 * Issue 43, item 2, across answers with real servers: one side's error
 * envelope is one row where its members show in overlapping, unequal sets of
 * error answers (each error names what it is about in a member of its own,
 * and every error drops the request's id), while
 *
 * - the message one error reworded in the same answers stays its own row;
 * - a member the same side also drops from a success answer is not the
 *   envelope's: a row of its own;
 * - the envelope of the `5xx` answers (another handler) is another row.
 *
 * Two fixtures: an XML error document and a JSON one, with other names.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** Writes an error document of these members. */
  readonly write: (res: ServerResponse, status: number, members: Record<string, string>) => void;
  readonly envelope: string;
  readonly m: {
    readonly code: string;
    readonly message: string;
    readonly resource: string;
    readonly request: string;
    readonly host: string;
    readonly key: string;
    readonly bucket: string;
    readonly stamp: string;
  };
}

const XML: Fixture = {
  name: 'an XML error document',
  envelope: '/Error',
  write: (res, status, members) => {
    const inner = Object.entries(members)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('');
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error>${inner}</Error>`);
  },
  m: {
    code: 'Code',
    message: 'Message',
    resource: 'Resource',
    request: 'RequestId',
    host: 'HostId',
    key: 'Key',
    bucket: 'BucketName',
    stamp: 'Served',
  },
};

const JSON_BODY: Fixture = {
  name: 'a JSON error object',
  envelope: '',
  write: (res, status, members) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(members));
  },
  m: {
    code: 'kind',
    message: 'detail',
    resource: 'target',
    request: 'traceId',
    host: 'node',
    key: 'item',
    bucket: 'folder',
    stamp: 'at',
  },
};

function server(f: Fixture, candidate: boolean): Promise<TestServer> {
  const { m } = f;
  return startServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const [, bucket = '', key] = path.split('/');
    const error = (status: number, code: string, message: string, about: Record<string, string>) =>
      f.write(res, status, {
        [m.code]: code,
        [m.message]: message,
        ...(candidate ? about : { [m.resource]: key ?? bucket, [m.request]: '1' }),
      });
    if (path === '/ok') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(candidate ? { fine: true } : { fine: true, [m.stamp]: 'x' }));
      return;
    }
    if (bucket === 'broken') {
      return f.write(res, 503, {
        [m.code]: 'SlowDown',
        ...(candidate ? { [m.host]: 'h' } : { [m.stamp]: 'now' }),
      });
    }
    if (req.method === 'PUT') {
      return f.write(res, 409, {
        [m.code]: 'BucketExists',
        ...(candidate ? {} : { [m.request]: '1' }),
      });
    }
    if (bucket === 'missing') {
      return error(404, 'NoSuchBucket', 'No such bucket', { [m.bucket]: bucket });
    }
    if (req.method === 'DELETE') {
      return error(409, 'NotEmpty', 'Not empty', { [m.bucket]: bucket });
    }
    return error(404, 'NoSuchKey', candidate ? 'No such key.' : 'No such key', {
      [m.key]: key ?? '',
    });
  });
}

const CASES = `suite: s3
cases:
  - id: bucket-again
    request: { method: PUT, path: /photos }
  - id: missing-key
    request: { method: GET, path: /photos/nothing.txt }
  - id: missing-bucket
    request: { method: GET, path: /missing/a.txt }
  - id: not-empty
    request: { method: DELETE, path: /photos }
  - id: broken-one
    request: { method: GET, path: /broken/a }
  - id: broken-two
    request: { method: GET, path: /broken/b }
  - id: fine
    request: { method: GET, path: /ok }
`;

describe('one side’s error envelope is one row', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([XML, JSON_BODY])('$name', async (f) => {
    const baseline = await server(f, false);
    const candidate = await server(f, true);
    started.push(baseline, candidate);
    const cwd = await tempProject({ 'cases/s3.yaml': CASES });
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const causes = (await latestReport(cwd)).rootCauses ?? [];
    const at = (member: string) => `\`${f.envelope}/${member}\``;
    const { m } = f;
    const holding = (member: string) => causes.filter((c) => c.summary.includes(at(member)));

    // The 4xx envelope: five members in overlapping, unequal sets of four answers, one row.
    const [envelope, ...more] = holding(m.resource);
    expect(more).toEqual([]);
    for (const member of [m.request, m.key, m.bucket]) {
      expect(envelope?.summary).toContain(at(member));
    }
    expect([...(envelope?.caseIds ?? [])].sort()).toEqual(
      ['s3/bucket-again', 's3/missing-bucket', 's3/missing-key', 's3/not-empty'].sort(),
    );
    // The reworded message: its own row, on the one answer that shows it.
    const message = causes.filter((c) => c.summary.includes(`value of ${at(m.message)}`));
    expect(message.map((c) => c.caseIds)).toEqual([['s3/missing-key']]);
    // The 5xx envelope (another handler): its own row, apart from the 4xx one.
    const fives = holding(m.host);
    expect(fives).toHaveLength(1);
    expect(fives[0]?.caseIds).toEqual(['s3/broken-one', 's3/broken-two']);
    expect(fives[0]?.summary).not.toContain(at(m.resource));
    // The success answer's member: a row of its own (JSON body: no envelope prefix).
    const success = causes.filter((c) => c.caseIds.includes('s3/fine'));
    expect(success).toHaveLength(1);
    expect(causes).toHaveLength(4);
  });
});
