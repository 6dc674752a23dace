/**
 * HAR 1.2 (as Chrome, Firefox and Playwright write it) → imported requests, one
 * per entry, optionally only of some hosts and methods. The schema checks only
 * what is read; everything else in the file passes untouched. Pure.
 */
import type { Entry } from 'har-format';
import * as z from 'zod';
import { parseJsonInput } from './input.js';
import type { ImportedBody, ImportedRequest, ImportedSource } from './types.js';

const pair = z.looseObject({ name: z.string(), value: z.string() });

const entrySchema = z.looseObject({
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

function bodyOf(postData: Read['postData']): ImportedBody {
  if (postData === undefined) return { kind: 'none' };
  if (postData.text !== undefined) {
    if (postData.encoding !== 'base64')
      return postData.text === '' ? { kind: 'none' } : { kind: 'text', text: postData.text };
    const bytes = Buffer.from(postData.text, 'base64');
    try {
      return { kind: 'text', text: strictUtf8.decode(bytes) };
    } catch {
      return { kind: 'binary', size: bytes.byteLength };
    }
  }
  const params = postData.params ?? [];
  if (params.some((p) => p.fileName !== undefined)) return { kind: 'binary', size: 0 };
  if (params.length === 0) return { kind: 'none' };
  return {
    kind: 'text',
    text: new URLSearchParams(params.map((p) => [p.name, p.value ?? ''])).toString(),
  };
}

/** Why the filters leave an entry out (one note per reason), or undefined when it is kept. */
function leftOutBy(
  url: URL,
  method: string,
  hosts: readonly string[],
  methods: ReadonlySet<string>,
): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `that are not HTTP (${url.protocol})`;
  }
  if (hosts.length > 0 && !hosts.some((h) => h === url.host || h === url.hostname)) {
    return `to other hosts (${url.host})`;
  }
  if (methods.size > 0 && !methods.has(method)) return `of other methods (${method})`;
  return undefined;
}

/** Counts what the filters left out, by reason, for one note each. */
function leftOutNote(counts: Map<string, number>): string[] {
  return [...counts].map(([reason, n]) => `left out ${n} entr${n === 1 ? 'y' : 'ies'} ${reason}`);
}

/** The requests of a HAR file's text (see the module comment). */
export function importHar(text: string, file: string, filters: HarFilters): ImportedSource {
  const har = parseJsonInput(text, file, harSchema, 'HAR file');
  const requests: ImportedRequest[] = [];
  const notes: string[] = [];
  const leftOut = new Map<string, number>();
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
    const method = entry.request.method.toUpperCase();
    const reason = leftOutBy(url, method, filters.hosts, methods);
    if (reason !== undefined) {
      leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
      continue;
    }
    requests.push({
      method,
      origin: url.origin,
      path: url.pathname,
      query: [...url.searchParams],
      headers: entry.request.headers.map((h) => [h.name, h.value] as const),
      body: bodyOf(entry.request.postData),
      source,
    });
  }
  return { requests, notes: [...notes, ...leftOutNote(leftOut)] };
}
