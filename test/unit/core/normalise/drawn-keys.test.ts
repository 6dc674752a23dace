/**
 * Keys each side drew for its records, whatever characters they hold: a
 * list's keys of one length per side, unique, none the other side's and
 * none in the request, remembered and proven by a later echo of each side's
 * own. Letter-only keys (no digit to tell them by) on two APIs of another
 * alphabet and length; words that name records are never such keys.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../../src/contract/model/case.js';
import type { Exchange } from '../../../../src/contract/model/exchange.js';
import { drawnKeyPlaces } from '../../../../src/core/normalise/drawn-keys.js';
import {
  createReferenceMemory,
  type ProvenPair,
  REFERENCE_TOKEN,
} from '../../../../src/core/normalise/references.js';
import { makeCase } from '../../../helpers/case.js';
import { jsonOf as body, jsonSide as side } from '../../../helpers/json-side.js';

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

  // Each folder also holds its owner: the same records on both sides, but where the case says otherwise.
  const folders = (names: string[], owners = ['ann', 'bob']) =>
    names.map((name, i) => ({ name, owner: owners[i] }));
  it('takes the same folders named by drawn letters for keys', () => {
    const found = drawnKeyPlaces(
      folders(['qzkwbmta', 'hrtplcxe']),
      folders(['mvbxnzqt', 'wplkjhgf']),
      '/f?',
    );
    expect([...found]).toEqual(['/0/name', '/1/name']);
  });

  it.each([
    ['shared by both sides', folders(['settings', 'accounts']), folders(['settings', 'archives'])],
    ['of other lengths', folders(['mailboxes', 'settings']), folders(['archives', 'accounts'])],
    [
      'the same words in another case',
      folders(['Settings', 'Accounts']),
      folders(['settings', 'accounts']),
    ],
    [
      'other records (nothing else in common)',
      folders(['settings', 'calendar'], ['ann', 'bob']),
      folders(['archives', 'contacts'], ['cy', 'dee']),
    ],
    ['one record (unique by itself)', folders(['qzkwbmta']), folders(['hrtplcxe'])],
  ])('never takes words for keys: %s', (_, a, b) => {
    expect(drawnKeyPlaces(a, b, '/f?').size).toBe(0);
  });

  it('never takes a value the request named', () => {
    expect(drawnKeyPlaces(mail.baseline, mail.candidate, '/messages?after=qzkwbmtavx').size).toBe(
      0,
    );
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

  it('echo a word a write answered only where a later list shows it as drawn keys', () => {
    const memory = createReferenceMemory();
    const made = (value: unknown) => {
      const answer = side(value);
      return answer.outcome === 'response'
        ? { ...answer, response: { ...answer.response, status: 201 } }
        : answer;
    };
    const write: Exchange = {
      case: {
        ...makeCase('o/create', { path: '/orders', method: 'POST' }),
        serial: 'cases/s.yaml',
      },
      baseline: made({ id: 'qzkwbmtavx', status: 'accepted' }),
      candidate: made({ id: 'mvbxnzqtrk', status: 'received' }),
    };
    memory.apply(write);
    // A read of the order: its status (a word of one length) is no drawn key, and keeps its difference.
    const read = memory.apply(
      exchange('o/read', '/orders/one', { status: 'accepted' }, { status: 'received' }),
    );
    expect(read.echoed).toBeUndefined();
    // The list shows the ids as drawn keys (the same records, one length, none shared): echoed, and proven.
    const list = memory.apply(
      exchange(
        'o/list',
        '/orders',
        [
          { id: 'qzkwbmtavx', item: 'tea' },
          { id: 'hrtplcxewn', item: 'jam' },
        ],
        [
          { id: 'mvbxnzqtrk', item: 'tea' },
          { id: 'wplkjhgfds', item: 'jam' },
        ],
      ),
    );
    expect(list.echoed).toEqual(['/0/id']);
    expect(memory.echoOrigins().get(write.case.id)).toEqual(['/id']);
  });
});
