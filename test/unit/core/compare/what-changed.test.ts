/**
 * Issue 43: root causes keyed by what changed, from the body changes
 * `findings.ts` reads (values included) through the run's clusters. Each
 * rule is planted twice, with other field names and shapes, so no rule is
 * tuned to one pair; where two real causes share members, they stay two rows.
 */

import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../src/contract/observation.js';
import { clusterCauses } from '../../../../src/core/compare/cause-clusters.js';
import { clusteredFindings } from '../../../../src/core/compare/clustered-findings.js';
import { structureFindings } from '../../../../src/core/compare/findings.js';
import { valueTemplate } from '../../../../src/core/compare/value-template.js';
import { valueChange } from './fixtures.js';

interface Seen {
  readonly caseId: string;
  readonly endpoint: string;
  readonly changes: readonly Change[];
  readonly xml?: boolean;
}

/** The run's rows once clustered: fingerprint → summary. */
function rows(answers: readonly Seen[]): Map<string, string> {
  const judged = answers.map(({ caseId, endpoint, changes, xml }) => ({
    caseId,
    endpoint,
    findings: structureFindings(endpoint, changes, xml === true),
  }));
  const clusters = clusterCauses(judged);
  const out = new Map<string, string>();
  for (const { endpoint, findings } of judged) {
    for (const f of clusteredFindings(endpoint, findings, clusters))
      out.set(f.fingerprint, f.summary);
  }
  return out;
}

const added = (path: string, candidate: unknown): Change => ({ op: 'added', path, candidate });
const removed = (path: string, baseline: unknown): Change => ({ op: 'removed', path, baseline });

describe('a value template', () => {
  it('keeps words and elides what holds digits, quoted parts and long tokens', () => {
    expect(valueTemplate('Stream orders-7 under account 000000000000 not found.')).toBe(
      'Stream … under account 0 not found.',
    );
    expect(valueTemplate("Value '0' at 'shardCount' failed")).toBe('Value … at … failed');
    expect(valueTemplate('ValidationException')).toBe('ValidationException');
    expect(valueTemplate(1795709214)).toBe('0');
    expect(valueTemplate(1795709217.004)).toBe('0.0');
  });

  it('has none for paths, ids, digests, tokens and booleans', () => {
    for (const none of ['/docs/a.txt', 'bob-2', 'a'.repeat(40), 'AAAAAAAAAAH56YZpM20L6', true]) {
      expect(valueTemplate(none)).toBeUndefined();
    }
  });
});

describe.each([
  { name: 'an error message', field: 'message', other: 'errorType', at: '' },
  { name: 'a problem detail', field: 'detail', other: 'title', at: '/problem' },
])('values of their own ($name)', ({ field, other, at }) => {
  const f = `${at}/${field}`;
  const o = `${at}/${other}`;

  it('each wording is a row of its own at one field, however many answers show it', () => {
    const found = rows([
      {
        caseId: 'a',
        endpoint: 'POST /',
        changes: [valueChange(f, 'Thing x not found.', 'No thing x')],
      },
      {
        caseId: 'b',
        endpoint: 'POST /',
        changes: [valueChange(f, 'Thing x not found.', 'No thing x')],
      },
      {
        caseId: 'c',
        endpoint: 'POST /',
        changes: [valueChange(f, 'Thing y exists.', 'Thing y already there')],
      },
    ]);
    expect([...found.values()].sort()).toEqual([
      `/: value of \`${f}\` differs: \`Thing x not found.\` vs \`No thing x\``,
      `/: value of \`${f}\` differs: \`Thing y exists.\` vs \`Thing y already there\``,
    ]);
  });

  it('values of one object that change in exactly the same answer are one row; two errors stay two', () => {
    const found = rows([
      {
        caseId: 'zero',
        endpoint: 'POST /',
        changes: [
          valueChange(o, 'Invalid', 'Limit'),
          valueChange(f, 'must be positive', 'out of range'),
        ],
      },
      {
        caseId: 'missing',
        endpoint: 'POST /',
        changes: [
          valueChange(o, 'Invalid', 'Decode'),
          valueChange(f, 'is required', 'cannot decode body'),
        ],
      },
    ]);
    expect(found.size).toBe(2);
  });

  it('a reworded value beside members other answers add or lack too stays apart', () => {
    const found = rows([
      {
        caseId: 'a',
        endpoint: 'GET /x/:id',
        changes: [removed(`${at}/trace`, 't'), added(`${at}/key`, 'k')],
      },
      {
        caseId: 'b',
        endpoint: 'GET /x/:id',
        changes: [
          removed(`${at}/trace`, 't'),
          added(`${at}/key`, 'k'),
          valueChange(f, 'Gone', 'Gone.'),
        ],
      },
    ]);
    expect([...found.values()].filter((s) => s.includes('value of'))).toEqual([
      `/x: value of \`${f}\` differs: \`Gone\` vs \`Gone.\``,
    ]);
    expect(found.size).toBe(2);
  });

  it('one answer whose object only gains a member and changes a value of its own is one row', () => {
    const found = rows([
      {
        caseId: 'u',
        endpoint: 'POST /',
        changes: [valueChange(o, 'Unknown', 'Denied'), added(f, 'not allowed')],
      },
      {
        caseId: 'v',
        endpoint: 'POST /',
        changes: [valueChange(f, 'Thing x not found.', 'No thing x')],
      },
    ]);
    expect(found.size).toBe(2);
  });
});

