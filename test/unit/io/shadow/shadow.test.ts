import { describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../../../src/contract/model/exchange.js';
import { resolveRules } from '../../../../src/contract/rules/schema.js';
import { createBusyProbe } from '../../../../src/io/shadow/busy.js';
import { bodyShape, createCapture } from '../../../../src/io/shadow/capture.js';
import { caseOfRequest } from '../../../../src/io/shadow/case-of.js';
import { DEFAULT_FORWARDED, readForwarded } from '../../../../src/io/shadow/forwarded.js';
import { endToEnd } from '../../../../src/io/shadow/hop.js';
import { createMirrorQueue } from '../../../../src/io/shadow/queue.js';
import { createRepeats, repeatKey } from '../../../../src/io/shadow/repeats.js';
import { parseRate, parseSampleBy, sampler } from '../../../../src/io/shadow/sample.js';
import { type ShadowStatus, statusLine } from '../../../../src/io/shadow/status.js';
import type { TrafficRequest } from '../../../../src/io/shadow/traffic.js';

const request = (over: Partial<TrafficRequest> = {}): TrafficRequest => ({
  method: 'GET',
  target: '/v1/items/42?q=a%20b',
  headers: [],
  body: new Uint8Array(),
  client: '10.0.0.1',
  host: 'api.example',
  ...over,
});

describe('sampling', () => {
  it('reads shares as percentages or fractions, and refuses the rest', () => {
    expect(parseRate('10%')).toBe(0.1);
    expect(parseRate('0.25')).toBe(0.25);
    expect(parseRate('150%')).toBeUndefined();
    expect(parseRate('%')).toBeUndefined();
    expect(parseSampleBy('header:X-Session')).toEqual({ kind: 'header', name: 'x-session' });
    expect(parseSampleBy('cookie:x')).toBeUndefined();
  });

  it('by a header: the same value is always kept or always left', () => {
    const keep = sampler({ rate: 0.5, by: { kind: 'header', name: 'x-user' } }, () => 0);
    const decisions = new Map<string, boolean>();
    for (let round = 0; round < 3; round++) {
      for (let user = 0; user < 50; user++) {
        const kept = keep([['x-user', `u${user}`]], '/');
        expect(decisions.get(`u${user}`) ?? kept).toBe(kept);
        decisions.set(`u${user}`, kept);
      }
    }
    const kept = [...decisions.values()].filter(Boolean).length;
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(40);
  });

  it('by a query value', () => {
    const keep = sampler({ rate: 0.5, by: { kind: 'query', name: 'user' } }, () => 1);
    const once = keep([], '/x?user=alice');
    expect(keep([], '/y?user=alice&z=1')).toBe(once);
    // No value: drawn at random (here: never kept).
    expect(keep([], '/x')).toBe(false);
  });
});

describe('the mirror queue', () => {
  it('drops and counts past its capacity, and drains what it took', async () => {
    const release: (() => void)[] = [];
    const done: number[] = [];
    const queue = createMirrorQueue<number>({
      capacity: 2,
      workers: 1,
      work: (n) =>
        new Promise<void>((resolve) =>
          release.push(() => {
            done.push(n);
            resolve();
          }),
        ),
    });
    const offered = [1, 2, 3, 4, 5].map((n) => queue.offer(n));
    expect(offered).toEqual([true, true, true, false, false]);
    expect(queue.stats()).toMatchObject({ accepted: 3, dropped: 2, working: 1, waiting: 2 });
    const drained = queue.drain();
    while (done.length < 3) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await drained;
    expect(done).toEqual([1, 2, 3]);
  });

  it('admits only what an offer would take, counting each refusal as one drop', () => {
    let busy = false;
    const queue = createMirrorQueue<number>({
      capacity: 1,
      workers: 1,
      load: () => (busy ? 'busy' : 'idle'),
      work: () => new Promise<void>(() => undefined),
    });
    expect(queue.admit()).toBe(true);
    expect(queue.stats()).toMatchObject({ accepted: 0, dropped: 0 });
    queue.offer(1); // worked on
    queue.offer(2); // waits: the queue is full now
    expect(queue.admit()).toBe(false);
    expect(queue.stats()).toMatchObject({ accepted: 2, dropped: 1, busy: 0 });
    queue.dropWaiting();
    busy = true;
    expect(queue.admit()).toBe(false);
    expect(queue.stats()).toMatchObject({ dropped: 3, busy: 1 });
  });

  it('drops what waits on request (a second stop signal), counted, each told to `discard`', async () => {
    let finish: () => void = () => undefined;
    const discarded: number[] = [];
    const queue = createMirrorQueue<number>({
      capacity: 5,
      workers: 1,
      work: () => new Promise<void>((resolve) => (finish = resolve)),
      discard: (n) => discarded.push(n),
    });
    for (const n of [1, 2, 3]) queue.offer(n);
    expect(queue.dropWaiting()).toBe(2);
    expect(discarded).toEqual([2, 3]);
    finish();
    await queue.drain();
    expect(queue.stats()).toMatchObject({ accepted: 3, dropped: 2, done: 1 });
  });
});

describe('a busy process', () => {
  it('the queue refuses offers while busy with copies under way, whatever its room, and counts them apart', async () => {
    let busy = true;
    let finish: () => void = () => undefined;
    const queue = createMirrorQueue<number>({
      capacity: 10,
      workers: 1,
      work: () => new Promise<void>((resolve) => (finish = resolve)),
      load: () => (busy ? 'busy' : 'idle'),
    });
    // Nothing under way: busy or not, the copy is taken.
    expect(queue.offer(1)).toBe(true);
    // One being worked on, the process busy: refused.
    expect([2, 3].map((n) => queue.offer(n))).toEqual([false, false]);
    busy = false;
    expect(queue.offer(4)).toBe(true);
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    finish();
    await queue.drain();
    expect(queue.stats()).toMatchObject({ accepted: 2, dropped: 2, busy: 2, done: 2 });
  });

  it('one busy window on an idle queue sheds nothing: each copy offered after the last finished is taken', async () => {
    const queue = createMirrorQueue<number>({
      capacity: 10,
      workers: 2,
      work: () => Promise.resolve(),
      load: () => 'busy',
    });
    for (const n of [1, 2, 3]) {
      expect(queue.admit()).toBe(true);
      expect(queue.offer(n)).toBe(true);
      await queue.drain();
    }
    expect(queue.stats()).toMatchObject({ accepted: 3, dropped: 0, busy: 0, done: 3 });
  });

  it('a saturated loop sheds even with nothing under way (a fast candidate), counted as busy', async () => {
    let load: 'busy' | 'saturated' = 'saturated';
    const queue = createMirrorQueue<number>({
      capacity: 10,
      workers: 2,
      work: () => Promise.resolve(),
      load: () => load,
    });
    expect(queue.admit()).toBe(false);
    expect(queue.offer(1)).toBe(false);
    load = 'busy';
    expect(queue.offer(2)).toBe(true);
    await queue.drain();
    expect(queue.stats()).toMatchObject({ accepted: 1, dropped: 2, busy: 2, done: 1 });
  });

  it('the probe says saturated after busy windows back to back, only busy when a busy window follows a quiet gap', async () => {
    const hold = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // The event loop held: no I/O, no timers.
      }
    };
    // Windows of 100 ms held for 110: two read back to back span at most twice
    // the window unless the process waits 90 ms for a core (20 ms windows held
    // for 25 failed half the time under a load of 8).
    const probe = createBusyProbe({ threshold: 0.9, windowMs: 100 });
    hold(110);
    probe.load();
    hold(110);
    expect(probe.load()).toBe('saturated');
    // A long quiet wait, then one busy stretch: the window read spans the wait
    // (quiet), or once past it one busy window only.
    await new Promise((resolve) => setTimeout(resolve, 500));
    hold(110);
    expect(probe.load()).not.toBe('saturated');
  });

  it('the probe says busy after the event loop ran without a break, and idle after it waited', async () => {
    const probe = createBusyProbe({ threshold: 0.9, windowMs: 20 });
    const until = performance.now() + 100;
    while (performance.now() < until) {
      // The event loop held: no I/O, no timers.
    }
    expect(probe.load()).not.toBe('idle');
    // Idle once a window passed waiting. The unit files share a worker, whose
    // own work (loading the next file) may fill one window: a few windows are
    // allowed, never a busy loop's.
    let idle = false;
    for (let wait = 0; wait < 10 && !idle; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      idle = probe.load() === 'idle';
    }
    expect(idle).toBe(true);
  });
});

