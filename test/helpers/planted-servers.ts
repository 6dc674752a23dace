/**
 * Two real servers for one records API that differ by a known set of root
 * causes, planted across several endpoints and many cases — most cases carry
 * two or more, as real serde/Go pairs do. The baseline writes what serde
 * would; the candidate what Go's encoding/json would, except for the causes
 * listed in `fixed`, which it then writes like the baseline.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startServer, type TestServer } from './http.js';

/** The planted root causes, with the tracker summary each must have. */
export const PLANTED = {
  'nil-slice': '[] vs null at `tags`',
  'null-vs-absent': 'absent vs null at `deleted_at`',
  'enum-case': 'enum values lower_case vs PascalCase at `status`',
  timestamp: 'timestamp precision (rfc3339-z vs rfc3339-fraction-z) at `created_at`',
  'tagged-enum': 'externally tagged enum vs `Kind` discriminator',
  'status-422': 'status 422 → 400 on POST /records',
  'status-400': 'status 400 → 201 on POST /records (baseline: `name`)',
  'cache-control': 'header `cache-control` missing in candidate',
  'body-kind': '4xx bodies: text vs JSON',
  version: '/records: candidate adds `/version`',
} as const;

export type PlantedCause = keyof typeof PLANTED;

interface StoredRecord {
  readonly id: number;
  readonly name: string;
  readonly status: 'active' | 'suspended';
  readonly tags: readonly string[];
  readonly day: number;
  readonly deleted?: string;
}

const RECORDS: readonly StoredRecord[] = [
  { id: 1, name: 'Ada', status: 'active', tags: ['math'], day: 11 },
  { id: 2, name: 'Grace', status: 'active', tags: [], day: 12 },
  { id: 3, name: 'Edsger', status: 'suspended', tags: ['graphs', 'math'], day: 13 },
  { id: 4, name: 'Barbara', status: 'active', tags: [], day: 14 },
  { id: 5, name: 'Donald', status: 'suspended', tags: ['tex'], day: 15 },
  { id: 6, name: 'Frances', status: 'active', tags: [], day: 16 },
  {
    id: 7,
    name: 'Alan',
    status: 'suspended',
    tags: ['math'],
    day: 17,
    deleted: '2024-02-01T00:00:00Z',
  },
  { id: 8, name: 'Margaret', status: 'active', tags: ['apollo'], day: 18 },
];

type Side = 'baseline' | 'candidate';

/** The candidate shows a cause unless it was fixed. */
function shows(side: Side, cause: PlantedCause, fixed: ReadonlySet<PlantedCause>): boolean {
  return side === 'candidate' && !fixed.has(cause);
}

function encode(record: StoredRecord, side: Side, fixed: ReadonlySet<PlantedCause>) {
  const is = (cause: PlantedCause) => shows(side, cause, fixed);
  const word = record.status;
  const created = `2024-01-${record.day}T09:30:00${is('timestamp') ? '.000' : ''}Z`;
  const out: Record<string, unknown> = {
    id: record.id,
    name: record.name,
    status: is('enum-case') ? word.charAt(0).toUpperCase() + word.slice(1) : word,
    tags: record.tags.length === 0 && is('nil-slice') ? null : record.tags,
    created_at: created,
  };
  // serde: `skip_serializing_if = "Option::is_none"`; Go: a *time.Time without omitempty.
  if (record.deleted !== undefined) out['deleted_at'] = record.deleted;
  else if (is('null-vs-absent')) out['deleted_at'] = null;
  return out;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(text);
}

function validationError(side: Side, fixed: ReadonlySet<PlantedCause>) {
  return shows(side, 'tagged-enum', fixed)
    ? { Kind: 'schema', Field: 'name', Reason: 'required' }
    : { Schema: { field: 'name', reason: 'required' } };
}

