/**
 * HAR 1.2 (as Chrome, Firefox and Playwright write it) → imported requests, one
 * per entry, optionally only of some hosts and methods. The method is kept as
 * recorded: a browser sends the standard ones upper-cased already, and
 * `fetch(url, { method: 'patch' })` really sends `patch`, which a case sends
 * as written too (case files treat methods as case-sensitive). The schema
 * checks only what is read; everything else in the file passes untouched. Pure.
 */
import type { Entry } from 'har-format';
import * as z from 'zod';
import { isJsonType } from './body.js';
import { parseJsonInput } from './input.js';
import {
  boundaryOf,
  FORM_BOUNDARY,
  isMultipart,
  multipartBody,
  multipartType,
} from './multipart.js';
import type { ImportedBody, ImportedRequest, ImportedResponse, ImportedSource } from './types.js';

const pair = z.looseObject({ name: z.string(), value: z.string() });

const entrySchema = z.looseObject({
  _resourceType: z.string().optional().describe('Chrome: `websocket` for a WebSocket'),
  _webSocketMessages: z.array(z.unknown()).optional().describe('Chrome: the WebSocket messages'),
  response: z
    .looseObject({
      status: z.number().describe('the recorded status'),
      headers: z.array(pair).describe('response headers'),
      // mitmproxy writes `content: []` for a flow that got no answer: no content, not a bad HAR.
      content: z
        .looseObject({
          mimeType: z.string().optional(),
          text: z.string().optional(),
          encoding: z.string().optional(),
        })
        .optional()
        .catch(undefined),
      _error: z.string().optional().catch(undefined).describe('why the recorder got no answer'),
    })
    .optional()
    .describe('the recorded answer: read for the values a session carries into later requests'),
  request: z.looseObject({
    method: z.string().min(1).describe('HTTP method'),
    url: z.string().min(1).describe('absolute URL'),
    headers: z.array(pair).describe('request headers'),
    postData: z
      .looseObject({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        encoding: z.string().optional(),
        params: z
          .array(
            z.looseObject({
              name: z.string(),
              value: z.string().optional(),
              fileName: z.string().optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
});

const harSchema = z.looseObject({
  log: z.looseObject({ entries: z.array(entrySchema).describe('the recorded requests') }),
});

/** The parts read are those of `har-format`'s types: the build breaks if they drift apart. */
type Read = z.output<typeof entrySchema>['request'];
true satisfies Read extends Pick<Entry['request'], 'method' | 'url'> ? true : false;

export interface HarFilters {
  /** Keep only entries to these hosts (`host:port` or host name); empty: all. */
  readonly hosts: readonly string[];
  /** Keep only these methods; empty: all. */
  readonly methods: readonly string[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

type Params = NonNullable<NonNullable<Read['postData']>['params']>;

/**
 * Form params as the body they were sent as: multipart when the type says so
 * or a field is a file (whose bytes a HAR does not hold: left out with a
 * note, the text fields kept), else URL-encoded.
 */
function formBody(
  params: Params,
  mimeType: string | undefined,
  source: string,
  notes: string[],
): { body: ImportedBody; type?: string } {
  const files = params.filter((p) => p.fileName !== undefined);
  if (files.length === 0 && !isMultipart(mimeType)) {
    const text = new URLSearchParams(params.map((p) => [p.name, p.value ?? ''])).toString();
    return { body: { kind: 'text', text } };
  }
  for (const file of files) {
    notes.push(
      `${source}: form field "${file.name}" is a file (${file.fileName}), which a HAR does not hold: left out`,
    );
  }
  const boundary = boundaryOf(mimeType) ?? FORM_BOUNDARY;
  const fields = params
    .filter((p) => p.fileName === undefined)
    .map((p) => ({ name: p.name, value: p.value ?? '' }));
  return {
    body: { kind: 'text', text: multipartBody(fields, boundary) },
    // The boundary must be the one the body uses.
    ...(boundaryOf(mimeType) === undefined ? { type: multipartType(boundary) } : {}),
  };
}

/**
 * Media types whose body is text (sent as UTF-8 unless a charset says
 * otherwise). A multipart form counts: browsers record its text fields
 * decoded as UTF-8 (and leave file bytes out).
 */
function isTextType(mimeType: string): boolean {
  const type = mimeType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return (
    type === '' ||
    type.startsWith('text/') ||
    type === 'multipart/form-data' ||
    isJsonType(type) ||
    type.endsWith('+xml') ||
    /^application\/(xml|javascript|ecmascript|graphql|x-www-form-urlencoded|x-ndjson)$/.test(type)
  );
}

const LATIN1_CHARSET =
  /;\s*charset="?(iso-8859-1|latin-?1|l1|us-ascii|windows-1252|ascii)"?\s*(;|$)/i;

/**
 * A recorded text whose characters are all bytes (U+0000–U+00FF, some of them
 * U+0080 or above) is bytes, not UTF-8 text, when its type is not text (an
 * image, `application/octet-stream`) or its charset is Latin-1: a recorder
 * wrote each byte as one character, and sending it as UTF-8 would change the
 * bytes (U+00E9 is one byte, 0xE9, not two).
 */
function recordedBytes(text: string, mimeType: string): Uint8Array | undefined {
  if (!/[\u0080-\u00ff]/.test(text) || /[\u0100-\uffff]/.test(text)) return undefined;
  if (isTextType(mimeType) && !LATIN1_CHARSET.test(mimeType)) return undefined;
  return Buffer.from(text, 'latin1');
}

function bodyOf(
  postData: Read['postData'],
  contentType: string,
  source: string,
  notes: string[],
): { body: ImportedBody; type?: string } {
  if (postData === undefined) return { body: { kind: 'none' } };
  if (postData.text !== undefined) {
    if (postData.encoding !== 'base64') {
      if (postData.text === '') return { body: { kind: 'none' } };
      const bytes = recordedBytes(postData.text, postData.mimeType || contentType);
      return {
        body:
          bytes === undefined ? { kind: 'text', text: postData.text } : { kind: 'bytes', bytes },
      };
    }
    const bytes = Buffer.from(postData.text, 'base64');
    try {
      return { body: { kind: 'text', text: strictUtf8.decode(bytes) } };
    } catch {
      return { body: { kind: 'bytes', bytes } };
    }
  }
  const params = postData.params ?? [];
  if (params.length === 0) return { body: { kind: 'none' } };
  return formBody(params, postData.mimeType, source, notes);
}

/** The entry's headers, with the body's content type when the HAR gives it only in postData. */
function headersOf(request: Read, type: string | undefined): [string, string][] {
  const headers = request.headers.map((h): [string, string] => [h.name, h.value]);
  const named = headers.findIndex(([n]) => n.toLowerCase() === 'content-type');
  const wanted = type ?? request.postData?.mimeType;
  if (wanted === undefined || wanted === '' || request.postData === undefined) return headers;
  if (named === -1) return [...headers, ['Content-Type', wanted]];
  // A boundary parity chose replaces the recorded one: the body is built with it.
  if (type !== undefined) headers[named] = [headers[named]?.[0] ?? 'Content-Type', type];
  return headers;
}

/** Why the filters leave an entry out, and what it had instead, or undefined when it is kept. */
function leftOutBy(
  url: URL,
  method: string,
  hosts: readonly string[],
  methods: ReadonlySet<string>,
): { reason: string; value: string } | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: 'that are not HTTP', value: url.protocol };
  }
  if (hosts.length > 0 && !hosts.some((h) => h === url.host || h === url.hostname)) {
    return { reason: 'to other hosts', value: url.host };
  }
  // The filter is for people: `--method post` means what the browser sent as POST.
  if (methods.size > 0 && !methods.has(method.toUpperCase())) {
    return { reason: 'of other methods', value: method };
  }
  return undefined;
}

const entries = (n: number): string => `${n} entr${n === 1 ? 'y' : 'ies'}`;

/** `(POST)` for one value; `(4 GET, 1 PATCH)` for several. */
function tally(counts: ReadonlyMap<string, number>): string {
  if (counts.size === 1) return `(${[...counts.keys()].join('')})`;
  return `(${[...counts].map(([value, n]) => `${n} ${value}`).join(', ')})`;
}

/** One note per reason the filters left entries out, naming what those entries had. */
function leftOutNotes(counts: ReadonlyMap<string, Map<string, number>>): string[] {
  return [...counts].map(([reason, values]) => {
    const n = [...values.values()].reduce((a, b) => a + b, 0);
    return `left out ${entries(n)} ${reason} ${tally(values)}`;
  });
}

/** A WebSocket: Chrome's `_resourceType`/`_webSocketMessages`, a ws(s) URL, or an `Upgrade: websocket` request. */
function isWebSocket(entry: z.output<typeof entrySchema>): boolean {
  return (
    entry._resourceType === 'websocket' ||
    entry._webSocketMessages !== undefined ||
    /^wss?:/i.test(entry.request.url) ||
    entry.request.headers.some(
      (h) => h.name.toLowerCase() === 'upgrade' && /websocket/i.test(h.value),
    )
  );
}

function webSocketNote(entries: readonly string[]): string[] {
  if (entries.length === 0) return [];
  return [
    `left out ${entries.length} WebSocket entr${entries.length === 1 ? 'y' : 'ies'} (parity sends HTTP requests; a WebSocket's handshake and messages are not one): ${entries.join(', ')}`,
  ];
}

/**
 * A HAR holds a request body decoded: a `Content-Encoding` (gzip, br, …) the
 * browser sent with it would tell the server to decode a body that is not
 * encoded, so it is left out, noted.
 */
function withoutContentCoding(
  headers: [string, string][],
  body: ImportedBody,
  source: string,
  notes: string[],
): [string, string][] {
  if (body.kind === 'none') return headers;
  return headers.filter(([name, value]) => {
    if (name.toLowerCase() !== 'content-encoding' || /^\s*identity\s*$/i.test(value)) return true;
    notes.push(
      `${source}: header Content-Encoding: ${value} left out: the HAR holds the body decoded, and the case sends it so`,
    );
    return false;
  });
}

/** Recorded JSON answers larger than this are not read for captures. */
const MAX_ANSWER_TEXT = 1024 * 1024;

/** The recorded answer, its JSON body parsed when it has one (for a session's captures). */
function responseOf(entry: z.output<typeof entrySchema>): ImportedResponse | undefined {
  const { response } = entry;
  if (response === undefined) return undefined;
  const headers = response.headers.map((h): [string, string] => [h.name, h.value]);
  const content = response.content;
  const text =
    content?.text === undefined || content.text.length > MAX_ANSWER_TEXT
      ? undefined
      : content.encoding === 'base64'
        ? Buffer.from(content.text, 'base64').toString('utf8')
        : content.text;
  const contentType =
    content?.mimeType ?? headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
  if (text === undefined || !isJsonType(contentType)) return { status: response.status, headers };
  try {
    return { status: response.status, headers, json: JSON.parse(text) };
  } catch {
    return { status: response.status, headers };
  }
}

/** The requests of a HAR file's text (see the module comment). */
export function importHar(text: string, file: string, filters: HarFilters): ImportedSource {
  const har = parseJsonInput(text, file, harSchema, 'HAR file');
  const requests: ImportedRequest[] = [];
  const notes: string[] = [];
  const webSockets: string[] = [];
  const leftOut = new Map<string, Map<string, number>>();
  const methods = new Set(filters.methods.map((m) => m.toUpperCase()));
  for (const [index, entry] of har.log.entries.entries()) {
    const source = `HAR entry ${index + 1}`;
    let url: URL;
    try {
      url = new URL(entry.request.url);
    } catch {
      notes.push(`skipped ${source}: "${entry.request.url}" is not a URL`);
      continue;
    }
    const { method } = entry.request;
    const out = isWebSocket(entry) ? undefined : leftOutBy(url, method, filters.hosts, methods);
    if (out !== undefined) {
      const values = leftOut.get(out.reason) ?? new Map<string, number>();
      values.set(out.value, (values.get(out.value) ?? 0) + 1);
      leftOut.set(out.reason, values);
      continue;
    }
    if (isWebSocket(entry)) {
      const messages = entry._webSocketMessages?.length ?? 0;
      webSockets.push(`${source} (${url.href}${messages === 0 ? '' : `, ${messages} message(s)`})`);
      continue;
    }
    const contentType =
      entry.request.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
    const { body, type } = bodyOf(entry.request.postData, contentType, source, notes);
    const response = responseOf(entry);
    if (entry.response?.status === 0) {
      const why = entry.response._error === undefined ? '' : `: ${entry.response._error}`;
      notes.push(
        `${source}: the recording holds no answer to it (status 0${why}); imported as it was sent`,
      );
    }
    requests.push({
      ...(response === undefined ? {} : { response }),
      method,
      origin: url.origin,
      path: url.pathname,
      query: [...url.searchParams],
      ...(url.search === '' ? {} : { rawQuery: url.search.slice(1) }),
      ...(url.username === '' && url.password === '' ? {} : { credentials: ['URL userinfo'] }),
      headers: withoutContentCoding(headersOf(entry.request, type), body, source, notes),
      body,
      source,
    });
  }
  return {
    requests,
    notes: [...notes, ...leftOutNotes(leftOut), ...webSocketNote(webSockets)],
    session: true,
  };
}
