/**
 * Issue 47, item 2: a server's own identity values found by evidence, never
 * by a member's name. Its listening port (a body value that is the side's own
 * port alone: `origin.ts`) and the release version its identity header names
 * as its own (`generated.ts`). Each planted twice with other names; a value
 * without that evidence stays a difference.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, SideOutcome } from '../../../../src/contract/model/exchange.js';
import { GENERATED_TOKEN, maskGeneratedValues } from '../../../../src/core/normalise/generated.js';
import {
  normaliseOrigins,
  originForms,
  PORT_TOKEN,
} from '../../../../src/core/normalise/origin.js';
import { valueAtPointer } from '../../../../src/util/json-pointer.js';
import { makeCase } from '../../../helpers/case.js';

const side = (value: unknown, headers: Record<string, string> = {}): SideOutcome => ({
  outcome: 'response',
  response: { status: 200, headers, body: { kind: 'json', value }, wireBytes: 1, durationMs: 1 },
});
const body = (s: SideOutcome) =>
  s.outcome === 'response' && s.response.body.kind === 'json' ? s.response.body.value : undefined;
const exchange = (a: SideOutcome, b: SideOutcome): Exchange => ({
  case: makeCase('c', { path: '/config' }),
  baseline: a,
  candidate: b,
});

const origins = {
  baseline: originForms('http://127.0.0.1:3100'),
  candidate: originForms('http://127.0.0.1:42117/api'),
};

describe.each([
  { at: 'port', wrap: (v: number) => ({ options: { port: v } }), read: '/options/port' },
  { at: 'listenOn', wrap: (v: number) => ({ listenOn: String(v) }), read: '/listenOn' },
])('a body value that is the side’s own port (`$at`)', ({ wrap, read: pointer }) => {
  const read = (value: unknown) => {
    const found = valueAtPointer(value, pointer);
    return found.found ? found.value : undefined;
  };
  it('is each side’s own, compared as {{port}}', () => {
    const out = normaliseOrigins(exchange(side(wrap(3100)), side(wrap(42117))), origins);
    expect(read(body(out.baseline))).toBe(PORT_TOKEN);
    expect(read(body(out.candidate))).toBe(PORT_TOKEN);
    expect(out.origin?.length).toBe(1);
  });

  it('stays a difference where a side writes the other’s port, or another number', () => {
    const out = normaliseOrigins(exchange(side(wrap(3100)), side(wrap(3100))), origins);
    expect(read(body(out.candidate))).not.toBe(PORT_TOKEN);
    const other = normaliseOrigins(exchange(side(wrap(3101)), side(wrap(42117))), origins);
    expect(read(body(other.baseline))).not.toBe(PORT_TOKEN);
  });
});

describe('a port under 1024 is never read as a side’s own (too often data)', () => {
  it('leaves 80 alone', () => {
    expect(originForms('http://127.0.0.1:80')?.port).toBeUndefined();
    expect(originForms('http://127.0.0.1:8080')?.port).toBe(8080);
  });
});

describe.each([
  { header: 'server', named: (v: string) => `bank/${v}`, at: 'version' },
  { header: 'x-powered-by', named: (v: string) => `Engine v${v} (linux)`, at: 'release' },
])('a version the `$header` header names as the side’s own', ({ header, named, at }) => {
  it('is generated', () => {
    const out = maskGeneratedValues(
      exchange(
        side({ [at]: '1.16.0' }, { [header]: named('1.16.0') }),
        side({ [at]: '2.9.1' }, { [header]: named('2.9.1') }),
      ),
    );
    expect(body(out.baseline)).toEqual({ [at]: GENERATED_TOKEN });
    expect(out.generated?.[0]).toContain("each side's own version");
  });

  it('stays a difference where a header names no such version (a dependency’s)', () => {
    const out = maskGeneratedValues(
      exchange(
        side({ [at]: '3.1.0' }, { [header]: named('1.16.0') }),
        side({ [at]: '4.0.2' }, { [header]: named('2.9.1') }),
      ),
    );
    expect(body(out.baseline)).toEqual({ [at]: '3.1.0' });
  });
});