describe.each([
  {
    name: 'timestamps',
    a: '/Description/Created',
    b: '/Summary/Created',
    before: 1700000000,
    after: 1700000000.5,
  },
  { name: 'states', a: '/order/state', b: '/invoice/state', before: 'OPEN', after: 'open' },
])('one transition at several paths is one row ($name)', ({ a, b, before, after }) => {
  it('joins the places of one template transition', () => {
    const found = rows([
      { caseId: 'one', endpoint: 'POST /', changes: [valueChange(a, before, after)] },
      { caseId: 'two', endpoint: 'GET /other', changes: [valueChange(b, before, after)] },
    ]);
    expect(found.size).toBe(1);
  });
});

describe.each([
  {
    name: 'names',
    field: '/owner',
    pairs: [
      ['ada', 'Ada'],
      ['bob', 'Bob'],
      ['cyd', 'Cyd'],
    ],
  },
  {
    name: 'labels',
    field: '/tag/label',
    pairs: [
      ['red', 'rot'],
      ['blue', 'blau'],
      ['green', 'gruen'],
    ],
  },
])('values that never repeat are data, one row ($name)', ({ field, pairs }) => {
  it('across answers', () => {
    const found = rows(
      pairs.map(([b, c], i) => ({
        caseId: `case-${i}`,
        endpoint: 'GET /things/:id',
        changes: [valueChange(field, b, c)],
      })),
    );
    expect([...found.values()]).toEqual([`/things: value of \`${field}\` differs`]);
  });

  it("within one answer, at the attributes of a list's elements (attributes never travel together)", () => {
    const found = rows([
      {
        caseId: 'list',
        endpoint: 'GET /things',
        xml: true,
        changes: pairs.map(([b, c], i) => valueChange(`/set${field}/${i}/@name`, b, c)),
      },
    ]);
    expect(found.size).toBe(1);
  });
});

