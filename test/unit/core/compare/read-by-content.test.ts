/**
 * A body is judged by what it is: JSON (or XML) under `text/plain`,
 * `text/html`, `application/octet-stream` or no content type is compared as
 * JSON when both sides are, the content type is a header difference of its
 * own, and a note says the body was read by its content. Each class has two
 * fixtures with different field names.
 */
import { describe, expect, it } from 'vitest';
import type { SideOutcome } from '../../../../src/contract/model/exchange.js';
import { compare } from '../../../../src/core/compare/comparison.js';
import { encodingNotes } from '../../../../src/core/wire/notes.js';
import { decodeBody } from '../../../../src/io/http/decode-body.js';
import { exchange, rules, testCase } from './fixtures.js';

function side(text: string, contentType: string | undefined): SideOutcome {
  const body = decodeBody(new TextEncoder().encode(text), contentType);
  const headers: Record<string, string> =
    contentType === undefined ? {} : { 'content-type': contentType };
  return {
    outcome: 'response',
    response: { status: 200, headers, body, wireBytes: text.length, durationMs: 1 },
  };
}

const withContentType = testCase({ rules: rules({ headers: ['content-type'] }) });

function compared(a: SideOutcome, b: SideOutcome) {
  const comparison = compare(exchange(a, b, withContentType));
  if (comparison === undefined) throw new Error('no comparison');
  return {
    body: comparison.body.map((c) => `${c.op} ${c.path}`),
    headers: comparison.headers.map((h) => h.name),
    notes: encodingNotes(a, b).map((n) => n.code),
  };
}

/** Two fixtures of each class, with different field names. */
const FIXTURES = [
  {
    ok: '{"id":"n1","rev":"1-a","title":"x"}',
    changed: '{"id":"n1","rev":"2-b","title":"x"}',
    at: '/rev',
  },
  { ok: '[{"sku":7,"price":3}]', changed: '[{"sku":7,"price":4}]', at: '/0/price' },
] as const;

describe('decodeBody judges a body by what it is', () => {
  it.each(['text/plain', 'text/plain; charset=utf-8', 'text/html', 'application/octet-stream'])(
    'reads a JSON object or array under %s as JSON',
    (contentType) => {
      for (const { ok } of FIXTURES) {
        expect(decodeBody(new TextEncoder().encode(ok), contentType).kind).toBe('json');
      }
    },
  );

  it('keeps a JSON scalar, and text that is not JSON, as text (or bytes where it was bytes)', () => {
    const decode = (text: string, type: string) =>
      decodeBody(new TextEncoder().encode(text), type).kind;
    expect(decode('"ok"', 'text/plain')).toBe('text');
    expect(decode('123', 'text/plain')).toBe('text');
    expect(decode('{"a":1', 'text/plain')).toBe('text');
    expect(decode('\uFEFF{"a":1}', 'text/plain')).toBe('text');
    expect(decode('abc', 'application/octet-stream')).toBe('binary');
    // An HTML page that happens to be well-formed XML stays a page (text), under text/html only.
    expect(decode('<html><body><h1>404</h1></body></html>', 'text/html')).toBe('text');
    expect(decode('<html><body><h1>404</h1></body></html>', 'text/plain')).toBe('xml');
    // A JSON content type is strict, as before: invalid JSON there is a divergence.
    expect(decode('{"a":1', 'application/json')).toBe('invalid-json');
  });

  it('keeps a body past the node budget under a text type as text', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    const body = decodeBody(new TextEncoder().encode(deep), 'text/plain', {
      nodes: 1000,
      depth: 10,
    });
    expect(body.kind).toBe('text');
  });
});

