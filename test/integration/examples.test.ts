/**
 * The bundled example: the two reference servers (serde-style baseline, Go-style
 * candidate) answer the bundled case library as the README's opening story says —
 * 6/6 validator statuses equal, 5/6 body shapes divergent — plus the records
 * API's typical encoding/json differences. Requests are driven by the YAML case
 * files so the cases and the servers cannot drift apart.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import { caseFileSchema } from '../../src/io/cases/schema.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const headerMap = z.record(z.string(), z.string());

/** Just the parts of a case file this test needs to send the requests. */
const looseCaseFile = z.object({
  suite: z.string(),
  defaults: z.object({ headers: headerMap.optional() }).optional(),
  cases: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      request: z.object({
        method: z.string(),
        path: z.string(),
        query: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
        headers: headerMap.optional(),
        json: z.unknown().optional(),
        text: z.string().optional(),
      }),
      expect: z.object({ status: z.number() }),
    }),
  ),
});

type CaseFile = z.infer<typeof looseCaseFile>;
type CaseSpec = CaseFile['cases'][number];

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

async function readYaml(relative: string): Promise<unknown> {
  const path = fileURLToPath(new URL(`../../${relative}`, import.meta.url));
  return parse(await readFile(path, 'utf8'));
}

async function loadCases(relative: string): Promise<CaseFile> {
  return looseCaseFile.parse(await readYaml(relative));
}

/** Send one case exactly as written: path query first, then `query`, then the body. */
async function send(base: string, file: CaseFile, spec: CaseSpec): Promise<Reply> {
  const { request } = spec;
  const url = new URL(request.path, base);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(name, String(item));
    }
  }
  const headers = { ...file.defaults?.headers, ...request.headers };
  const body = request.json === undefined ? request.text : JSON.stringify(request.json);
  const response = await fetch(url, { method: request.method, headers, body: body ?? null });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function get(base: string, path: string): Promise<Reply> {
  const response = await fetch(new URL(path, base));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The JSON skeleton: keys, value types and nesting, leaves replaced by their type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, member]) => [key, shape(member)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value === null ? 'null' : typeof value;
}

let serde: RunningServer;
let go: RunningServer;

beforeAll(async () => {
  [serde, go] = await Promise.all([startServer('serde'), startServer('go')]);
});

afterAll(async () => {
  await Promise.all([serde.close(), go.close()]);
});

/** Both sides' replies to every case of a file, in file order. */
async function replayFile(relative: string) {
  const file = await loadCases(relative);
  const replies = [];
  for (const spec of file.cases) {
    const [baseline, candidate] = [
      await send(serde.url, file, spec),
      await send(go.url, file, spec),
    ];
    replies.push({ spec, baseline, candidate });
  }
  return replies;
}

