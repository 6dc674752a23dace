/**
 * A side's runtime from what its answers show: the `Server` and
 * `X-Powered-By` headers, and error texts only one runtime writes (Go's
 * `json: cannot unmarshal`, serde's ``missing field `x` ``, Pydantic's
 * `Field required`, Jackson's `Cannot deserialize value of type`, Express's
 * `Cannot GET /x`, protojson's `proto: (line 1:9)`, a gRPC gateway's
 * `google.rpc.Status` `{"code", "message", "details"}`). Pure.
 */

import type { Response } from '../../contract/model/exchange.js';
import type { KnownRuntime } from '../../contract/report.js';
import type { Runtime } from '../../contract/vocabulary.js';
import { isJsonObject } from '../normalise/json.js';
import { shorten } from './wording/phrases.js';

const HEADER_SIGNS: readonly (readonly [RegExp, Runtime])[] = [
  [/\bexpress\b/i, 'node'],
  [
    /\b(?:next\.js|fastify|koa|hapi|nestjs|tinyhttp|polka|restify|sails|feathers|loopback)\b/i,
    'node',
  ],
  [
    /\b(?:uvicorn|hypercorn|gunicorn|werkzeug|daphne|simplehttp|basehttp|tornado|waitress)\b/i,
    'python',
  ],
  [/\b(?:jetty|apache-coyote|tomcat|undertow|netty|wildfly)\b/i, 'java'],
  [/\b(?:kestrel|asp\.net|microsoft-iis)\b/i, 'dotnet'],
  [/\b(?:puma|webrick|passenger|unicorn|thin)\b/i, 'ruby'],
  [/\bphp\b/i, 'php'],
  [/\b(?:actix-web|axum|hyper|rocket|warp)\b/i, 'rust'],
  [/\b(?:go-http|caddy|gin|echo|fiber)\b/i, 'go'],
];

const BODY_SIGNS: readonly (readonly [RegExp, Runtime])[] = [
  // protojson's syntax errors (`proto: (line 1:9): invalid value for int64 type`), and
  // a gRPC gateway's `google.rpc.Status` details: before Go's, which a gateway also writes.
  [/\bproto: (?:syntax error )?\(line \d+:\d+\)|type\.googleapis\.com\/google\.rpc\./, 'protobuf'],
  [/json: cannot unmarshal |invalid character '.{1,4}' (?:looking for|after|in )/, 'go'],
  [
    /missing field `[^`]+`|unknown variant `[^`]+`|invalid type: .+, expected |Failed to (?:deserialize the JSON body|parse the request body as JSON)| at line \d+ column \d+$/m,
    'rust',
  ],
  [/Cannot deserialize value of type|Unrecognized field ".+" \(class /, 'java'],
  [/^Field required$|^value is not a valid |^Input should be a valid /m, 'python'],
  [/<pre>Cannot (?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//, 'node'],
];

/** At most this many strings of a JSON error body are read (an error body is small). */
const MAX_STRINGS = 32;

/** The first strings of a JSON value (keys and values, depth first), bounded. */
function strings(value: unknown, out: string[], depth = 0): void {
  if (out.length >= MAX_STRINGS || depth > 8) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value))
    for (const item of value.slice(0, MAX_STRINGS)) strings(item, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value).slice(0, MAX_STRINGS)) {
      out.push(`"${key}"`);
      strings(item, out, depth + 1);
    }
  }
}

function bodyText(response: Response): string | undefined {
  const { body } = response;
  if (body.kind === 'text' || body.kind === 'invalid-json') return body.text.slice(0, 4096);
  if (body.kind !== 'json') return undefined;
  const out: string[] = [];
  strings(body.value, out);
  return out.join('\n');
}

/**
 * A gRPC gateway's error: a `google.rpc.Status` written by the protobuf JSON
 * mapping, exactly `{"code": 3, "message": "…", "details": […]}`.
 */
function isRpcStatus(response: Response): boolean {
  const { body } = response;
  if (body.kind !== 'json' || !isJsonObject(body.value)) return false;
  const { code, message, details } = body.value;
  return (
    Object.keys(body.value).length === 3 &&
    Number.isInteger(code) &&
    typeof message === 'string' &&
    Array.isArray(details)
  );
}

/** The runtime an answer shows, with its evidence, or undefined. */
export function runtimeEvidence(response: Response): KnownRuntime | undefined {
  for (const name of ['server', 'x-powered-by']) {
    const value = response.headers[name];
    if (value === undefined) continue;
    const sign = HEADER_SIGNS.find(([pattern]) => pattern.test(value));
    if (sign !== undefined) return { name: sign[1], from: `header ${name}: ${shorten(value, 40)}` };
  }
  // Error texts: only an answer that is an error says them.
  if (response.status < 400) return undefined;
  if (isRpcStatus(response)) return { name: 'protobuf', from: 'body: google.rpc.Status' };
  const text = bodyText(response);
  if (text === undefined) return undefined;
  for (const [pattern, name] of BODY_SIGNS) {
    const found = pattern.exec(text);
    if (found !== null) return { name, from: `body: ${JSON.stringify(shorten(found[0], 40))}` };
  }
  return undefined;
}
