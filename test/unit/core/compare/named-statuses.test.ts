/**
 * Issue 43: an error envelope that names its status (`named-statuses.ts`).
 * One side writes the reason phrase of its own status where the other wrote
 * the message, and the message in a member of its own, reworded or not. The
 * value at the reason phrase's place is the envelope's (never a row "value of
 * `/error` differs: `title is required` vs `Bad Request`"); the messages
 * moved and reworded are one row of their own per moved place. Planted with
 * two envelopes of other member names and spellings (`Bad Request`;
 * `BAD_REQUEST`), beside second causes that share their members and stay
 * rows of their own.
 */
import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { SkeletonChange } from '../../../../src/contract/root-cause.js';
import type { ClusterAnswer } from '../../../../src/core/compare/cause-clusters.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import {
  namedChange,
  namedOriginals,
  namedStatuses,
} from '../../../../src/core/compare/named-statuses.js';
import { causeMeaning } from '../../../../src/core/compare/root-cause-words.js';
import { templatesOf } from '../../../../src/core/compare/value-template.js';
import { isReasonPhrase, REASON_PHRASES } from '../../../../src/util/reason-phrases.js';
import { clusteredRows, clusteredSummaries } from '../../../helpers/clustered-rows.js';

interface Change {
  readonly op: 'value' | 'added' | 'removed';
  readonly path: string;
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

const type = (v: unknown) => (v === undefined ? '-' : typeof v);

/** One answer with its two statuses: each change a finding of its resource, as `findings.ts` keys it. */
function answer(
  caseId: string,
  endpoint: string,
  [b, c]: readonly [number, number],
  changes: readonly Change[],
) {
  const resource = endpoint.replace(/^\S+ /, '').replace(/\/:\w+$/, '');
  const findings = changes.map((one) => {
    const values = one.op === 'value' ? templatesOf(one.baseline, one.candidate) : undefined;
    const change: SkeletonChange = {
      op: one.op,
      path: one.path,
      baseline: type(one.baseline),
      candidate: type(one.candidate),
      ...(values === undefined ? {} : { values }),
    };
    return findingOf({ type: 'structure', endpoint: resource, change }, [one.path]);
  });
  return {
    caseId,
    endpoint,
    baseline: { status: b },
    candidate: { status: c },
    findings,
    changes,
  } satisfies ClusterAnswer;
}

describe('isReasonPhrase', () => {
  it("holds node:http's table", () => {
    expect({ ...REASON_PHRASES }).toEqual({ ...STATUS_CODES });
  });

  it("reads a status's reason phrase however it is spelled", () => {
    for (const spelled of ['Bad Request', 'BAD_REQUEST', 'bad_request', ' bad request ']) {
      expect(isReasonPhrase(spelled, 400), spelled).toBe(true);
    }
    expect(isReasonPhrase('NOT_FOUND', 404)).toBe(true);
    expect(isReasonPhrase('Unprocessable Entity', 422)).toBe(true);
  });

  it("never another status's phrase, another word, or a value that is no string", () => {
    expect(isReasonPhrase('Not Found', 400)).toBe(false);
    expect(isReasonPhrase('Bad', 400)).toBe(false);
    expect(isReasonPhrase('Bad Request', undefined)).toBe(false);
    expect(isReasonPhrase(400, 400)).toBe(false);
    expect(isReasonPhrase('', 799)).toBe(false);
  });
});

describe('namedStatuses', () => {
  it('finds the side that names its status, its members, and the message it moved and reworded', () => {
    const changes: Change[] = [
      { op: 'value', path: '/error', baseline: 'title is required', candidate: 'Bad Request' },
      { op: 'added', path: '/message', candidate: "body must have required property 'title'" },
      { op: 'added', path: '/code', candidate: 'FST_ERR_VALIDATION' },
      { op: 'added', path: '/statusCode', candidate: 400 },
    ];
    expect(
      namedStatuses(changes, { baseline: { status: 400 }, candidate: { status: 400 } }),
    ).toEqual([
      {
        path: '/error',
        side: 'candidate',
        errorClass: '4xx',
        members: ['/message', '/code', '/statusCode'],
        reworded: {
          from: '/error',
          to: '/message',
          baseline: 'title is required',
          candidate: "body must have required property 'title'",
        },
      },
    ]);
  });

  it("reads the baseline's envelope from the members the candidate lacks", () => {
    const changes: Change[] = [
      { op: 'value', path: '/fault/kind', baseline: 'NOT_FOUND', candidate: 'no such order' },
      { op: 'removed', path: '/fault/detail', baseline: 'order 7 does not exist' },
    ];
    const [named] = namedStatuses(changes, {
      baseline: { status: 404 },
      candidate: { status: 404 },
    });
    expect(named?.side).toBe('baseline');
    expect(named?.reworded).toEqual({
      from: '/fault/detail',
      to: '/fault/kind',
      baseline: 'order 7 does not exist',
      candidate: 'no such order',
    });
  });

  it('reads nothing on a success answer, a phrase on both sides, or a message moved unchanged', () => {
    const moved: Change[] = [
      { op: 'value', path: '/error', baseline: 'user not found', candidate: 'Not Found' },
      { op: 'added', path: '/message', candidate: 'user not found' },
    ];
    expect(namedStatuses(moved, { baseline: { status: 200 }, candidate: { status: 404 } })).toEqual(
      [],
    );
    const [named] = namedStatuses(moved, {
      baseline: { status: 404 },
      candidate: { status: 404 },
    });
    expect(named?.reworded).toBeUndefined();
    const both: Change[] = [
      { op: 'value', path: '/error', baseline: 'NOT_FOUND', candidate: 'Not Found' },
    ];
    expect(namedStatuses(both, { baseline: { status: 404 }, candidate: { status: 404 } })).toEqual(
      [],
    );
  });

  it('reads no rewording where two prose members could hold the message', () => {
    const changes: Change[] = [
      { op: 'value', path: '/error', baseline: 'title is required', candidate: 'Bad Request' },
      { op: 'added', path: '/message', candidate: 'body must have title' },
      { op: 'added', path: '/hint', candidate: 'see the docs for fields' },
    ];
    const [named] = namedStatuses(changes, {
      baseline: { status: 400 },
      candidate: { status: 400 },
    });
    expect(named?.side).toBe('candidate');
    expect(named?.reworded).toBeUndefined();
  });
});

describe('namedOriginals', () => {
  it('gives the templated value changes a named status stands for, so their rows are superseded', () => {
    for (const [path, concrete] of [
      ['/error', '/error'],
      ['/faults/*/reason', '/faults/0/reason'],
    ] as const) {
      const named = namedChange(
        { op: 'value', path, baseline: 'string', candidate: 'string' },
        'candidate',
      );
      expect(named.candidate).toBe('reason phrase');
      expect(
        namedOriginals(named, [
          { op: 'value', path: concrete, baseline: 'title is required', candidate: 'BAD_REQUEST' },
          { op: 'added', path: '/message', candidate: 'body must have title' },
        ]),
      ).toEqual([
        {
          op: 'value',
          path,
          baseline: 'string',
          candidate: 'string',
          values: ['title is required', 'BAD_REQUEST'],
        },
      ]);
      // Any other change stood for nothing else.
      expect(namedOriginals({ ...named, candidate: 'string' }, [])).toEqual([]);
    }
  });
});

interface Fixture {
  readonly name: string;
  readonly error: string;
  readonly message: string;
  readonly status: string;
  readonly phrase: (status: number) => string;
}

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  500: 'Internal Server Error',
};

