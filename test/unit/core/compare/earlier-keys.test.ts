/**
 * A tracker written before a re-keying holds rows of causes the run now
 * records under another: the members of an object empty on the other side,
 * an identifier's type change per resource, members moved into a nested
 * object, a `content-length` that follows its body. The run supersedes those rows by the cause that took them over,
 * never resolves them (the servers still differ).
 */
import { describe, expect, it } from 'vitest';
import type { DivergentObservation, HeaderChange } from '../../../../src/contract/observation.js';
import { alikeDifference } from '../../../../src/core/compare/alike-texts.js';
import { earlierKeys as earlierOf } from '../../../../src/core/compare/earlier-keys.js';
import { findingOf } from '../../../../src/core/compare/finding-of.js';
import { findingsOf } from '../../../../src/core/compare/findings.js';
import { causeFingerprint, ZERO_VALUED_MEMBERS } from '../../../../src/core/compare/root-cause.js';
import { textDifference } from '../../../../src/core/compare/text-bodies.js';
import { groupFindings } from '../../../../src/judge/results/root-causes.js';
import { divergentResult as result } from './fixtures.js';

/** A stored result's earlier keys, a preview's cut marker being no member. */
const earlierKeys = (result: DivergentObservation) =>
  earlierOf({ ...result, notMembers: new Set(['…']) });

const added = (path: string, candidate: string) =>
  causeFingerprint({
    type: 'structure',
    endpoint: '/posts',
    change: { op: 'added', path, baseline: '-', candidate },
  });