describe('a document that declares itself XML under text/html', () => {
  /** Two query APIs' answers labelled as pages, with different element names. */
  const DECLARED = [
    {
      ok: '<?xml version="1.0" encoding="UTF-8"?><SendMailResponse xmlns="urn:x"><Result><MailId>m-1</MailId></Result></SendMailResponse>',
      changed:
        '<?xml version="1.0" encoding="UTF-8"?><SendMailResponse xmlns="urn:x"><Result><MailId>m-2</MailId></Result></SendMailResponse>',
      at: '/SendMailResponse/Result/MailId',
    },
    {
      ok: "<?xml version='1.0'?>\n<!-- queue --><queue><depth>3</depth><name>jobs</name></queue>",
      changed:
        "<?xml version='1.0'?>\n<!-- queue --><queue><depth>4</depth><name>jobs</name></queue>",
      at: '/queue/depth',
    },
  ] as const;

  it.each(DECLARED)('is XML, compared element by element', (f) => {
    expect(decodeBody(new TextEncoder().encode(f.ok), 'text/html').kind).toBe('xml');
    expect(compared(side(f.ok, 'text/html'), side(f.changed, 'text/html')).body).toEqual([
      `value ${f.at}`,
    ]);
  });

  it('unless its root is a page: an XHTML page declared as XML stays text', () => {
    const page = (root: string) =>
      decodeBody(
        new TextEncoder().encode(
          `<?xml version="1.0"?><${root}><body>x</body></${root.split(' ')[0]}>`,
        ),
        'text/html',
      ).kind;
    expect(page('html xmlns="http://www.w3.org/1999/xhtml"')).toBe('text');
    expect(page('HTML')).toBe('text');
    expect(page('h:html xmlns:h="http://www.w3.org/1999/xhtml"')).toBe('text');
  });
});

describe('bodies read by their content are compared structurally', () => {
  it.each(FIXTURES)('JSON as text/plain on both sides: a field-level change, and a note', (f) => {
    expect(compared(side(f.ok, 'text/plain'), side(f.changed, 'text/plain'))).toEqual({
      body: [`value ${f.at}`],
      headers: [],
      notes: ['read-by-content'],
    });
    expect(compared(side(f.ok, 'text/plain'), side(f.ok, 'text/plain'))).toEqual({
      body: [],
      headers: [],
      notes: ['read-by-content'],
    });
  });

  it.each(FIXTURES)(
    'JSON as text/plain on one side: the content type is its own difference',
    (f) => {
      expect(compared(side(f.ok, 'application/json'), side(f.changed, 'text/plain'))).toEqual({
        body: [`value ${f.at}`],
        headers: ['content-type'],
        notes: ['read-by-content'],
      });
      expect(compared(side(f.ok, 'application/json'), side(f.ok, 'text/plain'))).toEqual({
        body: [],
        headers: ['content-type'],
        notes: ['read-by-content'],
      });
    },
  );

  it.each(FIXTURES)('JSON as text/html or with no content type', (f) => {
    expect(compared(side(f.ok, 'text/html'), side(f.changed, undefined))).toEqual({
      body: [`value ${f.at}`],
      headers: ['content-type'],
      notes: ['read-by-content'],
    });
    expect(compared(side(f.ok, undefined), side(f.changed, undefined)).body).toEqual([
      `value ${f.at}`,
    ]);
  });

  it('says which side was read by its content', () => {
    const [f] = FIXTURES;
    const notes = encodingNotes(side(f.ok, 'application/json'), side(f.ok, 'text/html'));
    expect(notes.map((n) => n.message)).toEqual([
      "the candidate's body was read as JSON by its content, not its content type: baseline `application/json`, candidate `text/html`",
    ]);
    const both = encodingNotes(side(f.ok, 'text/plain'), side(f.ok, undefined));
    expect(both.map((n) => n.message)).toEqual([
      'both bodies were read as JSON by their content, not their content type: baseline `text/plain`, candidate none',
    ]);
  });

  it('JSON read by its content against text is compared as text, with no note', () => {
    for (const { ok } of FIXTURES) {
      expect(compared(side(ok, 'text/plain'), side('not found', 'text/plain'))).toEqual({
        body: ['value '],
        headers: [],
        notes: [],
      });
    }
    // Scalars that parse as JSON on one side only stay a plain text difference.
    expect(compared(side('"ok"', 'text/plain'), side('ok', 'text/plain')).body).toEqual(['value ']);
    expect(compared(side('123', 'text/plain'), side('abc', 'text/plain')).body).toEqual(['value ']);
  });

  it('JSON declared by its content type against text is a change of body kind, as before', () => {
    const [f] = FIXTURES;
    expect(compared(side(f.ok, 'application/json'), side('oops', 'text/plain')).body).toEqual([
      'type ',
    ]);
    // Invalid JSON under a JSON content type on one side only stays a divergence.
    expect(compared(side(f.ok, 'text/plain'), side('{"id":', 'application/json')).body).toEqual([
      'type ',
    ]);
  });

  it('XML under text/plain is compared as XML', () => {
    const a = side('<note><to>a</to></note>', 'text/plain');
    const b = side('<note><to>b</to></note>', 'text/plain');
    expect(compared(a, b)).toEqual({
      body: ['value /note/to'],
      headers: [],
      notes: ['read-by-content'],
    });
  });
});