describe.each<Fixture>([
  {
    name: 'an Express error against a Fastify one',
    error: '/error',
    message: '/message',
    status: '/statusCode',
    phrase: (s) => PHRASES[s] ?? '',
  },
  {
    name: 'a fault against a detailed fault, its phrase in UPPER_SNAKE',
    error: '/fault/reason',
    message: '/fault/detail',
    status: '/fault/status',
    phrase: (s) => (PHRASES[s] ?? '').toUpperCase().replaceAll(' ', '_'),
  },
])('$name', ({ error, message, status, phrase }) => {
  /** The candidate names the status at `error` and writes `now` at `message`. */
  const refused = (caseId: string, endpoint: string, code: number, old: string, now: string) =>
    answer(
      caseId,
      endpoint,
      [code, code],
      [
        { op: 'value', path: error, baseline: old, candidate: phrase(code) },
        { op: 'added', path: message, candidate: now },
        { op: 'added', path: status, candidate: code },
      ],
    );

  const missing = (n: number, endpoint: string) =>
    refused(`m/${n}`, endpoint, 404, `record ${n} not found`, `record ${n} not found`);

  it('is the envelope row and one row of reworded messages, never a row per wording', () => {
    const found = clusteredSummaries([
      missing(1, 'GET /users/:id'),
      missing(2, 'GET /notes/:id'),
      refused('v/1', 'POST /users', 400, 'email is invalid', 'body/email must match format email'),
      refused('v/2', 'POST /notes', 400, 'title is required', 'body must have required title'),
      refused('v/3', 'PUT /notes/:id', 400, 'title is required', 'body must have required title'),
    ]);
    expect(found, found.join('\n')).toHaveLength(2);
    const envelope = found.find((s) => s.includes('names the status'));
    expect(envelope, found.join('\n')).toContain(`candidate names the status at \`${error}\``);
    expect(envelope).toContain(`\`${message}\``);
    const reworded = found.find((s) => s.startsWith('message reworded'));
    expect(reworded, found.join('\n')).toContain(
      `message reworded (moved from \`${error}\` to \`${message}\`)`,
    );
    expect(reworded).toContain('`email is invalid` vs');
    expect(
      found.some((s) => s.includes('differs')),
      found.join('\n'),
    ).toBe(false);
  });

  it('says what a reworded row is', () => {
    const rows = clusteredRows([
      refused('v/1', 'POST /users', 400, 'email is invalid', 'body/email must match format email'),
      refused('v/2', 'POST /notes', 400, 'title is required', 'body must have required title'),
    ]);
    const row = [...rows.values()].find((f) => f.summary.startsWith('message reworded'));
    expect(row && causeMeaning(row.cause)).toContain('names the status where the other writes');
  });

  it('keeps the reworded messages of another error class apart', () => {
    const found = clusteredSummaries([
      refused('v/1', 'POST /users', 400, 'email is invalid', 'body/email must match format email'),
      refused('v/2', 'POST /notes', 400, 'title is required', 'body must have required title'),
      refused('e/1', 'POST /users', 500, 'database is down', 'an internal error occurred'),
      refused('e/2', 'POST /notes', 500, 'database is down', 'an internal error occurred'),
    ]);
    expect(
      found.filter((s) => s.startsWith('message reworded')),
      found.join('\n'),
    ).toHaveLength(2);
  });

  it('keeps a second cause in the same members a row of its own: a value that is no reason phrase', () => {
    const other = (caseId: string, endpoint: string) =>
      answer(
        caseId,
        endpoint,
        [400, 400],
        [
          { op: 'value', path: error, baseline: 'name is too long', candidate: 'Invalid input' },
          { op: 'added', path: message, candidate: 'body/name must be shorter' },
          { op: 'added', path: status, candidate: 400 },
        ],
      );
    // Another status's phrase is no reason phrase of this one.
    const wrong = (caseId: string, endpoint: string) =>
      answer(
        caseId,
        endpoint,
        [400, 400],
        [
          { op: 'value', path: error, baseline: 'page is too big', candidate: phrase(404) },
          { op: 'added', path: message, candidate: 'querystring/page must be small' },
          { op: 'added', path: status, candidate: 400 },
        ],
      );
    const found = clusteredSummaries([
      missing(1, 'GET /users/:id'),
      missing(2, 'GET /notes/:id'),
      other('o/1', 'POST /users'),
      other('o/2', 'POST /notes'),
      wrong('w/1', 'GET /users'),
      wrong('w/2', 'GET /notes'),
    ]);
    const values = found.filter((s) => s.includes(`value of \`${error}\` differs`));
    expect(values, found.join('\n')).toHaveLength(2);
    expect(values.some((s) => s.includes('Invalid input'))).toBe(true);
    expect(
      found.filter((s) => s.includes('names the status')),
      found.join('\n'),
    ).toHaveLength(1);
    expect(found.some((s) => s.startsWith('message reworded'))).toBe(false);
  });

  it('never joins a member the side also adds to its success answers', () => {
    const traced = (caseId: string, endpoint: string, code: number, old: string) =>
      answer(
        caseId,
        endpoint,
        [code, code],
        [
          { op: 'value', path: error, baseline: old, candidate: phrase(code) },
          { op: 'added', path: '/traceId', candidate: 'a1b2c3d4e5' },
        ],
      );
    const ok = (caseId: string, endpoint: string) =>
      answer(
        caseId,
        endpoint,
        [200, 200],
        [{ op: 'added', path: '/traceId', candidate: 'a1b2c3d4e5' }],
      );
    const found = clusteredSummaries([
      traced('t/1', 'GET /users/:id', 404, 'user 1 not found'),
      traced('t/2', 'GET /notes/:id', 404, 'note 2 not found'),
      ok('o/1', 'GET /users'),
      ok('o/2', 'GET /notes'),
    ]);
    expect(found, found.join('\n')).toHaveLength(2);
    expect(
      found.filter((s) => s.includes('`/traceId`')),
      found.join('\n'),
    ).toHaveLength(1);
    expect(found.find((s) => s.includes('`/traceId`'))).not.toContain('names the status');
  });

  it('keeps a value that names its status in some answers only a row of its own, with no rewording', () => {
    // The same words on a 422: not that status's phrase.
    const found = clusteredSummaries([
      refused('v/1', 'POST /users', 400, 'email is invalid', 'body/email must match format email'),
      answer(
        'u/1',
        'POST /notes',
        [422, 422],
        [
          { op: 'value', path: error, baseline: 'email is invalid', candidate: phrase(400) },
          { op: 'added', path: message, candidate: 'body/email must match format email' },
          { op: 'added', path: status, candidate: 422 },
        ],
      ),
    ]);
    expect(
      found.filter((s) => s.includes(`value of \`${error}\` differs`)),
      found.join('\n'),
    ).toHaveLength(1);
    expect(found.some((s) => s.includes('names the status') || s.includes('reworded'))).toBe(false);
  });

  it('keeps each wording a row where the message did not move', () => {
    const stayed = (caseId: string, endpoint: string, old: string, now: string) =>
      answer(
        caseId,
        endpoint,
        [400, 400],
        [{ op: 'value', path: error, baseline: old, candidate: now }],
      );
    const found = clusteredSummaries([
      stayed('s/1', 'POST /users', 'email is invalid', 'email must be an address'),
      stayed('s/2', 'POST /notes', 'title is required', 'title must be set'),
    ]);
    expect(
      found.filter((s) => s.includes('differs')),
      found.join('\n'),
    ).toHaveLength(2);
    expect(found.some((s) => s.includes('names the status') || s.includes('reworded'))).toBe(false);
  });
});
