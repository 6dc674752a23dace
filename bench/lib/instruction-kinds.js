// Where a process's instructions went, by kind of work: reads a callgrind
// output file through `callgrind_annotate` (valgrind's own reader) and sorts
// each function's own instructions into a few kinds by its symbol. JIT-compiled
// JavaScript and WebAssembly have no symbol there (callgrind sees addresses):
// they are one kind, "compiled JS and Wasm", whatever the function.
import { spawnSync } from 'node:child_process';

/** Kinds, first match wins: [kind, test on the symbol `callgrind_annotate` prints]. */
const KINDS = [
  [
    'V8 optimising compiler (TurboFan)',
    (s) => /::compiler::|v8::internal::maglev|OptimizedCompilationJob|turboshaft/.test(s),
  ],
  [
    'garbage collection',
    (s) =>
      /Scaveng|v8::internal::Heap::|Marking|Sweeper|heap::base|Evacuat|MemoryAllocator|GlobalHandles|IterateObjectCache|cppgc|RememberedSet|SlotSet/.test(
        s,
      ),
  ],
  ['Wasm compilers (Liftoff, TurboFan)', (s) => /wasm::|liftoff/i.test(s)],
  ['JSON.parse and JSON.stringify', (s) => /Builtins_Json|JsonStringifier|JsonParser/.test(s)],
  [
    'property lookups (inline-cache misses, maps)',
    (s) =>
      /LoadIC|StoreIC|DefineNamedOwnIC|DefineKeyedOwnIC|LookupIterator|StubCache|FeedbackNexus|MigrateToMap|v8::internal::Map::|TransitionsAccessor/.test(
        s,
      ),
  ],
  ['other V8 builtins', (s) => /Builtins_/.test(s)],
  ['compiled JS and Wasm (no symbol)', (s) => /^\?\?\?:0x[0-9a-f]+ \[\?\?\?\]/.test(s)],
  [
    'parsing, bytecode, baseline code',
    (s) =>
      /Parser|Scanner|interpreter::|BytecodeGenerator|AstValueFactory|baseline::|SourcePosition|v8::internal::Compiler::/.test(
        s,
      ),
  ],
  ['C library (malloc, memcpy, …)', (s) => /libc\.so|ld-linux/.test(s)],
  ['Node and libuv', (s) => /node::|uv_|libuv/.test(s)],
  ['OpenSSL (loaded at start-up)', (s) => /ossl_|OPENSSL_|CRYPTO_|EVP_|ERR_/.test(s)],
  ['other V8', (s) => /v8::/.test(s)],
];

export const KIND_NAMES = [...KINDS.map(([kind]) => kind), 'other'];

/** The kind of a function, by the symbol `callgrind_annotate` prints for it. */
export function kindOf(symbol) {
  return KINDS.find(([, test]) => test(symbol))?.[0] ?? 'other';
}

/** @returns {Map<string, number>} instructions per kind (every kind present, 0 when none) */
export function instructionKinds(callgrindFile) {
  const read = spawnSync(
    'callgrind_annotate',
    ['--inclusive=no', '--threshold=100', callgrindFile],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (read.status !== 0) throw new Error(`callgrind_annotate failed: ${read.stderr}`);
  const kinds = new Map(KIND_NAMES.map((kind) => [kind, 0]));
  for (const line of read.stdout.split('\n')) {
    const match = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (match === null || match[2].includes('PROGRAM TOTALS')) continue;
    const count = Number(match[1].replaceAll(',', ''));
    const kind = kindOf(match[2]);
    kinds.set(kind, (kinds.get(kind) ?? 0) + count);
  }
  return kinds;
}
