/**
 * Every class at once: one pair of servers of one API plants each kind of
 * per-instance value — its own address in bodies and `Location`, timestamps
 * stamped at write time, a CouchDB-style revision echoed by a later read, an
 * ETag derived from the document, rate-limit counters — beside each kind of
 * grouping a person does by hand: a list with one extra item in the middle,
 * a list in another order, a serde-style tagged enum against a flat struct
 * that writes every variant's fields with zero values (four variants, one
 * of them a unit variant), a serial suite where the candidate accepts a write the
 * baseline refuses (two kinds of input: two decisions) and a later read
 * shows it, a header family the candidate
 * does not send, records each side numbers itself (1, 2, 3 vs 501, 502,
 * 503) beside a computed number that differs for real, empty lists written
 * as `null` at two fields of two resources (one decision), and a package
 * document listing the digests of a file each side serves differently (one
 * cause: the file's bytes). Real differences of each kind are hidden among them.
 *
 * With `--noise` and no rules that hide anything, the rows are exactly the
 * planted real causes, no per-instance value is a row, and the read after the
 * accepted write sits under it. A second pair with other field names gives
 * the same rows.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { latestReport, runPair, tempProject } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Names {
  readonly things: string;
  readonly catalogue: string;
  readonly members: string;
  readonly key: string;
  readonly price: string;
  readonly self: string;
  readonly created: string;
  readonly stamp: string;
  readonly colour: string;
  readonly mirror: string;
  readonly labels: string;
  readonly limit: string;
  readonly notes: string;
  readonly total: string;
  readonly files: string;
  readonly blobs: string;
}

const FIRST: Names = {
  things: 'things',
  catalogue: 'products',
  members: 'members',
  key: 'sku',
  price: 'price',
  self: 'self',
  created: 'created_at',
  stamp: 'stampMs',
  colour: 'colour',
  mirror: 'mirror',
  labels: 'labels',
  limit: 'x-ratelimit',
  notes: 'notes',
  total: 'total',
  files: 'files',
  blobs: 'blobs',
};
const SECOND: Names = {
  things: 'widgets',
  catalogue: 'parts',
  members: 'accounts',
  key: 'partName',
  price: 'cost',
  self: 'href',
  created: 'insertedAt',
  stamp: 'written',
  colour: 'tint',
  mirror: 'backup',
  labels: 'tags',
  limit: 'x-quota',
  notes: 'memos',
  total: 'sum',
  files: 'uploads',
  blobs: 'assets',
};

/** Rules of a validator: serde's externally tagged enum on the baseline, a flat Go-style struct on the candidate. */
const RULES: Readonly<Record<string, Record<string, unknown> | string>> = {
  none: 'Unchecked',
  range: { Range: { min: 1, max: 5 } },
  pattern: { Pattern: { regex: '^[a-z]+$' } },
  format: { Format: { format: 'email' } },
};

function flat(rule: Record<string, unknown> | string): Record<string, unknown> {
  // A unit variant is its bare name on the baseline (serde).
  const [variant = '', inner = {}] =
    typeof rule === 'string' ? [rule, {}] : (Object.entries(rule)[0] ?? []);
  const fields = inner as Record<string, unknown>;
  const capital = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  // Every variant's fields, zero-valued where this variant has none.
  const zero = { Min: 0, Max: 0, Regex: '', Format: '' };
  const own = Object.fromEntries(Object.entries(fields).map(([k, v]) => [capital(k), v]));
  return { Kind: variant, ...zero, ...own };
}

interface Side {
  readonly candidate: boolean;
  /** The baseline's origin, for the candidate's planted mirror. */
  readonly baselineOrigin: () => string;
}

