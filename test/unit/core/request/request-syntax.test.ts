import { describe, expect, it } from 'vitest';
import {
  headerNameProblem,
  headerValueProblem,
  pathProblem,
} from '../../../../src/core/request/request-syntax.js';

describe('request syntax', () => {
  it('accepts what a request target may hold, and ${env:…} as written', () => {
    for (const path of [
      '/',
      '/a/b?c=d&e=f',
      "/x;y=1/@:!$&'()*+,=~._-",
      '/%2F%c3%a9',
      '/u/${env:ID}',
    ]) {
      expect(pathProblem(path, true), path).toBeUndefined();
    }
    expect(pathProblem('/u/${env:ID}', false)).toContain('"{"');
  });

  it('names the first character that cannot be sent, and how to write it', () => {
    expect(pathProblem('/a b', true)).toBe(
      'has a space at character 3, which a request path cannot hold as written; write it as %20',
    );
    expect(pathProblem('/é', true)).toContain('write it as %C3%A9');
    expect(pathProblem('/a#b', true)).toContain('fragment');
    expect(pathProblem('/a%zz', true)).toContain('%25');
    expect(pathProblem('/a\u0000', true)).toContain('\\x00');
  });

  it('headers: token names, one-line values', () => {
    expect(headerNameProblem('x-ok')).toBeUndefined();
    expect(headerNameProblem('x y')).toContain('not a valid header name');
    expect(headerValueProblem('a b')).toBeUndefined();
    expect(headerValueProblem('a\r\nb')).toContain('carriage return');
  });

  it('headers of the connection, which the client frames or refuses, are refused (any case); `connection` is not', () => {
    for (const name of ['Expect', 'transfer-encoding', 'Keep-Alive', 'upgrade']) {
      expect(headerNameProblem(name), name).toContain('belongs to the connection');
    }
    expect(headerNameProblem('expect')).toContain('without waiting for a 100');
    expect(headerNameProblem('connection')).toBeUndefined();
    expect(headerNameProblem('x-expect')).toBeUndefined();
  });
});
