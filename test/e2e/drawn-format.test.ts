/**
 * Ids each side draws for itself, in a format class of its own (grouping
 * rule 32, docs/tracker.md): a flow captures the id each side drew, so its
 * values are masked, but where every answer that shows the member shows the
 * same two classes (decimal digits vs hex digits, a UUID vs 24 hex digits),
 * in two answers or more, that is one row keyed by the two classes, listing
 * every endpoint. Kept apart in the same run: an id both sides draw in one
 * class (UUID and UUID), one in two lengths of hex digits (one class), an id
 * whose formats differ in one answer only, and a value no side drew (a
 * constant that differs keeps its own row). Two fixtures with other routes,
 * members and pairs of classes, each drawing new ids per start; and a run
 * where one member shows two pairs of classes (no row).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

type Draw = () => string;

/** A 64-bit number in decimal digits, as a string. */
const decimal: Draw = () => BigInt.asUintN(64, randomBytes(8).readBigUInt64BE()).toString();
/** Hex digits with a letter among them (one draw in 1,800 has none: drawn again). */
const hex =
  (bytes: number): Draw =>
  () => {
    for (;;) {
      const value = randomBytes(bytes).toString('hex');
      if (/[a-f]/.test(value)) return value;
    }
  };

interface Fixture {
  readonly name: string;
  /** Where ids are drawn, and the member that holds one. */
  readonly grant: string;
  readonly id: string;
  /** Each side's draw of the id. */
  readonly draw: (candidate: boolean) => Draw;
  /** Where a record names the id, and under which member. */
  readonly attach: string;
  readonly ref: string;
  /** A second answer that shows the id, under `result`. */
  readonly renew: string;
  /** Kept apart: members of one class on both sides (UUIDs; hex digits of two lengths), shown twice. */
  readonly alike: string;
  readonly lengths: string;
  /** Kept apart: a member whose formats differ in one answer only. */
  readonly once: string;
  /** Kept apart: a constant that differs, no side drew it. */
  readonly constant: string;
  /** The row's words. */
  readonly classes: string;
}

const LEASES: Fixture = {
  name: 'lease ids: decimal digits vs hex digits',
  grant: '/v1/leases',
  id: 'ID',
  draw: (candidate) => (candidate ? hex(8) : decimal),
  attach: '/v1/keys',
  ref: 'lease',
  renew: '/v1/leases/renew',
  alike: 'requestId',
  lengths: 'nonce',
  once: 'ticket',
  constant: 'zone',
  classes: 'drawn ids: decimal digits vs hex digits',
};

const DOCUMENTS: Fixture = {
  name: 'document keys: UUIDs vs 24 hex digits',
  grant: '/api/documents',
  id: '_key',
  draw: (candidate) => (candidate ? hex(12) : randomUUID),
  attach: '/api/links',
  ref: 'documentKey',
  renew: '/api/documents/touch',
  alike: 'traceId',
  lengths: 'salt',
  once: 'receipt',
  constant: 'shard',
  classes: 'drawn ids: UUIDs vs hex digits',
};

function start(f: Fixture) {
  return (candidate: boolean) => {
    const records: Record<string, unknown>[] = [];
    const draw = f.draw(candidate);
    return startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const sent = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
      if (req.method === 'POST' && url.pathname === f.grant) {
        return json(res, 200, {
          [f.id]: draw(),
          [f.alike]: randomUUID(),
          [f.lengths]: hex(candidate ? 9 : 8)(),
          [f.once]: candidate ? hex(8)() : decimal(),
          [f.constant]: candidate ? 'ab12cd34' : '12345678',
          ttl: 300,
        });
      }
      if (req.method === 'POST' && url.pathname === f.renew) {
        return json(res, 200, { result: { [f.id]: sent[f.id], ttl: 300 } });
      }
      if (req.method === 'POST' && url.pathname === f.attach) {
        records.push({ name: sent.name, [f.ref]: sent[f.ref] });
        return json(res, 200, {});
      }
      if (req.method === 'GET' && url.pathname === f.attach) {
        return json(res, 200, { records });
      }
      if (req.method === 'GET' && url.pathname === `${f.grant}/echo`) {
        const [alike, lengths] = [url.searchParams.get('a'), url.searchParams.get('l')];
        return json(res, 200, { [f.alike]: alike, [f.lengths]: lengths });
      }
      // An id of the same member, drawn as a UUID on both sides (the last test's).
      if (req.method === 'POST' && url.pathname === '/v1/other') {
        return json(res, 200, { [f.id]: randomUUID() });
      }
      return json(res, 404, { error: 'not found' });
    });
  };
}

const cases = (f: Fixture) => `suite: s
sideEffects: true
cases:
  - id: flow
    steps:
      - id: grant
        request: { method: POST, path: ${f.grant}, json: { ttl: 300 } }
        capture:
          id: { json: /${f.id} }
          alike: { json: /${f.alike} }
          lengths: { json: /${f.lengths} }
          once: { json: /${f.once} }
      - id: attach
        request: { method: POST, path: ${f.attach}, json: { name: ada, ${f.ref}: "{{id}}" } }
      - id: list
        request: { method: GET, path: ${f.attach} }
      - id: renew
        request: { method: POST, path: ${f.renew}, json: { ${f.id}: "{{id}}" } }
      - id: echo
        request: { method: GET, path: "${f.grant}/echo?a={{alike}}&l={{lengths}}" }
`;

const drawnRows = (causes: Awaited<ReturnType<typeof rootCausesOfServers>>) =>
  causes.filter((c) => c.summary.startsWith('drawn ids'));

describe('ids each side draws in a format of its own', () => {
  it.each([LEASES, DOCUMENTS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const drawn = drawnRows(causes);
    // One row, keyed by the two classes, at both members, listing every answer that shows them.
    expect(drawn, shown).toHaveLength(1);
    expect(drawn[0]?.summary, shown).toContain(f.classes);
    expect(drawn[0]?.summary, shown).toContain(`\`${f.id}\``);
    expect(drawn[0]?.summary, shown).toContain(`\`${f.ref}\``);
    expect(drawn[0]?.caseIds, shown).toEqual(
      expect.arrayContaining(['s/flow/grant', 's/flow/list', 's/flow/renew']),
    );
    // Kept apart: one class on both sides, two lengths of one class, a format in one answer only.
    for (const member of [f.alike, f.lengths, f.once]) {
      expect(shown).not.toContain(`\`${member}\``);
      expect(shown).not.toContain(`/${member}`);
    }
    // A constant no side drew keeps its own row, never a drawn one.
    const constant = causes.filter((c) => c.summary.includes(f.constant));
    expect(constant, shown).toHaveLength(1);
    expect(constant[0]?.summary, shown).not.toContain('drawn');
    // Nothing else differs: the drawn row, the constant's.
    expect(causes, shown).toHaveLength(2);
  });

  it('one member that shows two pairs of classes is no row', async () => {
    const f = LEASES;
    // The same member, drawn in one class on both sides by another route.
    const library = `${cases(f)}  - id: other
    steps:
      - id: grant
        request: { method: POST, path: /v1/other, json: {} }
        capture: { other: { json: /${f.id} } }
      - id: renew
        request: { method: POST, path: ${f.renew}, json: { ${f.id}: "{{other}}" } }
`;
    const causes = await rootCausesOfServers(library, start(f));
    expect(drawnRows(causes), shownCauses(causes)).toHaveLength(0);
  });
});