function server(names: Names, side: Side): Promise<TestServer> {
  const things = new Map<string, Record<string, unknown>>();
  const members: Record<string, unknown>[] = [{ id: 1, email: 'ann@example.org' }];
  const catalogue = ['a1', 'b2', 'c3', 'd4'].map((key, k) => ({
    [names.key]: key,
    [names.price]: 10 + k,
  }));
  let served = 0;
  // Each side numbers its own notes; the candidate's total is computed otherwise (a real difference).
  const notes: Record<string, unknown>[] = [];
  const firstNote = side.candidate ? 501 : 1;
  // Each side serves its own file under one name; the document lists its digests.
  const blob = Buffer.from(side.candidate ? 'candidate file bytes\n' : 'baseline file bytes\n');
  const origin = (req: IncomingMessage) => `http://${req.headers.host}`;
  const rev = (item: Record<string, unknown>) =>
    `1-${createHash('md5').update(JSON.stringify(item)).digest('hex')}`;
  const view = (req: IncomingMessage, item: Record<string, unknown>) => ({
    ...item,
    _rev: rev(item),
    [names.self]: `${origin(req)}/${names.things}/${String(item['id'])}`,
    [names.mirror]: `${side.candidate ? side.baselineOrigin() : origin(req)}/dl/${String(item['id'])}.tgz`,
    [names.labels]: side.candidate ? null : [],
  });
  return startServer((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, first, second] = url.pathname.split('/');
    served++;
    // Rate-limit counters: the baseline sends the family, the candidate none of it.
    const limits: Record<string, string> = side.candidate
      ? {}
      : {
          [`${names.limit}-limit`]: '100',
          [`${names.limit}-remaining`]: String(100 - served),
          [`${names.limit}-reset`]: String(Math.floor(Date.now() / 1000) + 60),
        };
    if (first === names.things) {
      if (req.method === 'PUT' && second !== undefined) {
        // An idempotent create: the baseline's second call (`--noise`) finds it made.
        const made = things.get(second);
        const location = { location: `${origin(req)}/${names.things}/${second}` };
        if (made !== undefined) return json(res, 201, view(req, made), location);
        // Each instance its own clock: the candidate runs a little ahead.
        const now = Date.now() + (side.candidate ? 7 : 0);
        const item = {
          id: Number(second),
          name: String(JSON.parse(body || '{}').name ?? ''),
          [names.created]: new Date(now).toISOString(),
          [names.stamp]: side.candidate ? Math.floor(now / 1000) : now,
          [names.colour]: side.candidate ? 'green' : 'blue',
        };
        things.set(second, item);
        return json(res, 201, view(req, item), location);
      }
      if (second === undefined || second === '') {
        return json(res, 200, { items: [...things.values()].map((item) => view(req, item)) });
      }
      const item = things.get(second);
      if (item === undefined) return json(res, 404, { error: 'missing' });
      return json(res, 200, view(req, item), { etag: `"${rev(item).slice(2)}"` });
    }
    if (first === names.catalogue) {
      if (second === 'sorted') {
        return json(
          res,
          200,
          { items: side.candidate ? [...catalogue].reverse() : catalogue },
          limits,
        );
      }
      if (second !== undefined) {
        if (side.candidate) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not Found');
          return;
        }
        return json(res, 404, { error: 'no such item' }, limits);
      }
      const items = catalogue.map((item) =>
        side.candidate && item[names.key] === 'd4' ? { ...item, [names.price]: 99 } : item,
      );
      if (side.candidate) items.splice(2, 0, { [names.key]: 'zz', [names.price]: 5 });
      return json(res, 200, { items }, limits);
    }
    if (first === names.members) {
      if (req.method === 'POST') {
        const input = JSON.parse(body || '{}') as Record<string, unknown>;
        if (!side.candidate && !String(input['email'] ?? '').includes('@')) {
          return json(res, 400, { error: 'invalid email' });
        }
        const unknown = Object.keys(input).find((key) => key !== 'email');
        if (!side.candidate && unknown !== undefined) {
          return json(res, 400, { error: `unknown field \`${unknown}\`, expected \`email\`` });
        }
        const made = { id: members.length + 1, email: input['email'] };
        members.push(made);
        return json(res, 201, made);
      }
      return json(res, 200, { items: members });
    }
    if (first === names.notes) {
      if (req.method === 'POST') {
        const qty = Number(JSON.parse(body || '{}').qty ?? 0);
        const note = {
          id: firstNote + notes.length,
          qty,
          [names.total]: qty * 10 + (side.candidate ? 1 : 0),
          [names.files]: side.candidate ? null : [],
        };
        notes.push(note);
        return json(res, 201, note);
      }
      return json(res, 200, { items: notes });
    }
    if (first === names.blobs) {
      if (second === 'x.bin') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(blob);
        return;
      }
      const digest = (algorithm: string, encoding: 'hex' | 'base64') =>
        createHash(algorithm).update(blob).digest(encoding);
      return json(res, 200, {
        name: 'x',
        dist: { shasum: digest('sha1', 'hex'), integrity: `sha512-${digest('sha512', 'base64')}` },
      });
    }
    if (first === 'validate') {
      const rule = RULES[String(JSON.parse(body || '{}').rule)] ?? {};
      return json(res, 422, { error: side.candidate ? flat(rule) : rule });
    }
    return json(res, 404, { error: 'no route' });
  });
}