describe('the rows a re-keyed cause takes over', () => {
  it('are the rows of each member of an object now empty against filled', () => {
    const record = { id: '7a', title: 't', '…': '3 more members' };
    const deleted = result('s/delete', 'DELETE /posts/:id', [
      { path: '', op: 'type', baseline: {}, candidate: record },
    ]);
    const [cause] = deleted.findings;
    expect(cause?.cause.type === 'pattern' && cause.cause.pattern).toBe('empty-object');
    // A preview's cut marker is no member.
    expect(earlierKeys(deleted).get(cause?.fingerprint ?? '')).toEqual([
      added('/id', 'string'),
      added('/title', 'string'),
    ]);
  });

  it('is the row per resource of an identifier written where the other side writes an integer', () => {
    const created = result('s/create', 'POST /posts', [
      { path: '/id', op: 'type', baseline: 4, candidate: '44bd' },
    ]);
    const typeChange = causeFingerprint({
      type: 'structure',
      endpoint: '/posts',
      change: { op: 'type', path: '/id', baseline: 'number', candidate: 'string' },
    });
    expect([...earlierKeys(created).values()]).toEqual([[typeChange]]);
    // Ids copied as strings were `int-as-string` already: nothing re-keyed.
    const copied = result('s/read', 'GET /posts/:id', [
      { path: '/id', op: 'type', baseline: 1, candidate: '1' },
    ]);
    expect(earlierKeys(copied).size).toBe(0);
  });

  it("are the rows an RPC call's causes had on the path alone, before its endpoint named the operation", () => {
    const value = {
      op: 'value',
      path: '/result',
      baseline: 'string',
      candidate: 'string',
    } as const;
    const keyed = (endpoint: string) =>
      causeFingerprint({ type: 'structure', endpoint, change: value });
    for (const [endpoint, resource] of [
      ['POST / shelf.count', '/'],
      ['POST /rpc Store_1.GetShelf', '/rpc'],
      // An XML-RPC call's methodName, as a JSON-RPC call's method.
      ['POST /RPC2 stock.add', '/RPC2'],
    ] as const) {
      const call = result('s/call', endpoint, [
        { path: '/result', op: 'value', baseline: '0x1f', candidate: '0x2e' },
      ]);
      const [finding] = call.findings;
      const earlier = earlierKeys(call).get(finding?.fingerprint ?? '') ?? [];
      expect(earlier).toContain(keyed(resource));
      expect(earlier).toContain(keyed('*'));
      expect(new Set(earlier).size).toBe(earlier.length);
    }
  });

  it('are the rows of each member moved into a nested object, and of the object', () => {
    const address = { street: 'Main 1', city: 'Paris' };
    const moved = result('s/order', 'GET /posts/:id', [
      { path: '/address', op: 'added', candidate: address },
      { path: '/city', op: 'removed', baseline: 'Paris' },
      { path: '/street', op: 'removed', baseline: 'Main 1' },
    ]);
    const [cause] = moved.findings;
    expect(cause?.cause.type === 'pattern' && cause.cause.pattern).toBe('nesting');
    const removed = (path: string) =>
      causeFingerprint({
        type: 'structure',
        endpoint: '/posts',
        change: { op: 'removed', path, baseline: 'string', candidate: '-' },
      });
    expect(new Set(earlierKeys(moved).get(cause?.fingerprint ?? ''))).toEqual(
      new Set([added('/address', 'object'), removed('/city'), removed('/street')]),
    );
  });

  it('are the rows of each entry of a map moved into a container, values rewritten, and of the container', () => {
    // A folder listing's map of names to ETags, moved under `items`, each now an object
    // (extended in session sixteen): the rows each member had on its resource.
    const listing = result('s/list', 'GET /store/notes/', [
      { path: '/a.txt', op: 'removed', baseline: '1795958673255' },
      {
        path: '/items',
        op: 'added',
        candidate: { 'a.txt': { ETag: '1795958673258' }, 'b/': { ETag: '1795958673267' } },
      },
      { path: '/b~1', op: 'removed', baseline: '1795958673269' },
    ]);
    const [cause] = listing.findings;
    expect(cause?.cause.type === 'pattern' && cause.cause.pattern).toBe('nesting');
    const at = (op: 'added' | 'removed', path: string, type: string) =>
      causeFingerprint({
        type: 'structure',
        endpoint: '/store/notes',
        change:
          op === 'added'
            ? { op, path, baseline: '-', candidate: type }
            : { op, path, baseline: type, candidate: '-' },
      });
    expect(new Set(earlierKeys(listing).get(cause?.fingerprint ?? ''))).toEqual(
      new Set([
        at('added', '/items', 'object'),
        at('removed', '/a.txt', 'string'),
        at('removed', '/b~1', 'string'),
      ]),
    );
  });

  it('are the rows of list elements lacking and added, where each element is now wrapped', () => {
    const record = { id: 1, title: 't' };
    const wrapped = result('s/list', 'GET /posts', [
      { path: '/0', op: 'removed', baseline: record },
      { path: '/0', op: 'added', candidate: { item: record } },
    ]);
    const [cause] = wrapped.findings;
    expect(cause?.cause.type === 'pattern' && cause.cause.pattern).toBe('nesting');
    // Both changes share a path: each had its row.
    expect(earlierKeys(wrapped).get(cause?.fingerprint ?? '')).toHaveLength(2);
  });

  it('is the header row of a content-length that follows its body, under the body', () => {
    const length: HeaderChange = { name: 'content-length', baseline: '283', candidate: '301' };
    const listing = result(
      's/listing',
      'GET /sub/',
      [{ path: '', op: 'value', baseline: '<ul>a</ul>', candidate: '<ul>ab</ul>' }],
      [length],
    );
    const header = causeFingerprint({
      type: 'header',
      name: 'content-length',
      difference: 'value',
      classes: ['0', '0'],
    });
    expect([...earlierKeys(listing)]).toEqual([[listing.findings[0]?.fingerprint, [header]]]);
  });

  it.each([
    { path: '/files', sent: 'text/plain;charset=UTF-8', side: 'baseline' },
    { path: '/pages', sent: 'text/html', side: 'candidate' },
  ] as const)(
    'is the row of the name alone for a content-type left out, now keyed by what the other side sends ($sent)',
    ({ path, sent, side }) => {
      const change: HeaderChange =
        side === 'baseline'
          ? { name: 'content-type', baseline: undefined, candidate: sent }
          : { name: 'content-type', baseline: sent, candidate: undefined };
      const answer = result('s/one', `GET ${path}`, [], [change]);
      const [now] = answer.findings;
      const before = causeFingerprint({
        type: 'header',
        name: 'content-type',
        difference: side === 'baseline' ? 'missing-in-baseline' : 'missing-in-candidate',
      });
      expect(now?.fingerprint).not.toBe(before);
      expect([...earlierKeys(answer)]).toEqual([[now?.fingerprint, [before]]]);
    },
  );

  it('are superseded by the cause, unless the run shows one as a cause of its own', () => {
    const deleted = result('s/delete', 'DELETE /posts/:id', [
      { path: '', op: 'type', baseline: {}, candidate: { id: '7a', title: 't' } },
    ]);
    const heir = deleted.findings[0]?.fingerprint ?? '';
    expect(groupFindings([deleted]).get(heir)?.supersedes).toEqual(
      [added('/id', 'string'), added('/title', 'string')].sort(),
    );
    const own = result('s/read', 'GET /posts/:id', [
      { path: '/title', op: 'added', candidate: 'x' },
    ]);
    expect(groupFindings([deleted, own]).get(heir)?.supersedes).toEqual([added('/id', 'string')]);
  });
});

