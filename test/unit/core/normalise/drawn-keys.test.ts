/**
 * Keys each side drew for its records, whatever characters they hold: a
 * list's keys of one length per side, unique, none the other side's and
 * none in the request, remembered and proven by a later echo of each side's
 * own. Letter-only keys (no digit to tell them by) on two APIs of another
 * alphabet and length; words that name records are never such keys.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { drawnKeyPlaces } from '../../../../src/core/normalise/drawn-keys.js';
import {
  createReferenceMemory,
  type ProvenPair,
  REFERENCE_TOKEN,
} from '../../../../src/core/normalise/references.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown): SideOutcome => ({
  outcome: 'response',
  response: {
    status: 200,
    headers: {},
    body: { kind: 'json', value },
    wireBytes: 1,
    durationMs: 1,
  },
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;

function exchange(id: string, path: string, a: unknown, b: unknown): Exchange {
  const base: Case = makeCase(id, { path });
  return { case: { ...base, serial: 'cases/s.yaml' }, baseline: side(a), candidate: side(b) };
}

// Lowercase base-26 keys of 10 letters (a mail catcher's messages).
const mail = {
  baseline: [
    { id: 'qzkwbmtavx', subject: 'Lunch' },
    { id: 'hrtplcxewn', subject: 'Invoice' },
  ],
  candidate: [
    { id: 'mvbxnzqtrk', subject: 'Lunch' },
    { id: 'wplkjhgfds', subject: 'Invoice' },
  ],
};
// Mixed-case base-52 keys of 12 letters under another member (a ticket queue).
const tickets = {
  baseline: {
    tickets: [
      { ref: 'KpQzWmRtXvBn', title: 'Printer' },
      { ref: 'yTrEwQaSdFgH', title: 'Laptop' },
      { ref: 'ZxCvBnMlKjHg', title: 'Badge' },
    ],
  },
  candidate: {
    tickets: [
      { ref: 'PoIuYtReWqAs', title: 'Printer' },
      { ref: 'dFgHjKlZxCvB', title: 'Laptop' },
      { ref: 'MnBvCxZaSdFg', title: 'Badge' },
    ],
  },
};

describe('drawnKeyPlaces', () => {
  it('finds letter-only keys of one length per side, unique and never shared (two APIs)', () => {
    expect([...drawnKeyPlaces(mail.baseline, mail.candidate, '/messages?')]).toEqual([
      '/0/id',
      '/1/id',
    ]);
    expect([...drawnKeyPlaces(tickets.baseline, tickets.candidate, '/tickets?')]).toEqual([
      '/tickets/0/ref',
      '/tickets/1/ref',
      '/tickets/2/ref',
    ]);
  });

  it('never takes words for keys: shared, of other lengths, another case, or asked for', () => {
    const folders = (names: string[]) => names.map((name) => ({ name, unread: 1 }));
    // Shared by both sides.
    const shared = drawnKeyPlaces(
      folders(['settings', 'accounts']),
      folders(['settings', 'archives']),
      '/f?',
    );
    expect(shared.size).toBe(0);
    // Words of other lengths (`mailboxes`, `settings`).
    const lengths = drawnKeyPlaces(
      folders(['mailboxes', 'settings']),
      folders(['archives', 'accounts']),
      '/f?',
    );
    expect(lengths.size).toBe(0);
    // The same words in another case.
    const cased = drawnKeyPlaces(
      folders(['Settings', 'Accounts']),
      folders(['settings', 'accounts']),
      '/f?',
    );
    expect(cased.size).toBe(0);
    // Other records (nothing else in common): another answer, not the same records named twice.
    const other = drawnKeyPlaces(
      [
        { name: 'settings', unread: 1 },
        { name: 'calendar', unread: 2 },
      ],
      [
        { name: 'archives', unread: 7 },
        { name: 'contacts', unread: 9 },
      ],
      '/f?',
    );
    expect(other.size).toBe(0);
    // One record is unique by itself: no evidence.
    expect(drawnKeyPlaces(folders(['qzkwbmta']), folders(['hrtplcxe']), '/f?').size).toBe(0);
    // A value the request named is data.
    const asked = drawnKeyPlaces(mail.baseline, mail.candidate, '/messages?after=qzkwbmtavx');
    expect(asked.size).toBe(0);
  });
});

describe('letter-only keys echoed later in the sequence', () => {
  it('are compared as one reference, proven where they first appeared (fixture: mail)', () => {
    const proven: ProvenPair[] = [];
    const memory = createReferenceMemory((pair) => proven.push(pair));
    const list = exchange('mail/list', '/messages', mail.baseline, mail.candidate);
    memory.apply(list);
    const one = memory.apply(
      exchange(
        'mail/lunch',
        '/messages?subject=Lunch',
        [mail.baseline[0]],
        // A planted real change beside the echo: the subject keeps its difference.
        [{ ...mail.candidate[0], subject: 'Lunch!' }],
      ),
    );
    expect(one.echoed).toEqual(['/0/id']);
    expect(body(one.candidate)).toEqual([{ id: REFERENCE_TOKEN, subject: 'Lunch!' }]);
    expect(memory.echoOrigins().get(list.case.id)).toEqual(['/0/id']);
    expect(proven).toEqual([
      { baseline: 'qzkwbmtavx', candidate: 'mvbxnzqtrk', caseId: list.case.id, path: '/0/id' },
    ]);
  });

  it('are compared as one reference under another member and length (fixture: tickets)', () => {
    const memory = createReferenceMemory();
    const list = exchange('t/list', '/tickets', tickets.baseline, tickets.candidate);
    memory.apply(list);
    const again = memory.apply(
      exchange(
        't/open',
        '/tickets?state=open',
        { tickets: [tickets.baseline.tickets[1]] },
        { tickets: [tickets.candidate.tickets[1]] },
      ),
    );
    expect(again.echoed).toEqual(['/tickets/0/ref']);
    expect(memory.echoOrigins().get(list.case.id)).toEqual(['/tickets/1/ref']);
  });

  it('keep a word that differs its difference, echoed or not', () => {
    const memory = createReferenceMemory();
    const folders = (names: string[]) => names.map((name) => ({ name, unread: 1 }));
    memory.apply(
      exchange(
        'f/list',
        '/folders',
        folders(['settings', 'inbox']),
        folders(['accounts', 'inbox']),
      ),
    );
    const again = memory.apply(
      exchange('f/first', '/folders?first', folders(['settings']), folders(['accounts'])),
    );
    expect(again.echoed).toBeUndefined();
    expect(memory.echoOrigins().size).toBe(0);
  });
});