const files = (names: Names): Record<string, string> => ({
  [`cases/${names.things}.yaml`]: `suite: ${names.things}
serial: true
defaults:
  headers: { content-type: application/json }
  rules: { headers: [location, etag] }
cases:
  - id: create
    request: { method: PUT, path: /${names.things}/1, json: { name: first } }
  - id: read
    request: { method: GET, path: /${names.things}/1 }
  - id: list
    request: { method: GET, path: /${names.things} }
`,
  [`cases/${names.catalogue}.yaml`]: `suite: ${names.catalogue}
defaults:
  rules: { headers: "*" }
cases:
  - id: list
    request: { method: GET, path: /${names.catalogue} }
  - id: sorted
    request: { method: GET, path: /${names.catalogue}/sorted }
  - id: missing
    request: { method: GET, path: /${names.catalogue}/nope }
`,
  [`cases/${names.members}.yaml`]: `suite: ${names.members}
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create-invalid
    request: { method: POST, path: /${names.members}, json: { email: not-an-address } }
  - id: create-unknown
    request: { method: POST, path: /${names.members}, json: { email: b@example.org, ${names.key}: 1 } }
  - id: list-after
    request: { method: GET, path: /${names.members} }
`,
  [`cases/${names.notes}.yaml`]: `suite: ${names.notes}
serial: true
defaults:
  headers: { content-type: application/json }
cases:
  - id: create-a
    request: { method: POST, path: /${names.notes}, json: { qty: 3 } }
  - id: create-b
    request: { method: POST, path: /${names.notes}, json: { qty: 1 } }
  - id: create-c
    request: { method: POST, path: /${names.notes}, json: { qty: 2 } }
  - id: list
    request: { method: GET, path: /${names.notes} }
`,
  [`cases/${names.blobs}.yaml`]: `suite: ${names.blobs}
cases:
  - id: document
    request: { method: GET, path: /${names.blobs} }
  - id: file
    request: { method: GET, path: /${names.blobs}/x.bin }
`,
  'cases/validate.yaml': `suite: validate
defaults:
  headers: { content-type: application/json }
cases:
${Object.keys(RULES)
  .map(
    (rule) =>
      `  - id: ${rule}\n    request: { method: POST, path: /validate, json: { rule: ${rule} } }`,
  )
  .join('\n')}
`,
});

/** The planted real causes, as the tracker words them. */
const expectedRows = (names: Names): string[] =>
  [
    `/${names.catalogue}: candidate adds elements to the list \`/items\``,
    `/${names.catalogue}: value of \`/${names.price}\` differs`,
    'array order at `items`',
    `header \`${names.limit}-*\` missing in candidate`,
    '4xx bodies: JSON vs text',
    `status 400 → 201 on POST /${names.members} (baseline: \`invalid email\`)`,
    `status 400 → 201 on POST /${names.members} (baseline: \`unknown field …, expected …\`)`,
    // The baseline's address written by the candidate: another origin, one row keyed by the two (rule 25).
    `/${names.things}: value of \`/${names.mirror}\` differs: \`{{origin}}/…\` vs \`http://0.0.0.0:0/…\``,
    `timestamp format (epoch-millis vs epoch-seconds) at \`${names.stamp}\``,
    // A word against another: a value of its own, its row names the two (`value-template.ts`).
    `/${names.things}: value of \`/${names.colour}\` differs: \`blue\` vs \`green\``,
    `[] vs null at ${[names.files, names.labels]
      .sort()
      .map((f) => `\`${f}\``)
      .join(', ')}`,
    `/${names.notes}: value of \`/${names.total}\` differs`,
    `GET /${names.blobs}/x.bin: body differs`,
  ].sort();

