/** The bench's split of callgrind's instruction counts by kind of work (bench/lib/instruction-kinds.js). */
import { describe, expect, it } from 'vitest';

// A plain JavaScript module of the bench (no declarations): imported by a path
// held in a variable, its one function typed here.
const modulePath = '../../../bench/lib/instruction-kinds.js';
const { kindOf, KIND_NAMES } = (await import(modulePath)) as {
  kindOf: (symbol: string) => string;
  KIND_NAMES: readonly string[];
};

describe('kindOf', () => {
  it.each([
    ['???:v8::internal::compiler::GraphReducer::ReduceTop() [/usr/bin/node]', 'TurboFan'],
    [
      '???:heap::base::SlotCallbackResult v8::internal::Scavenger::ScavengeObject<v8::internal::FullHeapObjectSlot>(…) [/usr/bin/node]',
      'garbage collection',
    ],
    [
      '???:v8::internal::(anonymous namespace)::IterateObjectCache(v8::internal::Isolate*, …) [/usr/bin/node]',
      'garbage collection',
    ],
    [
      '???:v8::internal::JsonStringifier::SerializeString(v8::internal::Handle<v8::internal::String>) [/usr/bin/node]',
      'JSON',
    ],
    ['???:Builtins_LoadIC [/usr/bin/node]', 'property lookups'],
    ['???:Builtins_StringIndexOf [/usr/bin/node]', 'other V8 builtins'],
    ['???:0x000000000d1046c0 [???]', 'compiled JS'],
    ['???:v8::internal::Scanner::Next() [/usr/bin/node]', 'parsing'],
    ['./malloc/./malloc/malloc.c:_int_free [/usr/lib/x86_64-linux-gnu/libc.so.6]', 'C library'],
    ['???:ossl_lh_strcasehash [/usr/bin/node]', 'OpenSSL'],
    ['???:uv_run [/usr/bin/node]', 'Node and libuv'],
    ['???:v8::internal::Factory::NewJSObject(…) [/usr/bin/node]', 'other V8'],
    ['???:detail::sprp(unsigned long long, unsigned long long) [/usr/bin/node]', 'other'],
  ])('%s is %s', (symbol, kind) => {
    expect(kindOf(symbol)).toContain(kind);
  });

  it('names every kind it gives, "other" last', () => {
    expect(KIND_NAMES.at(-1)).toBe('other');
    expect(new Set(KIND_NAMES).size).toBe(KIND_NAMES.length);
  });
});