describe('the key-case row a rename had', () => {
  const keyCase = (field: string, before: string, after: string) =>
    causeFingerprint({
      type: 'pattern',
      pattern: 'key-case',
      field,
      params: [before, after],
      detail: `keys ${before} vs ${after}`,
    });

  // Two fixtures of other names: a rename alone, and a rename beside a casing in one object.
  it('is taken over by the rename, never resolved', () => {
    const renamed = result('u/get', 'GET /users/:id', [
      { path: '/login/userName', op: 'removed', baseline: 'ada' },
      { path: '/login/username', op: 'added', candidate: 'ada' },
    ]);
    const [rename] = renamed.findings;
    expect(rename?.cause.type === 'pattern' && rename.cause.pattern).toBe('key-rename');
    expect(earlierKeys(renamed).get(rename?.fingerprint ?? '')).toEqual([
      keyCase('login', 'camelCase', 'snake_case'),
    ]);
  });

  it('is taken over by both the casing and the rename of one object', () => {
    const mixed = result('m/get', 'GET /members/:id', [
      { path: '/profile/nick_name', op: 'removed', baseline: 'gh' },
      { path: '/profile/first_name', op: 'removed', baseline: 'Grace' },
      { path: '/profile/nickname', op: 'added', candidate: 'gh' },
      { path: '/profile/FirstName', op: 'added', candidate: 'Grace' },
    ]);
    const names = mixed.findings.map((f) => f.cause.type === 'pattern' && f.cause.pattern);
    expect(names.sort()).toEqual(['key-case', 'key-rename']);
    const old = keyCase('profile', 'snake_case', 'mixed case');
    for (const finding of mixed.findings) {
      expect(earlierKeys(mixed).get(finding.fingerprint)).toEqual([old]);
    }
  });

  // Two fixtures of other names: one-word keys, named by the first convention they follow before.
  for (const [parent, from, to, before, now] of [
    ['entry', 'value', 'Value', 'snake_case', 'camelCase'],
    ['order', 'status', 'Status', 'snake_case', 'camelCase'],
  ] as const) {
    it(`is the row one-word keys had named by their first convention: \`${from}\` → \`${to}\``, () => {
      const spelled = result('c/get', 'GET /catalog/:id', [
        { path: `/${parent}/${from}`, op: 'removed', baseline: 'x' },
        { path: `/${parent}/${to}`, op: 'added', candidate: 'x' },
      ]);
      const [casing] = spelled.findings;
      expect(casing?.fingerprint).toBe(keyCase(parent, now, 'PascalCase'));
      expect(earlierKeys(spelled).get(casing?.fingerprint ?? '')).toEqual([
        keyCase(parent, before, 'PascalCase'),
      ]);
    });
  }

  it('is no earlier row when the casing keeps its conventions: that row is still live', () => {
    const live = result('m/get', 'GET /members/:id', [
      { path: '/profile/nick_name', op: 'removed', baseline: 'gh' },
      { path: '/profile/first_name', op: 'removed', baseline: 'Grace' },
      { path: '/profile/nickname', op: 'added', candidate: 'gh' },
      { path: '/profile/firstName', op: 'added', candidate: 'Grace' },
    ]);
    expect(live.findings).toHaveLength(2);
    expect(earlierKeys(live).size).toBe(0);
  });
});

