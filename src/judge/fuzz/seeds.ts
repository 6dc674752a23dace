/**
 * Seeds: the cases fuzzing starts from, each turned into the request it sends
 * (with the content type the plan would add written out, so mutations and
 * written cases keep it) and the facts its mutations draw on: the nodes of a
 * JSON body, the query keys its endpoint is known to take. Pure.
 */

import type { Case, Pairs } from '../../contract/model/case.js';
import { requestEndpoint } from '../../core/compare/endpoint.js';
import { docOf, type Located, nodesOf } from './doc.js';
import type { FuzzBody, FuzzRequest } from './request.js';

export interface Seed {
  readonly case: Case;
  /** `METHOD /path` with ids as `:id`: root causes are keyed on the seed's endpoint, not a mutated path. */
  readonly endpoint: string;
  /** What the seed sends, as a fuzz request. */
  readonly request: FuzzRequest;
  /** The nodes of a JSON body, parents first (empty without one). */
  readonly nodes: readonly Located[];
  /** Query keys the seeds of this endpoint use, for `query-extra`. */
  readonly queryKeys: readonly string[];
}

const isJsonType = (type: string | undefined) =>
  type !== undefined && /^application\/([^;]*\+)?json\s*(;|$)/i.test(type.trim());

function contentType(headers: Pairs): string | undefined {
  return headers.find(([name]) => name === 'content-type')?.[1];
}

function withType(headers: Pairs, type: string): Pairs {
  return contentType(headers) === undefined ? [...headers, ['content-type', type]] : headers;
}

/** The seed's body and headers as sent (a JSON text under a JSON content type becomes a document). */
function bodyOf(testCase: Case): { body: FuzzBody; headers: Pairs } {
  const { body, headers } = testCase.request;
  switch (body.kind) {
    case 'none':
      return { body, headers };
    case 'json':
      return {
        body: { kind: 'json', doc: docOf(body.value) },
        headers: withType(headers, 'application/json'),
      };
    case 'text': {
      const typed = withType(headers, 'text/plain; charset=utf-8');
      if (isJsonType(contentType(typed))) {
        try {
          return { body: { kind: 'json', doc: docOf(JSON.parse(body.text)) }, headers: typed };
        } catch {
          // Not JSON (a seed of a malformed body): mutated as bytes.
        }
      }
      return { body: { kind: 'bytes', bytes: Buffer.from(body.text, 'utf8') }, headers: typed };
    }
    case 'bytes':
      return { body, headers: withType(headers, 'application/octet-stream') };
    default: {
      const never: never = body;
      throw new Error(`unknown body ${String(never)}`);
    }
  }
}

/** The seeds of `cases`, in order, with each endpoint's query keys shared among its seeds. */
export function seedsOf(cases: readonly Case[]): Seed[] {
  const keysByEndpoint = new Map<string, Set<string>>();
  const endpoints = cases.map((c) => requestEndpoint(c.request));
  cases.forEach((c, i) => {
    const endpoint = endpoints[i] ?? '';
    const keys = keysByEndpoint.get(endpoint) ?? new Set<string>();
    keysByEndpoint.set(endpoint, keys);
    for (const [name] of c.request.query) keys.add(name);
  });
  return cases.map((testCase, i) => {
    const endpoint = endpoints[i] ?? '';
    const { body, headers } = bodyOf(testCase);
    const { method, path, query } = testCase.request;
    return {
      case: testCase,
      endpoint,
      request: { method, path, query, headers, body },
      nodes: body.kind === 'json' ? nodesOf(body.doc.root) : [],
      queryKeys: [...(keysByEndpoint.get(endpoint) ?? [])],
    };
  });
}
