// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${env:NAME}` is the syntax under test.
import { describe, expect, it } from 'vitest';
import { substituteEnv, substituteEnvDeep } from '../../../src/util/env.js';

describe('substituteEnv', () => {
  it('replaces every ${env:NAME} and leaves other text alone', () => {
    const missing: string[] = [];
    const text = 'Bearer ${env:TOKEN} for ${env:USER_1}; $HOME ${TOKEN} ${env:bad-name}';
    const out = substituteEnv(text, { TOKEN: 't0k', USER_1: 'ada' }, (name) => missing.push(name));
    expect(out).toBe('Bearer t0k for ada; $HOME ${TOKEN} ${env:bad-name}');
    expect(missing).toEqual([]);
  });

  it('reports each unset variable and replaces it with nothing; empty counts as set', () => {
    const missing: string[] = [];
    const out = substituteEnv('${env:A}-${env:B}-${env:A}', { B: '' }, (name) =>
      missing.push(name),
    );
    expect(out).toBe('--');
    expect(missing).toEqual(['A', 'A']);
  });

  it('takes the default of an unset variable (${env:NAME:-default}), the value of a set one', () => {
    const missing: string[] = [];
    const text = '${env:HOST:-127.0.0.1}:${env:PORT:-3100}/${env:EMPTY:-x}${env:NONE:-}';
    const out = substituteEnv(text, { PORT: '4110', EMPTY: '' }, (name) => missing.push(name));
    expect(out).toBe('127.0.0.1:4110/');
    expect(missing).toEqual([]);
  });
});

describe('substituteEnvDeep', () => {
  it('substitutes strings at any depth, never keys, and does not mutate its input', () => {
    const input = { '${env:K}': ['${env:K}', 1, true, null, { deep: 'x${env:K}' }] };
    const reports: [string, readonly (string | number)[]][] = [];
    const out = substituteEnvDeep(input, { K: 'v' }, (name, path) => reports.push([name, path]));
    expect(out).toEqual({ '${env:K}': ['v', 1, true, null, { deep: 'xv' }] });
    expect(input['${env:K}'][0]).toBe('${env:K}');
    expect(reports).toEqual([]);
  });

  it('reports the path of the string naming an unset variable', () => {
    const reports: [string, readonly (string | number)[]][] = [];
    substituteEnvDeep({ a: [{ b: '${env:NOPE}' }] }, {}, (name, path) =>
      reports.push([name, path]),
    );
    expect(reports).toEqual([['NOPE', ['a', 0, 'b']]]);
  });

  it('keeps a __proto__ key as a plain key', () => {
    const input: unknown = JSON.parse('{"__proto__": {"polluted": "${env:X}"}}');
    const out = substituteEnvDeep(input, { X: 'yes' }, () => {});
    expect(typeof out === 'object' && out !== null ? Object.keys(out) : []).toEqual(['__proto__']);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
  });
});