describe('the rows a cause keyed by what changed since took over', () => {
  it('are the `[] vs absent` and `{} vs absent` rows of one side’s defaults left out', () => {
    const read = result('s/read', 'GET /items/:id', [
      { path: '/item/labels', op: 'added', candidate: [] },
      { path: '/item/attributes', op: 'added', candidate: {} },
      { path: '/item/quantity', op: 'added', candidate: 0 },
    ]);
    const own = read.findings
      .filter((f) => f.cause.type === 'pattern')
      .map((f) => f.fingerprint)
      .sort();
    expect(own).toHaveLength(2);
    const defaults = findingOf(
      {
        type: 'structure',
        endpoint: '*',
        change: { op: 'added', path: '/item', baseline: '-', candidate: ZERO_VALUED_MEMBERS },
        transform: 'defaults baseline attributes labels',
      },
      ['/item/labels', '/item/attributes', '/item/quantity'],
    );
    const earlier = earlierOf({ ...read, findings: [defaults], notMembers: new Set() });
    const taken = earlier.get(defaults.fingerprint) ?? [];
    for (const fingerprint of own) expect(taken).toContain(fingerprint);
  });

  it('is the row a sibling refused with its name echoed had on its own endpoint', () => {
    const own = { type: 'status', baseline: 200, candidate: 404 } as const;
    const zebra = { ...own, endpoint: 'DELETE /v1/items/zebra', reason: 'item zebra not found' };
    const route = { ...own, endpoint: 'DELETE /v1/items/*', reason: 'item {name} not found' };
    const finding = findingOf(route, []);
    const earlier = earlierOf({
      endpoint: zebra.endpoint,
      findings: [finding],
      changes: [],
      headerChanges: [],
      notMembers: new Set(),
    });
    expect(earlier.get(finding.fingerprint)).toEqual([causeFingerprint(zebra)]);
  });

  it.each([
    [
      'an envelope that writes its message twice',
      'POST /v3/kv/put',
      ['/error', '/message'],
      'etcdserver: key is not provided',
    ],
    [
      'a problem whose title repeats its detail',
      'PUT /settings/theme',
      ['/problem/title', '/problem/detail'],
      'the theme is locked by its owner',
    ],
  ])('is the row whose reason said one text twice, for %s', (_name, endpoint, paths, text) => {
    // The refusing side's members, which the accepting side does not write.
    const changes = paths.map((path) => ({ path, op: 'removed' as const, baseline: text }));
    const comparison = {
      status: { equal: false, baseline: 400, candidate: 200 },
      headers: [],
      body: changes,
    };
    const findings = findingsOf({ endpoint, comparison });
    const status = findings.find((f) => f.cause.type === 'status');
    const cause = status?.cause.type === 'status' ? status.cause : undefined;
    // Read once now, as often as it shows before.
    expect(cause?.reason).toBe(text);
    const earlier = earlierOf({
      endpoint,
      findings,
      changes,
      headerChanges: [],
      notMembers: new Set(),
    });
    expect(earlier.get(status?.fingerprint ?? '')).toContain(
      causeFingerprint({ ...cause!, reason: `${text} ${text}` }),
    );
  });

  it('is the row of its own wording for a message one edit rewords with others', () => {
    const message = { path: '/faults/0/text', op: 'value' as const };
    const changes = [
      {
        ...message,
        baseline: 'should be <= 10',
        candidate: 'Request query parameter n must be <= 10',
      },
    ];
    const read = result('s/n', 'GET /v1/lots', changes);
    const [own] = read.findings;
    expect(own?.cause.type === 'structure' && own.cause.change.values).toEqual([
      'should be <= 0',
      'Request query parameter n must be <= 0',
    ]);
    const edit = '`should` → `must`; words added before each';
    const reworded = findingOf(
      {
        type: 'structure',
        endpoint: '*',
        change: { op: 'value', path: '/text', baseline: 'string', candidate: 'string', edit },
      },
      ['/faults/0/text'],
    );
    const earlier = earlierOf({ ...read, findings: [reworded], notMembers: new Set() });
    expect(earlier.get(reworded.fingerprint)).toContain(own?.fingerprint);
  });

  it.each([
    ['/bookings/first', (m: string, p: string) => `<pre>Cannot ${m} ${p}</pre>`, 'text/html'],
    ['/v2/depots', (m: string, p: string) => `Route ${m}:${p} not found`, 'text/plain'],
  ])(
    '%s: is the row of a page that names its method, keyed with the method before',
    (path, page, type) => {
      const change = {
        path: '',
        op: 'value',
        baseline: 'Not Found',
        candidate: page('DELETE', path),
      } as const;
      const cause = {
        type: 'structure',
        endpoint: '*',
        change: { op: 'value', path: '', baseline: 'body', candidate: 'body' },
        difference: textDifference(change, type, { path, method: 'DELETE' }) ?? '',
      } as const;
      const joined = findingOf(cause, ['']);
      const answer = { ...result('s/page', `DELETE ${path}`, [change]), findings: [joined] };
      const earlier = earlierOf({ ...answer, request: { path }, notMembers: new Set() });
      const before = textDifference(change, type, { path }) ?? '';
      expect(before).not.toBe(cause.difference);
      expect(earlier.get(joined.fingerprint)).toContain(
        causeFingerprint({ ...cause, difference: before }),
      );
      // A page that names no method had the same key: no other row.
      const plain = { ...change, candidate: `Nothing at ${path}` };
      const same = {
        ...cause,
        difference: textDifference(plain, type, { path, method: 'DELETE' }) ?? '',
      };
      const kept = earlierOf({
        ...result('s/plain', `DELETE ${path}`, [plain]),
        findings: [findingOf(same, [''])],
        request: { path },
        notMembers: new Set(),
      });
      expect(kept.get(findingOf(same, ['']).fingerprint)).toEqual([
        causeFingerprint({ ...same, endpoint: `DELETE ${path}` }),
      ]);
    },
  );
});