describe('a pair that plants every class at once', () => {
  const started: TestServer[] = [];
  afterAll(async () => Promise.all(started.map((s) => s.close())));

  it.each([
    ['first names', FIRST],
    ['other names', SECOND],
  ])('%s: the rows are the planted real causes, no per-instance value is one', async (_, names) => {
    const baseline = await server(names, { candidate: false, baselineOrigin: () => '' });
    const candidate = await server(names, {
      candidate: true,
      baselineOrigin: () => baseline.url,
    });
    started.push(baseline, candidate);
    const cwd = await tempProject(files(names));
    const run = await runPair(cwd, `a=${baseline.url}`, `b=${candidate.url}`, ['--noise']);
    expect(run.code, run.stderr).toBe(1);
    const report = await latestReport(cwd);
    const causes = report.rootCauses ?? [];
    const rows = causes.map((r) => r.summary);
    const enumRows = rows.filter((row) => /tagged|enum|variant/i.test(row));
    expect(enumRows, rows.join('\n')).toHaveLength(1);
    expect(rows.filter((row) => !enumRows.includes(row)).sort(), rows.join('\n')).toEqual(
      expectedRows(names),
    );
    // The validator probe: four variants (one a unit variant), one row, every case under it.
    const probe = causes.find((r) => enumRows.includes(r.summary));
    expect(probe?.caseIds).toEqual([
      'validate/none',
      'validate/range',
      'validate/pattern',
      'validate/format',
    ]);
    // The read after the accepted write is its consequence, not a row of its own.
    const write = causes.find((r) => r.summary.startsWith('status'));
    expect(write?.consequences).toEqual([`${names.members}/list-after`]);
    // The per-instance values are listed with their evidence, never rows.
    const create = report.results.find((r) => r.caseId === `${names.things}/create`);
    expect(create?.origin).toEqual(expect.arrayContaining(['header location', `/${names.self}`]));
    // The planted stamp in seconds is each side's own clock too: compared by its format, its row the format's.
    expect(create?.stamped).toEqual([`/${names.created}`, `/${names.stamp}`]);
    const read = report.results.find((r) => r.caseId === `${names.things}/read`);
    expect(read?.echoed).toEqual(expect.arrayContaining(['/_rev']));
    expect(read?.derived).toEqual(['header etag']);
    // Each side's own numbers: one reference where written and where the list echoes them.
    for (const id of ['create-a', 'create-b', 'create-c']) {
      const write = report.results.find((r) => r.caseId === `${names.notes}/${id}`);
      expect(write?.sequenced, id).toEqual(['/id']);
    }
    const notes = report.results.find((r) => r.caseId === `${names.notes}/list`);
    expect(notes?.sequenced).toEqual(['/items/0/id', '/items/1/id', '/items/2/id']);
    // The computed total keeps its row, for the creates and the list alike.
    const total = causes.find((r) => r.summary.includes(`/${names.total}`));
    expect(total?.caseIds).toHaveLength(4);
    // Empty lists written as null: one row, both resources.
    const nil = causes.find((r) => r.summary.startsWith('[] vs null'));
    expect(nil?.endpoints).toEqual(
      expect.arrayContaining([`POST /${names.notes}`, `GET /${names.things}/:id`]),
    );
    // The digests of the file follow from its bytes: under its row, not a row of their own.
    const file = causes.find((r) => r.summary.endsWith('body differs'));
    expect(file?.consequences).toEqual([`${names.blobs}/document`]);
  });
});