describe.each([
  {
    name: 'a mode object',
    member: 'ModeDetails',
    shape: { Mode: 'PROVISIONED' },
    other: { Level: 3 },
  },
  {
    name: 'a links object',
    member: 'links',
    shape: { self: '/x', next: '/y' },
    other: { self: '/x' },
  },
])('the same member under other parents ($name)', ({ member, shape, other }) => {
  it('is one row when its shape is the same', () => {
    const found = rows([
      { caseId: 'describe', endpoint: 'POST /', changes: [added(`/Description/${member}`, shape)] },
      { caseId: 'summary', endpoint: 'POST /', changes: [added(`/Summary/${member}`, shape)] },
    ]);
    expect(found.size).toBe(1);
  });

  it('stays two rows when its shapes differ, or when it is a plain value', () => {
    const shapes = rows([
      { caseId: 'describe', endpoint: 'POST /', changes: [added(`/Description/${member}`, shape)] },
      { caseId: 'summary', endpoint: 'POST /', changes: [added(`/Summary/${member}`, other)] },
    ]);
    expect(shapes.size).toBe(2);
    const plain = rows([
      { caseId: 'describe', endpoint: 'POST /', changes: [added(`/Description/${member}`, 'x')] },
      { caseId: 'summary', endpoint: 'POST /', changes: [added(`/Summary/${member}`, 'x')] },
    ]);
    expect(plain.size).toBe(2);
  });
});

describe.each([
  { name: 'a listing', root: '/ListResult', count: 'KeyCount', nested: 'Owner', zero: 'Marker' },
  { name: 'a search page', root: '/page', count: 'total', nested: 'author', zero: 'cursor' },
])('one answer restructured at any depth ($name)', ({ root, count, nested, zero }) => {
  const restructure: Change[] = [
    added(`${root}/${count}`, '2'),
    removed(`${root}/Items/0/${nested}`, { id: '1', name: 'n' }),
    removed(`${root}/Items/1/${nested}`, { id: '1', name: 'n' }),
    removed(`${root}/${zero}`, ''),
  ];

  it('is one row: members, nested members and zero-valued members it alone shows', () => {
    // XML: a JSON list's members are keyed within their record (`/Owner`), another top object.
    const found = rows([{ caseId: 'v2', endpoint: 'GET /b', xml: true, changes: restructure }]);
    expect(found.size).toBe(1);
  });

  it('keeps apart a member another answer shows too, and an attribute the element gains', () => {
    const found = rows([
      {
        caseId: 'v2',
        endpoint: 'GET /b',
        xml: true,
        changes: [
          ...restructure,
          added(`${root}/Echo`, '/'),
          {
            op: 'type',
            path: `${root}/Stamp`,
            baseline: 'Mon',
            candidate: { '@dt': 'rfc', '#text': 'Mon' },
          },
        ],
      },
      { caseId: 'v1', endpoint: 'GET /b', xml: true, changes: [added(`${root}/Echo`, '/')] },
    ]);
    expect(found.size).toBe(3);
  });
});

describe.each([
  {
    name: 'properties',
    object: '/multistatus/response/propstat/prop',
    all: 'created',
    some: 'length',
  },
  { name: 'fields', object: '/records/0/meta', all: 'createdBy', some: 'size' },
])('two causes that share an object stay two rows ($name)', ({ object, all, some }) => {
  it('a member every answer gains, and one only some answers lack', () => {
    const found = rows(
      ['a', 'b', 'c'].map((caseId) => ({
        caseId,
        endpoint: 'PROPFIND /:path',
        changes: [
          added(`${object}/${all}`, 'x'),
          ...(caseId === 'a' ? [] : [removed(`${object}/${some}`, '1')]),
        ],
      })),
    );
    expect(found.size).toBe(2);
  });

  it('an attribute gained in the same answers as a member is a row of its own', () => {
    const found = rows(
      ['a', 'b'].map((caseId) => ({
        caseId,
        endpoint: 'PROPFIND /:path',
        xml: true,
        changes: [
          added(`${object}/${all}`, 'x'),
          {
            op: 'type',
            path: `${object}/${some}`,
            baseline: { '@dt': 'rfc', '#text': 'Mon' },
            candidate: 'Mon',
          },
        ],
      })),
    );
    expect(found.size).toBe(2);
  });
});

