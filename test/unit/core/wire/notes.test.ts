import { describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../../../src/contract/model/exchange.js';
import { encodingNotes } from '../../../../src/core/wire/notes.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';

function side(text: string, contentType = 'application/json'): SideOutcome {
  const body = decodeBody(new TextEncoder().encode(text), contentType);
  return {
    outcome: 'response',
    response: {
      status: 200,
      headers: { 'content-type': contentType },
      body,
      wireBytes: text.length,
      durationMs: 1,
    },
  };
}

const notesOf = (a: string, b: string, typeA?: string, typeB?: string) =>
  encodingNotes(side(a, typeA), side(b, typeB));
const codesOf = (a: string, b: string) => notesOf(a, b).map((n) => n.code);

describe('encodingNotes', () => {
  it('says nothing when the bytes are equal', () => {
    expect(notesOf('{"a":1}\n', '{"a":1}\n')).toEqual([]);
  });

  it('says nothing when the values differ (that is a divergence, not the wire)', () => {
    expect(notesOf('{"a":1}', '{"a":2}\n')).toEqual([]);
  });

  it('a key written twice on one side (JSON.parse keeps the last, other readers the first)', () => {
    const notes = notesOf('{"a":1,"a":2,"b":{"c":1,"c":1}}', '{"a":2,"b":{"c":1}}');
    expect(notes.map((n) => n.code)).toEqual(['duplicate-key']);
    expect(notes[0]?.message).toBe(
      'a key written more than once at the body (a reader keeping the first value sees another body): baseline `"a" ×2`, candidate `"a" ×1` (2 places)',
    );
  });

  it('trailing newline (Go json.Encoder appends one)', () => {
    const notes = notesOf('{"a":1}', '{"a":1}\n');
    expect(notes).toEqual([
      {
        kind: 'encoding',
        code: 'trailing-newline',
        message: 'candidate ends the body with a newline, baseline does not',
      },
    ]);
  });

  it('whitespace: compact vs indented', () => {
    const notes = notesOf('{"a":[1,2]}', '{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(notes.map((n) => n.code)).toEqual(['whitespace']);
    expect(notes[0]?.message).toBe('baseline is compact, candidate is indented by 2');
  });

  it('key order, with the orders shown', () => {
    const notes = notesOf('{"id":1,"name":"x"}', '{"name":"x","id":1}');
    expect(notes.map((n) => n.code)).toEqual(['key-order']);
    expect(notes[0]?.message).toContain('baseline `id, name`, candidate `name, id`');
  });

  it('HTML escaping (Go escapes <, > and & by default)', () => {
    const notes = notesOf('{"m":"a<b&c"}', '{"m":"a\\u003cb\\u0026c"}');
    expect(notes.map((n) => n.code)).toEqual(['html-escaping']);
    expect(notes[0]?.message).toContain('`/m`');
  });

  it('other escaping: \\/ and unicode escapes', () => {
    expect(codesOf('{"u":"a/b"}', '{"u":"a\\/b"}')).toEqual(['escaping']);
    expect(codesOf('{"u":"é"}', '{"u":"\\u00e9"}')).toEqual(['escaping']);
    expect(codesOf('{"é":1}', '{"\\u00e9":1}')).toEqual(['escaping']);
  });

  it('number format: 1 vs 1.0, 1e21 vs 1e+21, 1.50 vs 1.5', () => {
    expect(codesOf('{"n":1}', '{"n":1.0}')).toEqual(['number-format']);
    expect(codesOf('[1e21]', '[1e+21]')).toEqual(['number-format']);
    const notes = notesOf('{"p":{"price":1.50}}', '{"p":{"price":1.5}}');
    expect(notes[0]?.message).toBe(
      'the same number is written differently at `/p/price`: baseline `1.50`, candidate `1.5`',
    );
  });

  it('counts the places of one kind', () => {
    const notes = notesOf('[1.0,2.0,3]', '[1,2,3]');
    expect(notes[0]?.message).toContain('(2 places)');
  });

  it('charset differences of the content type', () => {
    const notes = notesOf('{}', '{}', 'application/json', 'application/json; charset=utf-8');
    expect(notes).toEqual([
      {
        kind: 'encoding',
        code: 'charset',
        message:
          'content-type charset differs: baseline `application/json`, candidate `application/json; charset=utf-8`',
      },
    ]);
    expect(
      notesOf('{}', '{}', 'application/json; charset=UTF-8', 'application/json;charset="utf-8"'),
    ).toEqual([]);
  });

  it('no charset note when the media types differ too (a JSON error vs a text one)', () => {
    const notes = notesOf('{}', '{}', 'application/json', 'text/plain; charset=utf-8');
    expect(notes.map((note) => note.code)).toEqual(['read-by-content']);
  });

  it('several at once, in vocabulary order', () => {
    expect(codesOf('{"b":"<","a":1.0}', '{"a":1,"b":"\\u003c"}\n')).toEqual([
      'trailing-newline',
      'key-order',
      'html-escaping',
      'number-format',
    ]);
  });
});
