/** The bench's split of `perf` samples by kind of work (bench/lib/sampled-kinds.js). */
import { describe, expect, it } from 'vitest';

// A plain JavaScript module of the bench (no declarations): imported by a path
// held in a variable, its functions typed here.
const modulePath = '../../../bench/lib/sampled-kinds.js';
type Sampled = { samples: number; kinds: Map<string, number> };
const { sampleKind, kindsOfScript, marginalKinds, WASM } = (await import(modulePath)) as {
  sampleKind: (symbol: string, dso: string) => string;
  kindsOfScript: (text: string) => Sampled & { end: Sampled; pids: Set<number> };
  marginalKinds: (
    once: { parity: Sampled; minimal: Sampled },
    twice: { parity: Sampled; minimal: Sampled },
    cases: number,
    hz: number,
  ) => {
    parityUs: number;
    minimalUs: number;
    kinds: { kind: string; parity: number; minimal: number }[];
  };
  WASM: string;
};

describe('sampleKind', () => {
  it.each([
    ['copy_mc_enhanced_fast_string', '[kernel.kallsyms]', 'kernel'],
    ['JS:wasm-function[20]-20-liftoff', '/tmp/perf-12638.map', 'llhttp'],
    ['JS:*PoolBase /work/main/dist/vendor/undici.cjs:40:7991', '/tmp/perf-12638.map', 'undici'],
    [
      'JS:*_resume /work/main/node_modules/undici/lib/dispatcher/client.js:589:18',
      '/tmp/perf-1.map',
      'undici',
    ],
    ['JS:^__name node:internal/deps/undici/undici:4:14', '/tmp/perf-1.map', 'undici'],
    ['JS:*Readable.read node:internal/streams/readable:647:35', '/tmp/perf-1.map', "Node's own"],
    ['JS:*scanJson /work/main/dist/command/run.cjs:4:37115', '/tmp/perf-1.map', "process's own"],
    [
      'JS:*fetchJson file:///work/main/bench/peers/minimal-undici.js:14:19',
      '/tmp/perf-1.map',
      "process's own",
    ],
    ['[unknown]', '/tmp/perf-12638.map', 'no symbol'],
    ['[unknown]', '/usr/bin/node', 'other'],
    ['v8::internal::JSObject::MigrateToMap', '/usr/bin/node', 'property lookups'],
    ['v8::internal::JsonStringifier::SerializeString', '/usr/bin/node', 'JSON'],
    ['v8::internal::compiler::GraphReducer::ReduceTop', '/usr/bin/node', 'TurboFan'],
    ['v8::internal::Scavenger::ScavengePage', '/usr/bin/node', 'garbage collection'],
    ['Builtins_StringIndexOf', '/usr/bin/node', 'other V8 builtins'],
    ['_int_malloc', '/usr/lib/x86_64-linux-gnu/libc.so.6', 'C library'],
    ['do_lookup_x', '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', 'C library'],
  ])('%s (%s) is %s', (symbol, dso, kind) => {
    expect(sampleKind(symbol, dso)).toContain(kind);
  });
});

describe('kindsOfScript', () => {
  // Lines as `perf script -F pid,time,ip,sym,dso` prints them (one ends the run after its last answer).
  const text = [
    '12638 20980.018606:  ffffffff82256576 copy_mc_enhanced_fast_string ([kernel.kallsyms])',
    '12638 20980.019605:      7fdc45b6de2a do_lookup_x (/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2)',
    '12638 20982.182650:           1062bc4 v8::internal::Isolate::UnregisterTryCatchHandler (/usr/bin/node)',
    '12638 20982.184145:      7fdc3e647cd5 Builtins_LoadIC (/usr/bin/node)',
    '12638 20982.185000:      7fdc1e8deece JS:wasm-function[20]-20-liftoff (/tmp/perf-12638.map)',
    '12638 20982.185500:      7fdc1e8deece JS:wasm-function[20]-20-liftoff (/tmp/perf-12638.map)',
    '12640 20982.186000:      7fdc3e647cd5 v8::internal::compiler::GraphReducer::ReduceTop (/usr/bin/node)',
    '12638 20982.186647:      7fdc1e8deece JS:*renderJunitChunks /work/main/dist/command/run.cjs:122:3905 (/tmp/perf-12638.map)',
    '',
    'not a sample line',
  ].join('\n');

  it('counts every sample once, by kind', () => {
    const sampled = kindsOfScript(text);
    expect(sampled.samples).toBe(8);
    expect([...sampled.kinds.values()].reduce((a, b) => a + b, 0)).toBe(8);
    expect(sampled.kinds.get(WASM)).toBe(2);
    expect(sampled.pids).toEqual(new Set([12638, 12640]));
  });

  it("counts the samples after the last one in llhttp as the run's end", () => {
    const { end } = kindsOfScript(text);
    expect(end.samples).toBe(2);
    expect([...end.kinds.keys()].join(' ')).toContain('TurboFan');
    expect([...end.kinds.keys()].join(' ')).toContain("process's own JavaScript");
  });

  it('has no end when nothing ran in llhttp (a run that sent nothing)', () => {
    const { end, samples } = kindsOfScript(text.replaceAll('wasm-function', 'other-function'));
    expect(samples).toBe(8);
    expect(end.samples).toBe(0);
  });
});

describe('marginalKinds', () => {
  const sampled = (kinds: Record<string, number>): Sampled => ({
    samples: Object.values(kinds).reduce((a, b) => a + b, 0),
    kinds: new Map(Object.entries(kinds)),
  });

  it('gives what the second half of the cases cost, per case, in µs, kind by kind', () => {
    // 1,000 samples a second over 1,000 extra cases: one sample is 1 µs a case.
    const once = {
      parity: sampled({ gc: 100, js: 400, startup: 300 }),
      minimal: sampled({ gc: 100, js: 200, startup: 250 }),
    };
    const twice = {
      parity: sampled({ gc: 150, js: 700, startup: 300, end: 20 }),
      minimal: sampled({ gc: 140, js: 380, startup: 250 }),
    };
    const marginal = marginalKinds(once, twice, 1000, 1000);
    expect(marginal.parityUs).toBe(370);
    expect(marginal.minimalUs).toBe(220);
    const byKind = Object.fromEntries(marginal.kinds.map((k) => [k.kind, [k.parity, k.minimal]]));
    // What a run costs once (start-up) cancels out and is left out; a kind only the larger run has counts whole.
    expect(byKind).toEqual({ gc: [50, 40], js: [300, 180], end: [20, 0] });
  });

  it('keeps a kind one process spent less on in the larger run (noise), signed', () => {
    const once = { parity: sampled({ gc: 30 }), minimal: sampled({ gc: 10 }) };
    const twice = { parity: sampled({ gc: 20 }), minimal: sampled({ gc: 10 }) };
    expect(marginalKinds(once, twice, 10, 1_000_000).kinds).toEqual([
      { kind: 'gc', parity: -1, minimal: 0 },
    ]);
  });
});
