/**
 * `--capture DIR`: traffic becomes a case library. Each distinct request
 * (its endpoint as the comparison names it: method, path template and, on
 * an RPC API, the operation the call names; and its body shape: the JSON
 * skeleton, or the body's kind) is kept once, as the importers' common request shape
 * (`io/import/types.ts`), so the importers' builder writes it: credentials
 * dropped and scrubbed, queries kept as sent, the YAML checked against the
 * case schema. Each client's requests are also kept in order (bounded): a
 * client whose requests carry values between them (a token issued, then
 * used) is a session, written as a flow with captures (`io/import/session.ts`).
 * Pure; bounded in memory.
 */

import type { SideOutcome } from '../../contract/model/exchange.js';
import { isJsonType } from '../import/body.js';
import type { ImportedBody, ImportedRequest, ImportedSource } from '../import/types.js';
import { endpointOfRequest, splitTarget } from './case-of.js';
import type { TrafficRequest } from './traffic.js';

/** At most this many distinct requests, clients followed, and requests per client. */
export const CAPTURE_LIMITS = { distinct: 1000, clients: 50, perClient: 50 } as const;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function bodyOf(bytes: Uint8Array): ImportedBody {
  if (bytes.byteLength === 0) return { kind: 'none' };
  try {
    return { kind: 'text', text: UTF8.decode(bytes) };
  } catch {
    return { kind: 'bytes', bytes };
  }
}

/** A JSON value's skeleton: member names and value types, the first element of a list. */
function skeleton(value: unknown, depth = 0): string {
  if (depth > 16) return '…';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.length === 0 ? '' : skeleton(value[0], depth + 1)}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const members = keys.map(
      (key) => `${key}:${skeleton((value as Record<string, unknown>)[key], depth + 1)}`,
    );
    return `{${members.join(',')}}`;
  }
  return typeof value;
}

/** What tells two bodies of one endpoint apart: their JSON skeleton, or their kind. */
export function bodyShape(request: TrafficRequest): string {
  const body = bodyOf(request.body);
  if (body.kind !== 'text') return body.kind;
  const type = request.headers.find(([n]) => n === 'content-type')?.[1];
  if (!isJsonType(type)) return 'text';
  try {
    return skeleton(JSON.parse(body.text));
  } catch {
    return 'invalid-json';
  }
}

/** The answer's JSON, for the session builder's captures. */
function responseOf(answer: SideOutcome | undefined): ImportedRequest['response'] {
  if (answer?.outcome !== 'response') return undefined;
  const { status, headers, body } = answer.response;
  return {
    status,
    headers: Object.entries(headers),
    ...(body.kind === 'json' ? { json: body.value } : {}),
  };
}

function importedOf(
  request: TrafficRequest,
  n: number,
  answer: SideOutcome | undefined,
): ImportedRequest {
  const { path, query } = splitTarget(request.target);
  return {
    method: request.method,
    origin: undefined,
    path,
    query: query === undefined ? [] : [...new URLSearchParams(query)],
    rawQuery: query,
    headers: request.headers,
    body: bodyOf(request.body),
    source: `request ${n} of the traffic`,
    response: responseOf(answer),
  };
}

export interface Capture {
  /** Takes the `n`th request mirrored and the baseline's answer to it. */
  add(request: TrafficRequest, n: number, answer: SideOutcome | undefined): void;
  /** The distinct requests, as an import's source. */
  distinct(): ImportedSource;
  /** Each client's requests in order, as a session source (the builder decides whether it is one). */
  sessions(): ImportedSource[];
}

export function createCapture(): Capture {
  const seen = new Map<string, ImportedRequest>();
  // Each client's requests with their place in the traffic: compared out of order, written in order.
  const clients = new Map<string, { n: number; request: ImportedRequest }[]>();
  let skipped = 0;
  return {
    add(request, n, answer) {
      const imported = importedOf(request, n, answer);
      const key = `${endpointOfRequest(request)} ${bodyShape(request)}`;
      if (!seen.has(key)) {
        if (seen.size < CAPTURE_LIMITS.distinct) seen.set(key, imported);
        else skipped++;
      }
      const client = request.client ?? '';
      let list = clients.get(client);
      if (list === undefined && clients.size < CAPTURE_LIMITS.clients) {
        list = [];
        clients.set(client, list);
      }
      if (list !== undefined && list.length < CAPTURE_LIMITS.perClient)
        list.push({ n, request: imported });
    },
    distinct: () => ({
      requests: [...seen.values()],
      notes:
        skipped === 0
          ? []
          : [
              `${skipped} distinct request(s) past the first ${CAPTURE_LIMITS.distinct} were not captured`,
            ],
    }),
    sessions: () =>
      [...clients.values()].map((list) => ({
        requests: [...list].sort((a, b) => a.n - b.n).map((item) => item.request),
        session: true,
        notes: [],
      })),
  };
}
