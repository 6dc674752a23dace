/**
 * Issue 43, with real servers (docs/tracker.md rule 38): one side answers a
 * read for a thing that does not exist by making it, the other refuses it
 * with a reason that names the value sent, unquoted. The refusals of two
 * values are one reason (the value elided), and a later list whose extra
 * elements on the accepting side hold a value the call sent is that call's
 * consequence, whatever its verb. Planted beside it: a refusal in other words
 * on the same operation (its own row), and a list that differs by an element
 * no call sent (its own row). Two fixtures: an RPC warehouse (the lenient side
 * the baseline, JSON body values) and a REST calendar (the lenient side the
 * candidate, query values).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rootCausesOfServers } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/http.js';

interface Fixture {
  readonly name: string;
  /** The side that makes what it is asked for. */
  readonly lenient: 'baseline' | 'candidate';
  readonly cases: string;
  /** A handler per side: `lenient` true for the side that makes what it reads. */
  handler(lenient: boolean): (req: IncomingMessage, res: ServerResponse, body: string) => void;
  /** The case ids: the two refused reads, the other refusal, the later list, the unrelated list. */
  readonly ids: { missing: string[]; other: string; list: string; unrelated: string };
}

const WAREHOUSE: Fixture = {
  name: 'a warehouse RPC that makes a bin it is asked to describe',
  lenient: 'baseline',
  cases: `suite: w
serial: true
defaults:
  headers: { content-type: application/x-amz-json-1.1 }
cases:
  - id: describe-never-made
    request: { method: POST, path: /, headers: { x-amz-target: Depot.DescribeBin }, json: { BinId: bin_neverMade } }
  - id: describe-other
    request: { method: POST, path: /, headers: { x-amz-target: Depot.DescribeBin }, json: { BinId: aisle-North } }
  - id: describe-frozen
    request: { method: POST, path: /, headers: { x-amz-target: Depot.DescribeBin }, json: { BinId: bin_Frozen } }
  - id: list-bins
    request: { method: POST, path: /, headers: { x-amz-target: Depot.ListBins }, json: {} }
  - id: list-shelves
    request: { method: POST, path: /, headers: { x-amz-target: Depot.ListShelves }, json: {} }
`,
  handler(lenient) {
    const bins = new Set(['dock_main']);
    return (req, res, body) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(body || '{}') as { BinId?: string };
      if (target === 'Depot.DescribeBin') {
        const id = input.BinId ?? '';
        if (id === 'bin_Frozen') {
          return json(
            res,
            lenient ? 200 : 400,
            lenient
              ? { Bin: { BinId: id } }
              : {
                  __type: 'InvalidStateException',
                  message: `Bin ${id} is frozen for stocktaking`,
                },
          );
        }
        if (!bins.has(id) && !lenient) {
          return json(res, 400, {
            __type: 'ResourceNotFoundException',
            message: `Bin ${id} not found`,
          });
        }
        bins.add(id);
        return json(res, 200, { Bin: { BinId: id, Capacity: 0 } });
      }
      if (target === 'Depot.ListBins') {
        return json(res, 200, { Bins: [...bins].map((BinId) => ({ BinId, Capacity: 0 })) });
      }
      const shelves = lenient ? ['east_wall', 'mezzanine_Spare'] : ['east_wall'];
      return json(res, 200, { Shelves: shelves.map((ShelfId) => ({ ShelfId })) });
    };
  },
  ids: {
    missing: ['w/describe-never-made', 'w/describe-other'],
    other: 'w/describe-frozen',
    list: 'w/list-bins',
    unrelated: 'w/list-shelves',
  },
};

const CALENDAR: Fixture = {
  name: 'a calendar REST API that makes a calendar whose events it is asked for',
  lenient: 'candidate',
  cases: `suite: c
serial: true
cases:
  - id: events-of-unknown
    request: { method: GET, path: /v1/events, query: { calendar: team-offsite } }
  - id: events-of-another
    request: { method: GET, path: /v1/events, query: { calendar: board-Review } }
  - id: events-of-archived
    request: { method: GET, path: /v1/events, query: { calendar: archived-Plans } }
  - id: calendars
    request: { method: GET, path: /v1/calendars }
  - id: rooms
    request: { method: GET, path: /v1/rooms }
`,
  handler(lenient) {
    const calendars = ['main'];
    return (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v1/events') {
        const name = url.searchParams.get('calendar') ?? '';
        if (name === 'archived-Plans' && !lenient) {
          return json(res, 404, { error: `calendar ${name} is archived, restore it first` });
        }
        if (!calendars.includes(name)) {
          if (!lenient) return json(res, 404, { error: `calendar ${name} does not exist` });
          calendars.push(name);
        }
        return json(res, 200, { events: [] });
      }
      if (url.pathname === '/v1/calendars') {
        return json(res, 200, { calendars: calendars.map((name) => ({ name, color: 'blue' })) });
      }
      const rooms = lenient ? ['annex', 'atrium'] : ['atrium'];
      return json(res, 200, { rooms: rooms.map((name) => ({ name, seats: 8 })) });
    };
  },
  ids: {
    missing: ['c/events-of-unknown', 'c/events-of-another'],
    other: 'c/events-of-archived',
    list: 'c/calendars',
    unrelated: 'c/rooms',
  },
};

describe('a value the request sent is no reason of its own, and a list that holds it is the call’s', () => {
  it.each([WAREHOUSE, CALENDAR])('$name', async (f) => {
    const start = (candidate: boolean): Promise<TestServer> =>
      startServer(f.handler(candidate === (f.lenient === 'candidate')));
    const causes = await rootCausesOfServers(f.cases, start);
    const summaries = JSON.stringify(
      causes.map((c) => [c.summary, c.caseIds]),
      null,
      1,
    );
    const rowsOf = (id: string) => causes.filter((c) => c.caseIds.includes(id));
    // The two refused reads are one row, and the later list is listed in it.
    const [first, second] = f.ids.missing;
    expect(rowsOf(first ?? ''), summaries).toHaveLength(1);
    const row = rowsOf(first ?? '')[0];
    expect(row?.kind, summaries).toBe('status');
    expect(row?.caseIds, summaries).toContain(second);
    expect(row?.caseIds, summaries).toContain(f.ids.list);
    expect(rowsOf(f.ids.list), summaries).toHaveLength(1);
    // Kept apart: the refusal in other words, and the list that names nothing sent.
    expect(rowsOf(f.ids.other), summaries).toHaveLength(1);
    expect(rowsOf(f.ids.other)[0]?.fingerprint).not.toBe(row?.fingerprint);
    expect(rowsOf(f.ids.unrelated), summaries).toHaveLength(1);
    expect(rowsOf(f.ids.unrelated)[0]?.fingerprint).not.toBe(row?.fingerprint);
    expect(causes, summaries).toHaveLength(3);
  });
});