describe('bundled case files', () => {
  it.each(['cases/validator/validate.yaml', 'cases/records/records.yaml'])(
    '%s is valid against the case-file schema',
    async (relative) => {
      const result = caseFileSchema().safeParse(await readYaml(relative));
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );
});

describe('validator suite: 6/6 statuses equal, 5/6 body shapes divergent', () => {
  const expectedBodies: Record<string, readonly [serde: string, go: string]> = {
    'valid-record': ['{"valid":true}', '{"valid":true}\n'],
    'schema-missing-name': [
      '{"Schema":{"field":"name","reason":"required"}}',
      '{"Kind":"schema","Field":"name","Reason":"required"}\n',
    ],
    'range-age-too-high': [
      '{"Range":{"field":"age","min":0,"max":150,"actual":200}}',
      '{"Kind":"range","Field":"age","Min":0,"Max":150,"Actual":200}\n',
    ],
    'format-bad-email': [
      '{"Format":{"field":"email","expected":"email"}}',
      '{"Kind":"format","Field":"email","Expected":"email"}\n',
    ],
    'unknown-field': [
      '{"UnknownField":{"field":"nickname"}}',
      '{"Kind":"unknown_field","Field":"nickname"}\n',
    ],
    'too-many-tags': [
      '{"TooMany":{"field":"tags","max":5,"actual":7}}',
      '{"Kind":"too_many","Field":"tags","Max":5,"Actual":7}\n',
    ],
  };

  it('has exactly six cases, one valid and five invalid', async () => {
    const file = await loadCases('cases/validator/validate.yaml');
    expect(file.cases.map((c) => c.id)).toEqual(Object.keys(expectedBodies));
    expect(file.cases.filter((c) => c.expect.status === 400)).toHaveLength(5);
  });

  it('answers every case with the expected status on both sides and the exact bodies', async () => {
    for (const { spec, baseline, candidate } of await replayFile('cases/validator/validate.yaml')) {
      expect([spec.id, baseline.status, candidate.status]).toEqual([
        spec.id,
        spec.expect.status,
        spec.expect.status,
      ]);
      expect([baseline.text, candidate.text]).toEqual(expectedBodies[spec.id]);
      expect(baseline.headers.get('content-type')).toBe('application/json');
      expect(candidate.headers.get('content-type')).toBe('application/json');
    }
  });

  it('diverges in body shape on exactly the five invalid cases', async () => {
    const replies = await replayFile('cases/validator/validate.yaml');
    const divergent = replies.filter(
      ({ baseline, candidate }) =>
        JSON.stringify(shape(JSON.parse(baseline.text))) !==
        JSON.stringify(shape(JSON.parse(candidate.text))),
    );
    expect(replies.filter((r) => r.baseline.status === r.candidate.status)).toHaveLength(6);
    expect(divergent.map((r) => r.spec.id)).toEqual(Object.keys(expectedBodies).slice(1));
  });
});

describe('records suite', () => {
  it('answers every case with its expected status on both sides', async () => {
    const replies = await replayFile('cases/records/records.yaml');
    const statuses = replies.map(({ spec, baseline, candidate }) => [
      spec.id,
      baseline.status,
      candidate.status,
    ]);
    expect(statuses).toEqual(
      replies.map(({ spec }) => [spec.id, spec.expect.status, spec.expect.status]),
    );
  });

  it('shows nil slices, null deleted_at, fractional timestamps and HTML escaping only in Go', async () => {
    const [baseline, candidate] = [
      await get(serde.url, '/v1/records/3'),
      await get(go.url, '/v1/records/3'),
    ];
    expect(baseline.text).toBe(
      '{"id":3,"display_name":"Barbara & Co <Liskov>","tags":[],' +
        '"created_at":"2024-03-10T08:05:59Z","balance":18446744073709551615}',
    );
    expect(candidate.text).toBe(
      '{"id":3,"display_name":"Barbara \\u0026 Co \\u003cLiskov\\u003e","tags":null,' +
        '"created_at":"2024-03-10T08:05:59.999Z","deleted_at":null,"balance":18446744073709551615}\n',
    );
  });

  it('filters by every repeated tag and writes a u64 balance above 2^53 exactly', async () => {
    const path = '/v1/records?tag=admin&tag=math';
    const [baseline, candidate] = [await get(serde.url, path), await get(go.url, path)];
    const ada = (created: string, deleted: string) =>
      `{"id":1,"display_name":"Ada Lovelace","tags":["admin","math"],"created_at":"${created}"` +
      `${deleted},"balance":9007199254740993}`;
    expect(baseline.text).toBe(`{"records":[${ada('2024-01-15T09:30:00Z', '')}],"total":1}`);
    expect(candidate.text).toBe(
      `{"records":[${ada('2024-01-15T09:30:00.12Z', ',"deleted_at":null')}],"total":1}\n`,
    );
  });

  it('writes an empty list as [] in serde and null in Go', async () => {
    const path = '/v1/records?tag=nobody';
    expect((await get(serde.url, path)).text).toBe('{"records":[],"total":0}');
    expect((await get(go.url, path)).text).toBe('{"records":null,"total":0}\n');
  });

  it('names the 404 error key differently', async () => {
    const [baseline, candidate] = [
      await get(serde.url, '/v1/records/99'),
      await get(go.url, '/v1/records/99'),
    ];
    expect([baseline.status, baseline.text]).toEqual([404, '{"error":"record 99 not found"}']);
    expect([candidate.status, candidate.text]).toEqual([
      404,
      '{"message":"record 99 not found"}\n',
    ]);
  });

  it('answers an unknown route with an empty 404 (axum) or a text 404 (net/http)', async () => {
    const [baseline, candidate] = [await get(serde.url, '/nope'), await get(go.url, '/nope')];
    expect([baseline.status, baseline.text, baseline.headers.get('content-type')]).toEqual([
      404,
      '',
      null,
    ]);
    expect([candidate.status, candidate.text, candidate.headers.get('content-type')]).toEqual([
      404,
      '404 page not found\n',
      'text/plain; charset=utf-8',
    ]);
  });

  it('creates records with sequential ids from 1000 and a location header', async () => {
    // Fresh servers: the store is per instance, and the suite above already created records.
    const [freshSerde, freshGo] = await Promise.all([startServer('serde'), startServer('go')]);
    try {
      await expectCreated(freshSerde.url, freshGo.url);
    } finally {
      await Promise.all([freshSerde.close(), freshGo.close()]);
    }
  });

  async function expectCreated(serdeUrl: string, goUrl: string): Promise<void> {
    const create = (base: string) =>
      fetch(new URL('/v1/records', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"display_name":"Katherine Johnson"}',
      });
    await (await create(serdeUrl)).text();
    const [baseline, candidate] = [await create(serdeUrl), await create(goUrl)];
    expect([baseline.status, baseline.headers.get('location')]).toEqual([201, '/v1/records/1001']);
    expect(candidate.headers.get('location')).toBe('/v1/records/1000');
    expect(await baseline.text()).toBe(
      '{"id":1001,"display_name":"Katherine Johnson","tags":[],"created_at":"2025-01-01T00:00:01Z","balance":0}',
    );
    expect(await candidate.text()).toBe(
      '{"id":1000,"display_name":"Katherine Johnson","tags":null,' +
        '"created_at":"2025-01-01T00:00:00.25Z","deleted_at":null,"balance":0}\n',
    );
  }

  it("rejects malformed JSON with each runtime's parser message", async () => {
    const post = (base: string, body: string) =>
      fetch(new URL('/v1/validate', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }).then(async (r) => [r.status, await r.text()]);
    expect(await post(serde.url, '{"record": {name: 1}}')).toEqual([
      400,
      'Failed to parse the request body as JSON: key must be a string at line 1 column 13',
    ]);
    expect(await post(go.url, '{"record": {name: 1}}')).toEqual([
      400,
      "invalid character 'n' looking for beginning of object key string\n",
    ]);
    expect(await post(serde.url, '{"record": ')).toEqual([
      400,
      'Failed to parse the request body as JSON: EOF while parsing a value at line 1 column 11',
    ]);
    expect(await post(go.url, '{"record": ')).toEqual([400, 'unexpected EOF\n']);
  });
});