describe.each([
  {
    name: 'an envelope lacks members and each address lacks one too',
    object: 'envelope',
    op: removed,
    members: [
      ['host', 'mx.local'],
      ['remoteAddress', '10.0.0.1'],
    ],
    nested: ['from/args', 'to/0/args', 'to/1/args'],
    zero: false,
    top: ['messageId', 'a@b'],
    words: /^candidate lacks `\/envelope\/host`, `\/envelope\/remoteAddress` \(\+2 more\)$/,
  },
  {
    name: 'a server object gains members and its tls object zero-valued ones',
    object: 'server',
    op: added,
    members: [['region', 'eu-west']],
    nested: ['tls/pinned', 'tls/retries'],
    zero: 0,
    top: ['served', 'x'],
    words:
      /^candidate adds `\/server\/region`; candidate adds zero-valued members to `\/server\/tls`/,
  },
])('one object and the objects nested in it: $name', (f) => {
  const endpoints = ['GET /v2/things', 'GET /v2/things/:id', 'GET /v2/others'];
  const object = (prefix: string, more: Change[] = []): Change[] => [
    ...f.members.map(([name = '', v]) => f.op(`${prefix}/${f.object}/${name}`, v)),
    ...f.nested.map((path) => f.op(`${prefix}/${f.object}/${path}`, f.zero)),
    ...more,
  ];
  const answers = endpoints.map((endpoint, index) => ({
    caseId: `c/${index}`,
    endpoint,
    changes: object(index === 1 ? '' : `/${index}`, [
      f.op(`${index === 1 ? '' : `/${index}`}/${f.top[0]}`, f.top[1]),
    ]),
  }));

  it('is one row, apart from the body’s own members in the same answers', () => {
    const found = [...rows(answers).values()];
    expect(found).toHaveLength(2);
    expect(found).toContainEqual(expect.stringMatching(f.words));
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`\`/${f.top[0]}\``)));
  });

  it('keeps a nested member of another answer set, or of the other side, apart', () => {
    const other = f.op === removed ? added : removed;
    const more = [
      ...answers,
      // A member of a nested object seen in one more answer: another set.
      { caseId: 'c/9', endpoint: 'GET /v2/more', changes: [f.op(`/${f.object}/deep/flag`, 'x')] },
      { caseId: 'c/8', endpoint: 'GET /v2/more', changes: [f.op(`/${f.object}/deep/flag`, 'x')] },
    ].map((answer) =>
      answer.caseId === 'c/0'
        ? { ...answer, changes: [...answer.changes, f.op(`/0/${f.object}/deep/flag`, 'x')] }
        : answer,
    );
    const withOther = more.map((answer) =>
      answer.caseId.startsWith('c/') && Number(answer.caseId.slice(2)) < 3
        ? { ...answer, changes: [...answer.changes, other(`/${f.object}/extra/note`, 'n')] }
        : answer,
    );
    const found = [...rows(withOther).values()];
    expect(found).toHaveLength(4);
    expect(found).toContainEqual(expect.stringMatching(f.words));
  });

  it('stays per object where the object itself changes nothing', () => {
    const nestedOnly = answers.map((answer) => ({
      ...answer,
      changes: answer.changes.filter(
        (c) => !f.members.some(([name]) => c.path.endsWith(`/${name}`)),
      ),
    }));
    const found = [...rows(nestedOnly).values()];
    expect(found.some((summary) => f.words.test(summary))).toBe(false);
  });
});

describe.each([
  { name: 'an address list in an envelope', list: '/envelope/to', member: 'args', value: 'x' },
  { name: 'a tag list in a post', list: '/tags', member: 'colour', value: 'red' },
])('a list inside a record: $name', ({ list, member, value }) => {
  it('is one place in a read and in a list of records', () => {
    const found = rows([
      {
        caseId: 'c/1',
        endpoint: 'GET /v3/docs/:id',
        changes: [removed(`${list}/0/${member}`, value)],
      },
      {
        caseId: 'c/2',
        endpoint: 'GET /v3/docs',
        changes: [removed(`/0${list}/0/${member}`, value), removed(`/1${list}/1/${member}`, value)],
      },
    ]);
    expect([...found.values()]).toEqual([`/v3/docs: candidate lacks \`${list}/*/${member}\``]);
  });
});
