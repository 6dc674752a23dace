/**
 * A finding as a case file: it reads back (through the real case-file parser
 * and resolver) to exactly the request the fuzzer sent — JSON as `json:`,
 * other UTF-8 as a double-quoted `text:`, anything else as `base64:` — with
 * secrets as their `${env:…}` placeholders, the seed's rule layers, and
 * comments naming the command, the seed and the mutation.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Observation } from '../../../../src/contract/observation.js';
import { createRedactor } from '../../../../src/core/redact/redact.js';
import { caseFileOf, caseName, renderFuzzCase } from '../../../../src/judge/fuzz/case-file.js';
import { docOf } from '../../../../src/judge/fuzz/doc.js';
import type { FuzzRequest } from '../../../../src/judge/fuzz/request.js';
import type { FuzzCause } from '../../../../src/judge/fuzz/root-cause.js';
import { seedsOf } from '../../../../src/judge/fuzz/seeds.js';
import type { TalliedDiscovery } from '../../../../src/judge/fuzz/shrink-finding.js';
import { makeCase } from '../../../helpers/case.js';

const seed = seedsOf([
  makeCase('create', {
    method: 'POST',
    path: '/v1/notes',
    headers: [['content-type', 'application/json']],
    body: { kind: 'json', value: { text: 'hello' } },
  }),
])[0];

const cause: FuzzCause = {
  key: 'status-0123456789ab',
  type: 'status',
  group: 'input-acceptance',
  endpoint: 'POST /v1/notes',
  baseline: 400,
  candidate: 201,
  title: 'status 400 → 201',
};

function finding(request: Partial<FuzzRequest>, rootCause: FuzzCause = cause): TalliedDiscovery {
  if (seed === undefined) throw new Error('no seed');
  return {
    order: 0,
    rootCause,
    rule: 'trailing-data',
    seed,
    found: { index: 41, mutation: { name: 'trailing-data', detail: '"x" after the document' } },
    request: { ...seed.request, ...request },
    result: {} as Observation,
    shrink: { attempts: 12, steps: 3, capped: false },
    hits: 7,
    alsoBy: ['invalid-utf8'],
  };
}

const names = { baseline: 'rust', candidate: 'go' };
const noSecrets = createRedactor({ headerNames: [], secrets: new Map() });
const back = { file: 'cases/fuzz/x.yaml', env: {}, globalRules: undefined };
const input = (f: TalliedDiscovery, extra = {}) => ({
  finding: f,
  name: 'post-v1-notes-400-vs-201-trailing-data',
  names,
  command: 'parity fuzz --seed 1 --budget 5000',
  rules: undefined,
  redact: noSecrets,
  ...extra,
});
const request = (text: string | undefined) =>
  text === undefined ? undefined : parse(text).cases[0].request;

describe('fuzz case files', () => {
  it('hold a JSON body as json:, with the finding in comments and the description', () => {
    const text = caseFileOf(
      input(finding({ body: { kind: 'json', doc: docOf({ text: '' }) } })),
      back,
    );
    expect(
      text,
    ).toBe(`# Found by \`parity fuzz --seed 1 --budget 5000\` (input 42; 7 input(s) showed it; also hit by invalid-utf8).
# Seed: t/create (inline:1:1)
# Mutation: trailing-data (bytes after the JSON document (raw JSON))
#   "x" after the document
# Root cause: input acceptance; input rule: trailing-data (one case per rule). Shrunk in 3 step(s), 12 replay(s): the request below is the input above made smaller, so it may no longer show the mutation as written.

suite: fuzz
cases:
  - id: post-v1-notes-400-vs-201-trailing-data
    description: rust rejects (400) what go accepts (201) at POST /v1/notes
    tags: [ fuzz, input-acceptance ]
    request:
      method: POST
      path: "/v1/notes"
      headers:
        content-type: application/json
      json:
        text: ""
`);
  });

  it('hold other UTF-8 exactly as a double-quoted text:, control characters escaped', () => {
    const doc = { ...docOf({ text: 'a\u0000b' }), trail: Buffer.from('\n\u0000x') };
    const text = caseFileOf(input(finding({ body: { kind: 'json', doc } })), back);
    expect(request(text)).toMatchObject({ text: '{"text":"a\\u0000b"}\n\u0000x' });
    expect(text).toMatch(/text: "\{\\"text\\":\\"a\\\\u0000b\\"\}\\n\\0x"/);
  });

  it('hold bytes that are not UTF-8 as base64:', () => {
    const bytes = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    const text = caseFileOf(input(finding({ body: { kind: 'bytes', bytes } })), back);
    expect(request(text)).toMatchObject({ base64: bytes.toString('base64') });
  });

  it('write secrets as their ${env:…} placeholders, which read back to the same request', () => {
    const redact = createRedactor({
      headerNames: [],
      secrets: new Map([['s3cr3t-token', '${env:TOKEN}']]),
    });
    const f = finding({
      headers: [
        ['content-type', 'application/json'],
        ['x-token', 'Bearer s3cr3t-token'],
      ],
    });
    const text = caseFileOf(input(f, { redact }), { ...back, env: { TOKEN: 's3cr3t-token' } });
    expect(text).toContain('x-token: Bearer ${env:TOKEN}');
    expect(text).not.toContain('s3cr3t-token');
  });

  it('are not written when no form reads back to the request sent', () => {
    const f = finding({ path: '/v1/${env:UNSET}' });
    expect(caseFileOf(input(f), back)).toBeUndefined();
  });

  it("carry the seed's rule layers", () => {
    const rules = { defaults: { ignore: ['/id'] }, rules: { keyCase: 'fold' as const } };
    const text = renderFuzzCase(input(finding({}), { rules }), false);
    expect(parse(text)).toMatchObject({
      defaults: { rules: { ignore: ['/id'] } },
      cases: [{ rules: { keyCase: 'fold' } }],
    });
  });

  it('are named after the root cause, and the input rule where one side accepts what the other rejects (or fails)', () => {
    expect(caseName(finding({}))).toBe('post-v1-notes-400-vs-201-trailing-data');
    const mapping = { ...cause, group: 'status-mapping' as const, candidate: 422 };
    expect(caseName(finding({}, mapping))).toBe('post-v1-notes-400-vs-422');
    const crash = { ...cause, group: 'server-error' as const, candidate: 500 };
    expect(caseName(finding({}, crash))).toBe('post-v1-notes-400-vs-500-trailing-data');
    const reset = {
      ...cause,
      key: 'transport-x',
      type: 'transport' as const,
      candidate: 'ECONNRESET',
    };
    expect(caseName(finding({}, { ...reset, group: 'server-error' }))).toBe(
      'post-v1-notes-400-vs-econnreset-trailing-data',
    );
    const nilSlice = { ...cause, key: 'nil-slice-0123', type: 'nil-slice' as const };
    expect(caseName(finding({}, { ...nilSlice, group: 'response-body' }))).toBe(
      'post-v1-notes-nil-slice',
    );
    const kind = { ...cause, key: 'body-kind-0123', type: 'body-kind' as const, candidate: 400 };
    expect(caseName(finding({}, { ...kind, group: 'error-envelope' }))).toBe(
      'post-v1-notes-400-body-kind',
    );
  });
});
