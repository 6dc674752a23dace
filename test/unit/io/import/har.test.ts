/** HAR entries → requests: forms with files, methods as recorded, filters and origins said once. */
import { describe, expect, it } from 'vitest';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importHar } from '../../../../src/io/import/har.js';

const entry = (method: string, url: string, postData?: unknown) => ({
  request: { method, url, headers: [], ...(postData === undefined ? {} : { postData }) },
});

const har = (...entries: unknown[]) => JSON.stringify({ log: { entries } });
const ALL = { hosts: [], methods: [] };

describe('importHar', () => {
  it('keeps the text params of a multipart form with a file (its boundary), and notes the file', () => {
    const source = importHar(
      har(
        entry('POST', 'http://h/upload', {
          mimeType: 'multipart/form-data; boundary=----WebKitFormBoundaryX',
          params: [
            { name: 'title', value: 'Ada' },
            { name: 'photo', fileName: 'me.png', contentType: 'image/png' },
          ],
        }),
      ),
      'x.har',
      ALL,
    );
    expect(source.notes).toEqual([
      'HAR entry 1: form field "photo" is a file (me.png), which a HAR does not hold: left out',
    ]);
    const built = buildCaseFiles(source);
    expect(built.files[0]?.cases[0]?.request).toEqual({
      method: 'POST',
      path: '/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=----WebKitFormBoundaryX' },
      text: '------WebKitFormBoundaryX\r\nContent-Disposition: form-data; name="title"\r\n\r\nAda\r\n------WebKitFormBoundaryX--\r\n',
    });
    expect([built.requests, built.skipped]).toEqual([1, 0]);
  });

  it('keeps a method as recorded; --method matches it in any case and says what it left out in one line', () => {
    const entries = har(
      entry('post', 'http://h/a'),
      entry('GET', 'http://h/b'),
      entry('PATCH', 'http://h/c'),
      entry('GET', 'http://h/d'),
    );
    const kept = importHar(entries, 'x.har', { hosts: [], methods: ['POST'] });
    expect(kept.requests.map((r) => r.method)).toEqual(['post']);
    expect(kept.notes).toEqual(['left out 3 entries of other methods (2 GET, 1 PATCH)']);
    expect(importHar(entries, 'x.har', { hosts: [], methods: ['get', 'post'] }).notes).toEqual([
      'left out 1 entry of other methods (PATCH)',
    ]);
  });

  it('keeps the entries of several origins in files of their own, says which, and keeps each query as sent', () => {
    const source = importHar(
      har(
        entry('GET', 'http://a:1/x?q=a%20b&flag'),
        entry('GET', 'http://a:1/y'),
        entry('GET', 'https://b/z'),
      ),
      'x.har',
      ALL,
    );
    expect(source.requests[0]?.rawQuery).toBe('q=a%20b&flag');
    const built = buildCaseFiles(source);
    expect(built.files.map((f) => [f.name, f.origin])).toEqual([
      ['x.yaml', 'http://a:1'],
      ['y.yaml', 'http://a:1'],
      ['b-z.yaml', 'https://b'],
    ]);
    expect(built.notes).toEqual([
      "the requests went to 2 origins, and a run sends every case to one target, so each origin's cases are in files of their own (http://a:1: x.yaml, y.yaml; https://b: b-z.yaml): run each origin's files with targets there (see next)",
    ]);
    expect(
      buildCaseFiles(importHar(har(entry('GET', 'http://a:1/x')), 'x.har', ALL)).notes,
    ).toEqual([]);
    expect(
      importHar(har(entry('GET', 'http://a:1/x'), entry('GET', 'https://b/z')), 'x.har', {
        hosts: ['a'],
        methods: [],
      }).notes,
    ).toEqual(['left out 1 entry to other hosts (b)']);
  });
});