function create(body: string, side: Side, fixed: ReadonlySet<PlantedCause>) {
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return shows(side, 'body-kind', fixed)
      ? { status: 400, body: { Kind: 'syntax', Detail: 'invalid character' } }
      : { status: 400, body: 'Failed to parse the request body as JSON' };
  }
  const name =
    typeof input === 'object' && input !== null && 'name' in input ? input.name : undefined;
  if (typeof name !== 'string') {
    // axum answers 422 for a body its extractor cannot deserialize; the Go handler 400.
    return {
      status: shows(side, 'status-422', fixed) ? 400 : 422,
      body: validationError(side, fixed),
    };
  }
  // The baseline limits names to 20 characters; the candidate forgot the rule.
  if (name.length > 20 && !shows(side, 'status-400', fixed)) {
    return { status: 400, body: { Range: { field: 'name', max: 20 } } };
  }
  const record: StoredRecord = { id: 100, name, status: 'active', tags: [], day: 19 };
  return { status: 201, body: encode(record, side, fixed) };
}

function handler(side: Side, fixed: ReadonlySet<PlantedCause>) {
  return (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cache = shows(side, 'cache-control', fixed) ? {} : { 'cache-control': 'no-store' };
    if (req.method === 'POST' && url.pathname === '/records') {
      const made = create(body, side, fixed);
      return send(res, made.status, made.body, {});
    }
    if (url.pathname === '/records') {
      const status = url.searchParams.get('status');
      const tag = url.searchParams.get('tag');
      const records = RECORDS.filter(
        (r) =>
          (status === null || r.status === status) &&
          (tag === null || r.tags.includes(tag) || r.tags.length === 0),
      );
      return send(res, 200, { records: records.map((r) => encode(r, side, fixed)) }, cache);
    }
    const id = Number(/^\/records\/(\d+)$/.exec(url.pathname)?.[1]);
    const record = RECORDS.find((r) => r.id === id);
    if (record === undefined) return send(res, 404, { error: 'not found' }, cache);
    const out = encode(record, side, fixed);
    if (shows(side, 'version', fixed)) out['version'] = 1;
    return send(res, 200, out, cache);
  };
}

/** The pair; `fixed` is read on every request, so a test can fix a cause between runs. */
export async function plantedServers(fixed: Set<PlantedCause>): Promise<{
  baseline: TestServer;
  candidate: TestServer;
}> {
  const [baseline, candidate] = await Promise.all([
    startServer(handler('baseline', fixed)),
    startServer(handler('candidate', fixed)),
  ]);
  return { baseline, candidate };
}

const read = (id: number) =>
  `  - id: read-${id}\n    request: { method: GET, path: /records/${id} }\n    expect: { status: 200 }`;
const createCase = (id: string, json: string, status?: number) =>
  `  - id: ${id}\n    request: { method: POST, path: /records, json: ${json} }${status === undefined ? '' : `\n    expect: { status: ${status} }`}`;

/** The case library: 18 cases on 4 endpoints (two of them one template). */
export const PLANTED_CASES = `suite: records
defaults:
  rules:
    headers: [cache-control]
cases:
${[1, 2, 3, 4, 5, 6, 7, 8].map(read).join('\n')}
  - id: list-all
    request: { method: GET, path: /records }
  - id: list-active
    request: { method: GET, path: /records, query: { status: active } }
  - id: list-math
    request: { method: GET, path: /records, query: { tag: math } }
${createCase('create-ada', '{ name: Ada }', 201)}
${createCase('create-grace', '{ name: Grace, tags: [] }', 201)}
${createCase('create-no-name', '{}')}
${createCase('create-tags-only', '{ tags: [x] }')}
${createCase('create-long-name', '{ name: Ada Augusta King Countess of Lovelace }')}
${createCase('create-longer-name', '{ name: Grace Brewster Murray Hopper Rear Admiral }')}
  - id: create-malformed
    request: { method: POST, path: /records, headers: { content-type: application/json }, text: '{"name": "Ada",}' }
`;
