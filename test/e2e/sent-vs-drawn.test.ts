/**
 * A value the request sent on one side, an id drawn for the record on the
 * other (grouping rule 37, docs/tracker.md): one side answers a record's
 * name as the library sent it, the other the id it keeps the record under,
 * at every member that names the record. Where the members share one name
 * as a word (`login`, `account/login`, a claim `app:login`) that is one row
 * across parents and endpoints, whichever step sent the value. Kept apart in
 * the same run: the same substitution at a member of another name (`owner`:
 * a second decision, its own row, though it holds the same ids in the same
 * answers), and a value whose other side is no drawn id (`nick` written
 * another way: its own value row). Two fixtures with other routes, members,
 * sides and classes, each drawing new ids per start.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer } from '../helpers/http.js';
import { shownCauses } from '../helpers/why-cases.js';

interface Fixture {
  readonly name: string;
  /** Where a record is made, read back, and looked up by its name in the path. */
  readonly create: string;
  readonly read: string;
  readonly lookup: string;
  /** The member that names the record, its parent in a read, and a claim's name. */
  readonly member: string;
  readonly parent: string;
  readonly claim: string;
  /** Kept apart: the same substitution at a member of another name. */
  readonly other: string;
  /** Kept apart: a value the other side writes another way, no drawn id. */
  readonly plain: string;
  /** The value the library sends. */
  readonly sent: string;
  /** The side that draws, and its draw. */
  readonly drawing: 'baseline' | 'candidate';
  readonly draw: () => string;
  /** The row's words. */
  readonly words: string;
}

const ACCOUNTS: Fixture = {
  name: 'accounts: logins as sent vs drawn UUIDs',
  create: '/accounts',
  read: '/me',
  lookup: '/accounts/by-login',
  member: 'login',
  parent: 'account',
  claim: 'app:login',
  other: 'owner',
  plain: 'nick',
  sent: 'ada@example.com',
  drawing: 'candidate',
  draw: randomUUID,
  words: 'candidate writes drawn UUIDs where baseline writes the value the request sent',
};

const PROJECTS: Fixture = {
  name: 'projects: slugs as sent vs drawn hex digits',
  create: '/v2/projects',
  read: '/v2/projects/current',
  lookup: '/v2/lookup',
  member: 'Slug',
  parent: 'Project',
  claim: 'x:slug',
  other: 'Creator',
  plain: 'Label',
  sent: 'apollo-mission',
  drawing: 'baseline',
  draw: () => randomBytes(12).toString('hex').replace(/^\d/, 'a'),
  words: 'baseline writes drawn hex digits where candidate writes the value the request sent',
};

function start(f: Fixture) {
  return (candidate: boolean) => {
    const draws = f.drawing === (candidate ? 'candidate' : 'baseline');
    let kept: { id: string; plain: string } | undefined;
    return startServer((req, res, body) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const sent = body === '' ? {} : (JSON.parse(body) as Record<string, string>);
      const named = (id: string) => ({ [f.member]: id, [f.other]: id });
      if (req.method === 'POST' && url.pathname === f.create) {
        const name = sent[f.member] ?? '';
        kept = { id: draws ? f.draw() : name, plain: sent[f.plain] ?? '' };
        // The side that does not draw writes the value as sent; the other its own way.
        const plain = draws ? `${kept.plain}-1` : kept.plain;
        return json(res, 200, { ...named(kept.id), [f.plain]: plain, active: true });
      }
      if (req.method === 'GET' && url.pathname === f.read && kept !== undefined) {
        return json(res, 200, {
          [f.parent]: named(kept.id),
          claims: { [f.claim]: kept.id, scope: 'read' },
        });
      }
      if (req.method === 'GET' && url.pathname.startsWith(`${f.lookup}/`) && kept !== undefined) {
        return json(res, 200, { [f.member]: kept.id, found: true });
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
      - id: create
        request: { method: POST, path: ${f.create}, json: { ${f.member}: "${f.sent}", ${f.plain}: ada } }
      - id: read
        request: { method: GET, path: ${f.read} }
      - id: lookup
        request: { method: GET, path: "${f.lookup}/${f.sent}" }
`;

describe('a value the request sent against an id drawn for the record', () => {
  it.each([ACCOUNTS, PROJECTS])('$name', async (f) => {
    const causes = await rootCausesOfServers(cases(f), start(f));
    const shown = shownCauses(causes);
    const substituted = causes.filter((c) => c.summary.startsWith(f.words));
    // One row per member name: the name's at the top, under a parent, as a claim, on every endpoint.
    const word = f.member.toLowerCase();
    const named = substituted.filter((c) => c.summary.endsWith(`\`${word}\``));
    expect(named, shown).toHaveLength(1);
    expect(named[0]?.caseIds, shown).toEqual(['s/flow/create', 's/flow/read', 's/flow/lookup']);
    // Kept apart: the same substitution at a member of another name is a second row.
    const other = substituted.filter((c) => c.summary.endsWith(`\`${f.other.toLowerCase()}\``));
    expect(other, shown).toHaveLength(1);
    expect(other[0]?.caseIds, shown).toEqual(['s/flow/create', 's/flow/read']);
    // Kept apart: a value whose other side is no drawn id keeps its own value row.
    const plain = causes.filter((c) => c.summary.includes(`/${f.plain}`));
    expect(plain, shown).toHaveLength(1);
    expect(plain[0]?.summary, shown).not.toContain('drawn');
    // Nothing else differs.
    expect(causes, shown).toHaveLength(3);
  });
});