describe('input acceptance: what each decoder takes (planted for parity fuzz)', () => {
  const post = (base: string, path: string, body: string | Uint8Array, type = 'application/json') =>
    fetch(new URL(path, base), {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    }).then(async (r) => [r.status, await r.text()] as const);
  const both = async (path: string, body: string | Uint8Array, type?: string) => [
    (await post(serde.url, path, body, type))[0],
    (await post(go.url, path, body, type))[0],
  ];

  it('serde refuses trailing data, invalid UTF-8, lone surrogates and repeated fields; Go takes them', async () => {
    expect(await post(serde.url, '/v1/validate', '{"record":{"name":"A"}} x')).toEqual([
      400,
      'Failed to parse the request body as JSON: trailing characters at line 1 column 25',
    ]);
    expect(await post(go.url, '/v1/validate', '{"record":{"name":"A"}} x')).toEqual([
      200,
      '{"valid":true}\n',
    ]);
    const invalid = Buffer.concat([
      Buffer.from('{"record":{"name":"A'),
      Buffer.from([0xff, 0x22, 0x7d, 0x7d]),
    ]);
    expect(await both('/v1/validate', invalid)).toEqual([400, 200]);
    expect((await post(serde.url, '/v1/validate', invalid))[1]).toMatch(
      /invalid unicode code point/,
    );
    expect(await both('/v1/validate', '{"record":{"name":"\\ud800"}}')).toEqual([400, 200]);
    expect(await both('/v1/validate', '{"record":{"name":"\\ud83d\\ude00"}}')).toEqual([200, 200]);
    expect(await post(serde.url, '/v1/validate', '{"record":{},"record":{"name":"A"}}')).toEqual([
      422,
      'Failed to deserialize the JSON body into the target type: record: duplicate field `record` at line 1 column 34',
    ]);
    expect(await both('/v1/validate', '{"record":{},"record":{"name":"A"}}')).toEqual([422, 200]);
  });

  it('Go matches keys in any case, takes null for a list and ignores the content type', async () => {
    expect(await both('/v1/validate', '{"Record":{"name":"A"}}')).toEqual([422, 200]);
    expect(await both('/v1/records', '{"display_name":"A","tags":null}')).toEqual([422, 201]);
    expect(await both('/v1/validate', '{"record":{"name":"A"}}', 'text/plain')).toEqual([415, 200]);
  });

  it('serde takes a signed id and refuses an empty or negative limit; Go the other way round', async () => {
    const status = async (base: string, path: string) => (await fetch(new URL(path, base))).status;
    expect([
      await status(serde.url, '/v1/records/+1'),
      await status(go.url, '/v1/records/+1'),
    ]).toEqual([200, 400]);
    for (const query of ['?limit=', '?limit=-1']) {
      const path = `/v1/records${query}`;
      expect([await status(serde.url, path), await status(go.url, path)]).toEqual([400, 200]);
    }
  });
});