describe('the row of a text difference kept apart on its endpoint (rule 9)', () => {
  it.each([
    ['/socket/', 'GET', '44/nope,"Unable to connect"', '44/nope,{"message":"Invalid namespace"}'],
    ['/v2/session', 'POST', 'DENIED room is locked', 'ERROR: locked (try later)'],
  ])('%s: is the row the same difference has once it recurs elsewhere', (path, method, b, c) => {
    const change = { path: '', op: 'value', baseline: b, candidate: c } as const;
    const request = { path, method };
    const own = {
      type: 'structure',
      endpoint: `${method} ${path}`,
      change: { op: 'value', path: '', baseline: 'body', candidate: 'body' },
      difference: textDifference(change, 'text/plain', request) ?? '',
      alike: alikeDifference(change, 'text/plain', request) ?? '',
    } as const;
    expect(own.alike).not.toBe('');
    const recurring = findingOf({ ...own, endpoint: '*' }, ['']);
    const answer = { ...result('s/refused', `${method} ${path}`, [change]), findings: [recurring] };
    const earlier = earlierOf({ ...answer, request: { path }, notMembers: new Set() });
    const apart = causeFingerprint({ ...own, apart: true });
    expect(apart).not.toBe(causeFingerprint(own));
    expect(earlier.get(recurring.fingerprint)).toEqual([causeFingerprint(own), apart]);
  });
});

describe('the rows rule 47 took over', () => {
  it.each([
    { endpoint: 'GET /api/query', statuses: [400, 422], klass: '/errorType', message: '/error' },
    { endpoint: 'POST /v2/orders', statuses: [403, 401], klass: '/code', message: '/detail' },
  ] as const)(
    'are the status rows and the value rows of refusals under $statuses worded anew ($endpoint)',
    ({ endpoint, statuses, klass, message }) => {
      const [b, c] = statuses;
      const changes = [
        { path: klass, op: 'value' as const, baseline: 'bad_input', candidate: 'rejected' },
        { path: message, op: 'value' as const, baseline: 'a thing is wrong', candidate: 'no' },
      ];
      const plain = result('s/refused', endpoint, changes);
      const read = {
        ...plain,
        baseline: { status: b, durationMs: 1 },
        candidate: { status: c, durationMs: 1 },
      };
      // The clustering's changes: the class keyed by its place, the message by its templates.
      const change = (path: string, values?: [string, string]) => ({
        op: 'value' as const,
        path,
        baseline: 'string',
        candidate: 'string',
        ...(values === undefined ? {} : { values }),
      });
      const joined = findingOf(
        {
          type: 'structure',
          endpoint: '*',
          change: change(klass),
          together: [change(message, ['a thing is wrong', 'no'])],
          statuses: [b, c],
        },
        [klass, message],
      );
      const earlier = earlierOf({ ...read, findings: [joined], notMembers: new Set() }).get(
        joined.fingerprint,
      );
      const status = { type: 'status', baseline: b, candidate: c } as const;
      const method = endpoint.split(' ')[0] ?? '';
      expect(earlier).toContain(causeFingerprint({ ...status, endpoint }));
      expect(earlier).toContain(causeFingerprint({ ...status, endpoint: `${method} *` }));
      // Each value's own row on the resource (the class's by its place too: `value of … differs`).
      for (const own of plain.findings.slice(1)) expect(earlier).toContain(own.fingerprint);
      const resource = endpoint.slice(endpoint.indexOf(' ') + 1);
      expect(earlier).toContain(
        causeFingerprint({ type: 'structure', endpoint: resource, change: change(klass) }),
      );
      expect(earlier).toContain(
        causeFingerprint({ type: 'structure', endpoint: '*', change: change(klass) }),
      );
    },
  );
});