describe('repeated reads', () => {
  it('are the same request whatever their tracing ids, but not across credentials, bodies or writes', () => {
    const a = repeatKey(
      request({
        headers: [
          ['x-request-id', '1'],
          ['accept', 'a/b'],
        ],
      }),
    );
    const b = repeatKey(
      request({
        headers: [
          ['accept', 'a/b'],
          ['traceparent', 'x'],
        ],
      }),
    );
    expect(a).toBe(b);
    expect(repeatKey(request({ headers: [['authorization', 'Bearer 1']] }))).not.toBe(
      repeatKey(request({ headers: [['authorization', 'Bearer 2']] })),
    );
    expect(repeatKey(request({ method: 'SEARCH', body: Buffer.from('{"a":1}') }))).not.toBe(
      repeatKey(request({ method: 'SEARCH', body: Buffer.from('{"a":2}') })),
    );
    expect(repeatKey(request({ method: 'POST' }))).toBeUndefined();
    expect(repeatKey(request({ target: '/v1/items/42?q=b' }))).not.toBe(repeatKey(request()));
  });

  it('keep the latest answer per read, the oldest forgotten past the entries or the bytes', () => {
    const side = (n: number, wireBytes = 10): SideOutcome => ({
      outcome: 'response',
      response: {
        status: 200,
        headers: {},
        body: { kind: 'json', value: { n }, text: `{"n":${n}}` },
        wireBytes,
        durationMs: 1,
      },
    });
    const answer = (n: number, wireBytes = 10) => ({
      baseline: side(n, wireBytes),
      candidate: side(n, wireBytes),
    });
    const repeats = createRepeats({ entries: 2, bytes: 1_000_000 });
    repeats.keep('a', answer(1));
    repeats.keep('a', answer(2));
    repeats.keep('b', answer(3));
    expect(repeats.previous('a')).toEqual(answer(2));
    repeats.keep('c', answer(4));
    expect(repeats.previous('a')).toBeUndefined();
    expect(repeats.size).toBe(2);
    const small = createRepeats({ entries: 100, bytes: 15_000 });
    small.keep('x', answer(1, 1000));
    small.keep('y', answer(2, 1000));
    // Each ~10 KB in memory (both sides): the second pushes the first out.
    expect(small.previous('x')).toBeUndefined();
    expect(small.previous('y')).toBeDefined();
    // One answer past the budget is never kept.
    small.keep('z', answer(3, 100_000));
    expect(small.previous('z')).toBeUndefined();
  });
});

