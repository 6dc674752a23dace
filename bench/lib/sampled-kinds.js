// Where a process's CPU time went, by kind of work: reads a `perf record -e
// cpu-clock` profile (every thread's CPU time, sampled at a fixed rate, the
// process running at its usual speed) through `perf script`, and sorts each
// sample by the function it landed in. JavaScript compiled at run time is named
// when the process ran with `--perf-basic-prof` (V8 writes /tmp/perf-PID.map):
// the process's own JavaScript (parity's, or the script's), undici's, Node's,
// and llhttp's WebAssembly are then kinds of their own; everything else is
// sorted as the instruction counts are (`instruction-kinds.js`). The samples
// after the last one in llhttp (the last answer parsed: then the reports and
// the tracker are written) are also counted apart, as the run's end.
import { spawnSync } from 'node:child_process';
import { kindOf } from './instruction-kinds.js';

export const WASM = 'llhttp (WebAssembly)';
const UNNAMED = 'compiled JS and Wasm (no symbol)';

/** Kinds of JavaScript, first match wins: [kind, test on the `JS:…` symbol V8's map gives]. */
const JS_KINDS = [
  [WASM, (s) => /wasm/.test(s)],
  ['undici (JavaScript)', (s) => /\/undici[./]|node:internal\/deps\/undici/.test(s)],
  ["Node's own JavaScript (streams, timers, …)", (s) => / node:/.test(s)],
  ["the process's own JavaScript (parity's, or the script's)", () => true],
];

/** The kind of a sample, by the symbol and the object file `perf script` prints for it. */
export function sampleKind(symbol, dso) {
  if (dso === '[kernel.kallsyms]') return 'kernel (system calls, sockets, page faults)';
  if (symbol.startsWith('JS:')) return JS_KINDS.find(([, test]) => test(symbol))?.[0];
  if (symbol === '[unknown]') return /perf-\d+\.map|\[unknown\]/.test(dso) ? UNNAMED : 'other';
  return kindOf(`${symbol} [${dso}]`);
}

/** One line of `perf script -F pid,time,ip,sym,dso`: `PID TIME: IP SYMBOL (DSO)`. */
const LINE = /^\s*(\d+)\s+([\d.]+):\s+[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)\s*$/;

/**
 * Samples by kind, for the whole process and for its end (after its last
 * sample in llhttp), from the text `perf script -F pid,time,ip,sym,dso` prints.
 * @returns {{ samples: number, kinds: Map<string, number>, end: { samples: number, kinds: Map<string, number> }, pids: Set<number> }}
 */
export function kindsOfScript(text) {
  const samples = [];
  const pids = new Set();
  let lastAnswer = Number.NEGATIVE_INFINITY;
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match === null) continue;
    const time = Number(match[2]);
    const kind = sampleKind(match[3], match[4]);
    pids.add(Number(match[1]));
    samples.push({ time, kind });
    if (kind === WASM && time > lastAnswer) lastAnswer = time;
  }
  const kinds = new Map();
  const end = { samples: 0, kinds: new Map() };
  for (const { time, kind } of samples) {
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    // No sample in llhttp (nothing was sent): no end either.
    if (time <= lastAnswer || lastAnswer === Number.NEGATIVE_INFINITY) continue;
    end.samples++;
    end.kinds.set(kind, (end.kinds.get(kind) ?? 0) + 1);
  }
  return { samples: samples.length, kinds, end, pids };
}

/** `kindsOfScript` of a `perf record` output file. */
export function sampledKinds(perfData) {
  const read = spawnSync('perf', ['script', '-i', perfData, '-F', 'pid,time,ip,sym,dso'], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (read.status !== 0) throw new Error(`perf script failed: ${read.stderr.slice(-2000)}`);
  return kindsOfScript(read.stdout);
}

/**
 * What the cases of the larger run cost beyond the smaller one, per extra
 * case, in µs: `once` and `twice` are both processes' samples by kind
 * (`kindsOfScript`) at `cases` and at twice as many, sampled `hz` times a
 * second. The steady cost of one more case, apart from what a run costs
 * once (start-up, loading, warming up, the end). Kinds neither process
 * spent on are left out.
 * @returns {{ parityUs: number, minimalUs: number, kinds: { kind: string, parity: number, minimal: number }[] }}
 */
export function marginalKinds(once, twice, cases, hz) {
  const us = (samples) => (samples * 1e6) / hz / cases;
  const less = (more, fewer, kind) => (more.get(kind) ?? 0) - (fewer.get(kind) ?? 0);
  const names = new Set([
    ...once.parity.kinds.keys(),
    ...once.minimal.kinds.keys(),
    ...twice.parity.kinds.keys(),
    ...twice.minimal.kinds.keys(),
  ]);
  const kinds = [];
  for (const kind of names) {
    const parity = less(twice.parity.kinds, once.parity.kinds, kind);
    const minimal = less(twice.minimal.kinds, once.minimal.kinds, kind);
    if (parity === 0 && minimal === 0) continue;
    kinds.push({ kind, parity: us(parity), minimal: us(minimal) });
  }
  return {
    parityUs: us(twice.parity.samples - once.parity.samples),
    minimalUs: us(twice.minimal.samples - once.minimal.samples),
    kinds,
  };
}
