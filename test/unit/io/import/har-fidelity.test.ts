/**
 * A HAR entry is imported as the bytes it sent: a `Content-Encoding` the HAR
 * no longer holds the body in is left out, bytes recorded one character per
 * byte (U+0080–U+00FF) stay those bytes (`base64:`), and a WebSocket is left
 * out with a note, never a plain GET. Each from a minimal HAR.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCaseFiles } from '../../../../src/io/import/cases.js';
import { importHar } from '../../../../src/io/import/har.js';
import { renderCaseFile } from '../../../../src/io/import/render.js';

const ALL = { hosts: [], methods: [] };
const har = (...entries: unknown[]) => JSON.stringify({ log: { entries } });
const post = (headers: { name: string; value: string }[], postData: unknown) => ({
  request: { method: 'POST', url: 'http://h/up', headers, postData },
});

describe('importHar: the bytes it sent', () => {
  it('leaves out a Content-Encoding the recorded (decoded) body is not in, noted', () => {
    const source = importHar(
      har(
        post([{ name: 'Content-Encoding', value: 'gzip' }], {
          mimeType: 'application/json',
          text: '{"a":1}',
        }),
      ),
      'x.har',
      ALL,
    );
    expect(source.requests[0]?.headers).toEqual([['Content-Type', 'application/json']]);
    expect(source.notes).toEqual([
      'HAR entry 1: header Content-Encoding: gzip left out: the HAR holds the body decoded, and the case sends it so',
    ]);
  });

  it('keeps bytes recorded as U+0080–U+00FF characters as those bytes, written base64', () => {
    const binary = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xe9);
    const source = importHar(
      har(
        post([], { mimeType: 'application/octet-stream', text: binary }),
        post([], { mimeType: 'text/plain; charset=iso-8859-1', text: 'caf\u00e9' }),
        // UTF-8 text the recorder decoded: sent as UTF-8, as before (a multipart form too).
        post([], { mimeType: 'application/json', text: '{"name":"caf\u00e9"}' }),
        post([], { mimeType: 'multipart/form-data; boundary=b', text: '--b--\r\nr\u00e9' }),
        // Base64 postData that is not UTF-8: its bytes, no longer skipped.
        post([], { mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' }),
      ),
      'x.har',
      ALL,
    );
    const built = buildCaseFiles(source);
    // Four POSTs are a session: one flow, a step each.
    const requests = built.files.flatMap((f) => f.flow?.steps.map((s) => s.request) ?? []);
    expect(requests.map((r) => r.base64 ?? r.text ?? r.json)).toEqual([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xe9]).toString('base64'),
      Buffer.from('caf\u00e9', 'latin1').toString('base64'),
      { name: 'caf\u00e9' },
      '--b--\r\nr\u00e9',
      'iVBORw0KGgo=',
    ]);
    expect(built.skipped).toBe(0);
    const file = built.files[0];
    const text = file === undefined ? '' : renderCaseFile(file, ['test']);
    expect(text).toContain('base64: iVBORwD/6Q==');
    expect(parse(text)).toBeTypeOf('object');
  });

  it('leaves out WebSocket entries (Chrome markers, a ws URL, an Upgrade request) with a note', () => {
    const headers = [{ name: 'Upgrade', value: 'websocket' }];
    const source = importHar(
      har(
        {
          _resourceType: 'websocket',
          _webSocketMessages: [{ type: 'send', data: 'hi' }],
          request: { method: 'GET', url: 'wss://h/live', headers: [] },
        },
        { request: { method: 'GET', url: 'http://h/socket', headers } },
        { request: { method: 'GET', url: 'http://h/items', headers: [] } },
      ),
      'x.har',
      ALL,
    );
    expect(source.requests.map((r) => r.path)).toEqual(['/items']);
    expect(source.notes).toEqual([
      "left out 2 WebSocket entries (parity sends HTTP requests; a WebSocket's handshake and messages are not one): HAR entry 1 (wss://h/live, 1 message(s)), HAR entry 2 (http://h/socket)",
    ]);
  });
});

describe("importHar: mitmproxy's postdata.har (Chrome, HTTP/2)", () => {
  it('drops the HTTP/2 pseudo-headers as the request line they are, without a note for each', () => {
    const source = importHar(
      har({
        request: {
          method: 'POST',
          url: 'https://bi.pst.tech/events',
          httpVersion: 'http/2.0',
          headers: [
            { name: ':authority', value: 'bi.pst.tech' },
            { name: ':method', value: 'POST' },
            { name: ':path', value: '/events' },
            { name: ':scheme', value: 'https' },
            { name: 'content-type', value: 'text/plain;charset=UTF-8' },
          ],
          postData: { mimeType: 'text/plain;charset=UTF-8', text: 'eyJ9' },
        },
        response: { status: 200, headers: [], content: { size: 0, mimeType: 'application/json' } },
      }),
      'postdata.har',
      ALL,
    );
    const built = buildCaseFiles(source);
    expect(built.notes).toEqual([]);
    expect(built.files[0]?.cases[0]?.request.headers).toEqual({
      'content-type': 'text/plain;charset=UTF-8',
    });
  });
});

describe("importHar: mitmproxy's error_log.har (its own exporter)", () => {
  it('reads an entry whose answer never came (content: [], status 0), saying so', () => {
    const source = importHar(
      har(
        {
          request: { method: 'GET', url: 'http://163.com/', headers: [] },
          response: {
            status: 0,
            headers: [],
            _error: "[Errno 60] Connect call failed ('123.58.180.8', 80)",
            content: [],
          },
        },
        {
          request: { method: 'GET', url: 'https://httpbin.org/get', headers: [] },
          response: { status: 200, headers: [], content: { mimeType: 'text/html', text: '' } },
        },
      ),
      'error_log.har',
      ALL,
    );
    expect(source.requests.map((r) => `${r.origin}${r.path}`)).toEqual([
      'http://163.com/',
      'https://httpbin.org/get',
    ]);
    expect(source.notes).toEqual([
      "HAR entry 1: the recording holds no answer to it (status 0: [Errno 60] Connect call failed ('123.58.180.8', 80)); imported as it was sent",
    ]);
  });
});