describe('forwarded and hop-by-hop headers', () => {
  it("reads the gateway's headers and removes them", () => {
    const forwarded = readForwarded(
      [
        ['x-forwarded-for', '203.0.113.7, 10.0.0.1'],
        ['x-original-uri', '/v1/a?b=1'],
        ['x-forwarded-host', 'api.example'],
        ['accept', 'application/json'],
      ],
      DEFAULT_FORWARDED,
    );
    expect(forwarded).toEqual({
      client: '203.0.113.7',
      host: 'api.example',
      uri: '/v1/a?b=1',
      headers: [['accept', 'application/json']],
    });
    // A URI that is not a path is never followed.
    expect(readForwarded([['x-original-uri', 'http://elsewhere/']], DEFAULT_FORWARDED).uri).toBe(
      undefined,
    );
  });

  it('drops the connection headers and those it lists', () => {
    expect(
      endToEnd([
        ['connection', 'keep-alive, x-hop'],
        ['x-hop', '1'],
        ['host', 'a'],
        ['content-length', '3'],
        ['accept', '*/*'],
      ]),
    ).toEqual([['accept', '*/*']]);
  });
});

describe('a request as a case', () => {
  it('keeps the query as written and names the case by its endpoint template', () => {
    const c = caseOfRequest(request(), 7, resolveRules([]));
    expect(c.id).toBe('shadow/get-v1-items-id-7');
    expect(c.request.path).toBe('/v1/items/42');
    expect(c.request.pathQuery).toEqual({ text: 'q=a%20b', pairs: 1 });
    expect(c.request.query).toEqual([['q', 'a b']]);
  });

  it('a body that is not UTF-8 stays bytes', () => {
    const c = caseOfRequest(
      request({ method: 'POST', body: new Uint8Array([0xff, 0xfe]) }),
      1,
      resolveRules([]),
    );
    expect(c.request.body.kind).toBe('bytes');
  });
});

describe('capture', () => {
  it('keeps one request per method, path template and body shape', () => {
    const json = (text: string) => ({
      method: 'POST',
      target: '/v1/items/1',
      headers: [['content-type', 'application/json']] as const,
      body: new TextEncoder().encode(text),
    });
    expect(bodyShape(request(json('{"a":1,"b":[{"c":"x"}]}')))).toBe(
      bodyShape(request(json('{"b":[{"c":"y"}],"a":2}'))),
    );
    const capture = createCapture();
    capture.add(request(json('{"a":1}')), 1, undefined);
    capture.add(request({ ...json('{"a":2}'), target: '/v1/items/2' }), 2, undefined);
    capture.add(request(json('{"a":"text"}')), 3, undefined);
    capture.add(request(), 4, undefined);
    expect(capture.distinct().requests.map((r) => r.source)).toEqual([
      'request 1 of the traffic',
      'request 3 of the traffic',
      'request 4 of the traffic',
    ]);
  });
});

describe('the status line', () => {
  const status = (over: Partial<ShadowStatus>): ShadowStatus => ({
    seen: 10,
    mirrored: 6,
    dropped: 4,
    busy: 0,
    bytes: 0,
    skipped: {
      'sampled-out': 0,
      write: 0,
      'too-large': 0,
      'baseline-failed': 0,
      aborted: 0,
      upgrade: 0,
    },
    compared: 6,
    unanswered: 0,
    divergent: 1,
    errors: 0,
    rootCauses: 1,
    newRows: 0,
    runs: 0,
    ...over,
  });

  it('says why copies were dropped: the busy loop, the byte budget, both, or neither', () => {
    expect(statusLine(status({}))).toContain('dropped 4  not mirrored');
    expect(statusLine(status({ busy: 3 }))).toContain('dropped 4 (busy 3)');
    expect(statusLine(status({ bytes: 2 }))).toContain('dropped 4 (bytes 2)');
    expect(statusLine(status({ busy: 1, bytes: 2 }))).toContain('dropped 4 (busy 1, bytes 2)');
  });
});