describe('the rows rule 37 took over', () => {
  it('are the value rows of a value the request sent against a drawn id', () => {
    const change = {
      path: '/account/login',
      op: 'value',
      baseline: '{{sent}}',
      candidate: '{{id drawn as uuid}}',
    } as const;
    const read = result('s/me', 'GET /me', [change]);
    const [finding] = read.findings;
    expect(finding?.cause.type === 'pattern' && finding.cause.pattern).toBe('sent-vs-drawn');
    const own = causeFingerprint({
      type: 'structure',
      endpoint: '/me',
      change: { op: 'value', path: '/account/login', baseline: 'string', candidate: 'string' },
    });
    expect(earlierKeys(read).get(finding?.fingerprint ?? '')).toContain(own);
  });

  it('are the array-order rows of each name of one list reordered one way', () => {
    const moved = { path: '/UserAttributes/0', op: 'moved', baseline: 0, candidate: 2 } as const;
    const read = result('s/get', 'POST /', [moved]);
    const joined = findingOf(
      {
        type: 'pattern',
        pattern: 'array-order',
        field: '*',
        params: ['same-elements', 'Attributes', 'UserAttributes'],
        detail: 'array order, the same elements moved the same way',
      },
      ['/UserAttributes/0'],
    );
    const keys = earlierOf({ ...read, findings: [joined], notMembers: new Set() });
    expect(keys.get(joined.fingerprint)).toEqual([
      causeFingerprint({
        type: 'pattern',
        pattern: 'array-order',
        field: 'UserAttributes',
        params: [],
        detail: 'array order',
      }),
    ]);
  });
  it('are the array-order row of a list whose order travels with its elements (rule 53)', () => {
    const moved = { path: '/crew/0', op: 'moved', baseline: 0, candidate: 2 } as const;
    const gained = { path: '/crew/3', op: 'added', candidate: { handle: 'x' } } as const;
    const read = result('s/get', 'GET /ships/:id', [moved, gained]);
    const elements = findingOf(
      {
        type: 'structure',
        endpoint: '/ships',
        change: { op: 'added', path: '/crew/*', baseline: '-', candidate: 'object' },
      },
      ['/crew/0', '/crew/3'],
    );
    const order = causeFingerprint({
      type: 'pattern',
      pattern: 'array-order',
      field: 'crew',
      params: [],
      detail: 'array order',
    });
    const joined = earlierOf({ ...read, findings: [elements], notMembers: new Set() });
    expect(joined.get(elements.fingerprint)).toContain(order);
    // Kept apart, the order is a finding of its own: no heir.
    const own = findingOf(
      { type: 'pattern', pattern: 'array-order', field: 'crew', params: [], detail: 'array order' },
      ['/crew/0'],
    );
    const apart = earlierOf({ ...read, findings: [elements, own], notMembers: new Set() });
    expect(apart.get(elements.fingerprint) ?? []).not.toContain(order);
  });
});

describe('the row of a member beside a nesting (rule 57)', () => {
  it.each([
    ['GET /folders/:id', 'kind', 'entries', { 'a.txt': 3, 'b.txt': 5 }],
    ['GET /profiles/:id', '$schema', 'settings', { theme: 'dark', locale: 'en' }],
  ] as const)(
    '%s: is the own row of the member added beside the container',
    (endpoint, beside, container, map) => {
      const moved = Object.entries(map).map(([name, value]) => ({
        path: `/${name.replace('~', '~0').replace('/', '~1')}`,
        op: 'removed' as const,
        baseline: value,
      }));
      const entries = Object.fromEntries(
        Object.entries(map).map(([name, value]) => [name, { value, source: 'x' }]),
      );
      const holder = { path: `/${container}`, op: 'added' as const, candidate: entries };
      const member = { path: `/${beside}`, op: 'added' as const, candidate: 'listing' };
      // Before: the member added, a row of its own.
      const [own] = result('s/list', endpoint, [member]).findings;
      expect(own?.cause.type).toBe('structure');
      // Now: the nesting's finding holds the member's path (rule 57).
      const now = result('s/list', endpoint, [...moved, holder, member]);
      const nesting = now.findings.find(
        (f) => f.cause.type === 'pattern' && f.cause.pattern === 'nesting',
      );
      if (nesting === undefined) throw new Error(JSON.stringify(now.findings));
      const joined = { ...nesting, paths: [...nesting.paths, member.path] };
      const keys = earlierOf({ ...now, findings: [joined], notMembers: new Set() });
      expect(keys.get(joined.fingerprint)).toContain(own?.fingerprint);
    },
  );
});

describe('the row rule 32 took over on whole text bodies (session sixteen)', () => {
  it.each([
    ['GET /peers/id', '1be0eup8ml700000', '86d92ad4-d55c-45e7-ba39-311ca68ec209', 'token', 'uuid'],
    ['GET /s/mint', '8951364004266036766', '91631f008c65e342', 'decimal', 'hex'],
  ])('%s: is the endpoint text row it had', (endpoint, b, c, x, y) => {
    // Before: the two ids as texts, the endpoint's `body differs` row.
    const before = result('s/mint', endpoint, [
      { path: '', op: 'value', baseline: b, candidate: c },
    ]);
    const [text] = before.findings;
    expect(text?.cause.type).toBe('structure');
    // Now: the ids compared as their classes (core/normalise/drawn-texts.ts).
    const drawn = { baseline: `{{body drawn as ${x}}}`, candidate: `{{body drawn as ${y}}}` };
    const now = result('s/mint', endpoint, [{ path: '', op: 'value', ...drawn }]);
    const [finding] = now.findings;
    expect(finding?.cause.type === 'pattern' && finding.cause.pattern).toBe('drawn-format');
    expect(earlierKeys(now).get(finding?.fingerprint ?? '')).toEqual([text?.fingerprint]);
  });
});

describe('the row of a media type that joined a structured body row (rule 59)', () => {
  it.each([
    ['GET /folders/:id', '/kind', 'application/json', 'application/ld+json'],
    ['GET /invoices/:id', '/title', 'text/json', 'application/problem+json; charset=utf-8'],
  ] as const)('%s: is the own row of its content-type', (endpoint, path, baseline, candidate) => {
    const label: HeaderChange = { name: 'content-type', baseline, candidate };
    const member = { path, op: 'added' as const, candidate: 'x' };
    // Before: the header's own row beside the member's.
    const before = result('s/read', endpoint, [member], [label]);
    const header = before.findings.find((f) => f.cause.type === 'header');
    const body = before.findings.find((f) => f.cause.type === 'structure');
    if (header === undefined || body === undefined) throw new Error(JSON.stringify(before));
    // Now: the body's finding names the media types and holds the header.
    const cause = { ...body.cause, mediaTypes: ['x/y', 'x/z'] as const };
    const joined = findingOf(cause, body.paths);
    expect(joined.fingerprint).toBe(body.fingerprint);
    const keys = earlierOf({ ...before, findings: [joined], notMembers: new Set() });
    expect(keys.get(joined.fingerprint)).toContain(header.fingerprint);
    // Without the media types, no header row is taken over.
    const plain = earlierOf({ ...before, findings: [body], notMembers: new Set() });
    expect(plain.get(body.fingerprint) ?? []).not.toContain(header.fingerprint);
  });
});
