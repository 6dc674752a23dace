/**
 * A session (a curl script or a HAR in which a request reads or writes what
 * an earlier one wrote, or sends a value an earlier answer produced) → one
 * flow per origin, its steps in source order, so that `parity run` replays
 * it in that order and each target uses its own ids and tokens. Independent
 * requests stay plain cases, grouped by path prefix.
 *
 * Captures are inferred: a value an earlier answer produced (a JSON member,
 * `Location`, `ETag`, a cookie; for curl, a `NAME=$(curl … | jq -r .a.b)`
 * variable) that a later request sends again (a path segment, a query value,
 * a header value or its token after `Bearer `, a cookie, a JSON body member)
 * becomes `{{name}}` there and a capture of the step that produced it. A
 * value the client sent before any answer held it is the client's own, never
 * a capture. A capture that a credential header uses, or that comes from a
 * cookie or a member named like a credential, is secret. Literal credentials
 * are dropped, as for any import. Pure.
 */

import { isWriteMethod, METHOD_TOKEN, type Pairs } from '../../contract/model/case.js';
import { isCredentialName } from '../../core/redact/credential-names.js';
import { resourceOf } from '../cases/races.js';
import { caseBody } from './body.js';
import { withoutCredentials } from './body-credentials.js';
import { contentTypeOf, droppedSecrets, headerFate, keptHeaders } from './headers.js';
import { requestSlug, slugify, uniqueIds } from './ids.js';
import { caseQuery } from './query.js';
import type {
  CaptureModel,
  CaseFileModel,
  ImportedRequest,
  ImportedSource,
  RequestModel,
  StepModel,
} from './types.js';

/** A value an answer produced, and how its step captures it. */
interface Produced {
  readonly name: string;
  readonly capture: CaptureModel;
  /** The step (index in the flow) that captures it. */
  readonly step: number;
  readonly secret: boolean;
}

/** Members looked at per JSON answer, at most, and how deep. */
const MAX_LEAVES = 5000;
const MAX_DEPTH = 32;

/** Keys whose values are identities however short (`id: 7`, `rev: "1-a"`). */
const ID_KEY =
  /(?:^|[_-])(?:id|uuid|guid|rev|etag|token|key|slug|ref|handle)$|[a-z0-9](?:Id|ID|Uuid|Token|Key)$/;

/** Whether `value` under `key` is specific enough to be recognised when a later request sends it. */
function distinctive(value: unknown, key: string | undefined): value is string | number {
  const idLike = key !== undefined && ID_KEY.test(key);
  if (typeof value === 'number')
    return Number.isInteger(value) && (idLike || Math.abs(value) >= 100);
  if (typeof value !== 'string' || value.trim() !== value || value === '') return false;
  return value.length >= 6 || (idLike && value.length >= 1);
}

/** A variable name from a key: `_rev` → `rev`, `x-auth-token` → `x_auth_token`. */
function variableName(key: string): string {
  const name = key
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'v_$1');
  return name === '' ? 'value' : name;
}

const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The distinctive leaves of a JSON answer with their pointers and keys. */
function leaves(
  value: unknown,
): { pointer: string; key: string | undefined; value: string | number }[] {
  const out: { pointer: string; key: string | undefined; value: string | number }[] = [];
  const walk = (node: unknown, pointer: string, key: string | undefined, depth: number): void => {
    if (out.length >= MAX_LEAVES || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${pointer}/${i}`, key, depth + 1);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node))
        walk(v, `${pointer}/${pointerToken(k)}`, k, depth + 1);
    } else if (distinctive(node, key)) {
      out.push({ pointer, key, value: node });
    }
  };
  walk(value, '', undefined, 0);
  return out;
}

/** What the flow being built knows: values produced so far, names taken, captures used. */
class Inference {
  readonly produced = new Map<string, Produced>();
  /** Values the client sent before any answer held them: its own. */
  readonly sent = new Set<string>();
  readonly names = new Set<string>();
  /** Per step: the captures later steps use. */
  readonly captures = new Map<number, Map<string, CaptureModel>>();

  name(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.names.has(name); n++) name = `${wanted}_${n}`;
    this.names.add(name);
    return name;
  }

  produce(
    value: string,
    step: number,
    what: { key: string; capture: CaptureModel; secret: boolean },
  ) {
    if (this.sent.has(value)) return;
    const before = this.produced.get(value);
    // The latest answer that holds a value is the one to take it from (a refreshed token).
    if (before !== undefined && before.step === step) return;
    const name = this.name(variableName(what.key));
    this.produced.set(value, { name, capture: what.capture, step, secret: what.secret });
  }

  /** `{{name}}` for a value produced by an earlier step (recording the capture), else undefined. */
  use(value: string, step: number, secret = false): string | undefined {
    const produced = this.produced.get(value);
    if (produced === undefined || produced.step >= step) return undefined;
    const captures = this.captures.get(produced.step) ?? new Map<string, CaptureModel>();
    const capture: CaptureModel =
      secret || produced.secret ? { ...produced.capture, secret: true } : produced.capture;
    const before = captures.get(produced.name);
    captures.set(produced.name, before?.secret === true ? before : capture);
    this.captures.set(produced.step, captures);
    return `{{${produced.name}}}`;
  }
}

const BEARER = /^(Bearer|Token|JWT)\s+(\S+)$/i;

/** A header value with produced values templated (the whole value, a token, a cookie pair). */
function templatedHeader(
  name: string,
  value: string,
  step: number,
  inference: Inference,
): string | undefined {
  const credential = headerFate(name) === 'secret';
  const whole = inference.use(value, step, credential);
  if (whole !== undefined) return whole;
  const bearer = BEARER.exec(value);
  if (bearer !== null) {
    const token = inference.use(bearer[2] ?? '', step, true);
    if (token !== undefined) return `${bearer[1]} ${token}`;
  }
  if (name.toLowerCase() === 'cookie') {
    // Only the pairs an answer set are kept: the others are credentials sent as they were.
    const pairs = value.split(/;\s*/).flatMap((pair) => {
      const eq = pair.indexOf('=');
      const used = eq === -1 ? undefined : inference.use(pair.slice(eq + 1), step, true);
      return used === undefined ? [] : [`${pair.slice(0, eq)}=${used}`];
    });
    return pairs.length === 0 ? undefined : pairs.join('; ');
  }
  return undefined;
}

/** JSON leaves equal to a produced value become `"{{name}}"` (a typed value when sent). */
function templatedJson(node: unknown, step: number, inference: Inference, depth = 0): unknown {
  if (depth > MAX_DEPTH) return node;
  if (Array.isArray(node))
    return node.map((item) => templatedJson(item, step, inference, depth + 1));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, templatedJson(v, step, inference, depth + 1)]),
    );
  }
  if (typeof node === 'string' || typeof node === 'number') {
    return inference.use(String(node), step) ?? node;
  }
  return node;
}

/** Every distinctive value a request sends (so that a later answer echoing it is no capture). */
function sentValues(request: ImportedRequest): string[] {
  const out = request.path.split('/').filter((s) => s !== '');
  for (const [, value] of request.query) out.push(value);
  for (const [, value] of request.headers) out.push(value, ...(BEARER.exec(value)?.slice(2) ?? []));
  if (request.body.kind === 'text') {
    try {
      for (const leaf of leaves(JSON.parse(request.body.text))) out.push(String(leaf.value));
    } catch {
      // Not JSON: its values are not looked for.
    }
  }
  return out;
}

/** What the answer of step `step` produced (HAR answers; curl `$(…)` variables). */
function harvest(request: ImportedRequest, step: number, inference: Inference): void {
  for (const [variable, capture] of Object.entries(request.captures ?? {})) {
    inference.produced.set(`$${variable}`, {
      name: variable,
      capture,
      step,
      secret: capture.secret === true,
    });
    inference.names.add(variable);
  }
  const { response } = request;
  if (response === undefined) return;
  for (const [name, value] of response.headers) {
    const lower = name.toLowerCase();
    if (lower === 'location' || lower === 'etag' || lower === 'content-location') {
      inference.produce(value, step, { key: lower, capture: { header: lower }, secret: false });
    } else if (lower === 'set-cookie') {
      const [pair = ''] = value.split(';', 1);
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const cookie = pair.slice(0, eq).trim();
      const escaped = cookie.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      inference.produce(pair.slice(eq + 1), step, {
        key: cookie,
        capture: { header: 'set-cookie', regex: `(?:^|[;,]\\s*)${escaped}=([^;,]*)` },
        secret: true,
      });
    } else if (isCredentialName(lower) && value.length >= 6) {
      inference.produce(value, step, { key: lower, capture: { header: lower }, secret: true });
    }
  }
  if (response.json === undefined) return;
  for (const leaf of leaves(response.json)) {
    const key = leaf.key ?? 'value';
    const secret = isCredentialName(key);
    inference.produce(String(leaf.value), step, {
      key,
      capture: { json: leaf.pointer || '/' },
      secret,
    });
  }
}

/** `$NAME` and `${NAME}` of curl variables this flow captured, as `{{NAME}}`. */
function shellVariables(text: string, step: number, inference: Inference): string {
  return text.replace(/\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (match, braced, bare) => {
    const name = String(braced ?? bare);
    return inference.use(`$${name}`, step, false) ?? match;
  });
}

/** The request with every produced value it sends templated. */
function templated(request: ImportedRequest, step: number, inference: Inference): ImportedRequest {
  const shell = (text: string) => shellVariables(text, step, inference);
  const segments = request.path.split('/').map((segment) => {
    if (segment === '') return segment;
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // A segment that does not decode is compared as written.
    }
    return inference.use(decoded, step) ?? shell(segment);
  });
  const location = locationOf(request, step, inference);
  let queryChanged = false;
  const query: Pairs = request.query.map(([name, value]) => {
    const used = inference.use(value, step) ?? shell(value);
    if (used !== value) queryChanged = true;
    return [name, used];
  });
  const headers: Pairs = request.headers.map(([name, value]) => [
    name,
    templatedHeader(name, value, step, inference) ?? shell(value),
  ]);
  return {
    ...request,
    path: location ?? segments.join('/'),
    query: location !== undefined ? [] : query,
    ...(queryChanged || location !== undefined ? { rawQuery: undefined } : {}),
    headers,
    body: templatedBody(request, step, inference),
  };
}

/** `{{location}}` when the request goes where an earlier `Location` pointed. */
function locationOf(
  request: ImportedRequest,
  step: number,
  inference: Inference,
): string | undefined {
  const search = request.rawQuery === undefined ? '' : `?${request.rawQuery}`;
  for (const [value, produced] of inference.produced) {
    if (produced.capture.header !== 'location' || produced.step >= step) continue;
    let target: URL;
    try {
      target = new URL(value, request.origin ?? 'http://parity.invalid');
    } catch {
      continue;
    }
    if (target.pathname === request.path && target.search === search && value !== request.path) {
      return inference.use(value, step);
    }
  }
  return undefined;
}

function templatedBody(request: ImportedRequest, step: number, inference: Inference) {
  const { body } = request;
  if (body.kind !== 'text') return body;
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    const text = shellVariables(body.text, step, inference);
    return text === body.text ? body : { kind: 'text' as const, text };
  }
  const shelled = shellVariables(body.text, step, inference);
  if (shelled !== body.text) return { kind: 'text' as const, text: shelled };
  const after = templatedJson(value, step, inference);
  return JSON.stringify(after) === JSON.stringify(value)
    ? body
    : { kind: 'json' as const, value: after };
}

/** The step's request as a case writes it: literal credentials dropped, templated ones kept. */
function stepRequest(request: ImportedRequest): RequestModel {
  const query = caseQuery(request);
  const templatedCredentials = request.headers
    .filter(([name, value]) => headerFate(name) === 'secret' && value.includes('{{'))
    .map(([name, value]): [string, string] => [name.toLowerCase(), value]);
  const headers = [
    ...keptHeaders(request.headers, request.headersWritten === true),
    ...templatedCredentials,
  ];
  const type = contentTypeOf(request.headers);
  const { body } = withoutCredentials(caseBody(request.body, type), type);
  return {
    method: request.method,
    path: request.path + query.inPath,
    ...(query.map === undefined || Object.keys(query.map).length === 0 ? {} : { query: query.map }),
    ...(headers.length === 0 ? {} : { headers: Object.fromEntries(headers) }),
    ...body,
  };
}

const sendable = (method: string): boolean =>
  METHOD_TOKEN.test(method) && method.toUpperCase() !== 'CONNECT';

/** `/a/b/c` → `/a`, `/a/b`: the text before each `/` but the first. */
function slashPrefixes(path: string): string[] {
  const out: string[] = [];
  for (let at = path.indexOf('/', 1); at !== -1; at = path.indexOf('/', at + 1)) {
    out.push(path.slice(0, at));
  }
  return out;
}

/**
 * True when a write is followed by a request whose resource `overlaps` its
 * own (the same, under it, or above it). One pass from the end, with the
 * resources seen later and every prefix of theirs in sets: linear in the
 * requests (a pair-by-pair check took 11 s for 8,000 POSTs, and 60,000 never ended).
 */
function wroteThenTouched(requests: readonly ImportedRequest[]): boolean {
  const later = new Set<string>();
  const laterPrefixes = new Set<string>();
  for (let i = requests.length - 1; i >= 0; i--) {
    const request = requests[i];
    if (request === undefined) continue;
    const resource = resourceOf(request.path);
    const prefixes = slashPrefixes(resource);
    if (isWriteMethod(request.method) && resource !== '/' && resource !== '') {
      if (later.has(resource) || laterPrefixes.has(resource)) return true;
      if (prefixes.some((prefix) => prefix !== '/' && later.has(prefix))) return true;
    }
    later.add(resource);
    for (const prefix of prefixes) laterPrefixes.add(prefix);
  }
  return false;
}

/**
 * True when `source` is a session that a flow must replay: a curl variable
 * set from an answer, or a write whose order matters (a later request reads
 * or writes the same resource, or sends a value an earlier answer produced).
 * Requests that only read stay plain cases, compared each on its own.
 */
export function isSession(source: ImportedSource): boolean {
  if (source.session !== true || source.requests.length < 2) return false;
  const { requests } = source;
  if (requests.some((r) => r.captures !== undefined)) return true;
  if (!requests.some((r) => isWriteMethod(r.method))) return false;
  if (wroteThenTouched(requests)) return true;
  const inference = new Inference();
  return requests.some((request, step) => {
    const carried =
      inference.produced.size > 0 &&
      JSON.stringify(templated(request, step, inference)) !== JSON.stringify(request);
    for (const value of sentValues(request)) inference.sent.add(value);
    harvest(request, step, inference);
    return carried;
  });
}

/** The flows of a session, one file per origin (see the module comment). */
export function sessionFiles(source: ImportedSource, notes: string[]): CaseFileModel[] {
  const byOrigin = new Map<string, ImportedRequest[]>();
  for (const request of source.requests) {
    if (request.body.kind === 'binary' || !sendable(request.method)) {
      notes.push(
        `skipped ${request.source}: it cannot be a step (a binary body, or method ${request.method})`,
      );
      continue;
    }
    const origin = request.origin ?? '';
    byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), request]);
  }
  const dropped = new Set<string>();
  const files = [...byOrigin].map(([origin, requests], index): CaseFileModel => {
    const inference = new Inference();
    const ids = uniqueIds();
    const steps: StepModel[] = requests.map((request, step) => {
      const sent = templated(request, step, inference);
      for (const value of sentValues(sent)) if (!value.includes('{{')) inference.sent.add(value);
      harvest(request, step, inference);
      for (const name of droppedSecrets(sent.headers.filter(([, v]) => !v.includes('{{')))) {
        dropped.add(name);
      }
      return {
        id: ids(slugify(request.name ?? '') || requestSlug(request.method, request.path)),
        comments: [`from ${request.source}`],
        request: stepRequest(sent),
      };
    });
    const withCaptures = steps.map((step, i) => {
      const captures = inference.captures.get(i);
      return captures === undefined ? step : { ...step, capture: Object.fromEntries(captures) };
    });
    const suite =
      byOrigin.size === 1
        ? 'session'
        : `session-${slugify(new URL(origin || 'http://x').host) || index + 1}`;
    return {
      name: `${suite}.yaml`,
      suite,
      origin: origin === '' ? undefined : origin,
      cases: [],
      flow: {
        id: 'flow',
        comments: [
          `the session${origin === '' ? '' : ` sent to ${origin}`}, in source order: ${requests.length} request(s) as one flow`,
        ],
        steps: withCaptures,
        sideEffects: requests.some((r) => isWriteMethod(r.method)),
      },
    };
  });
  if (dropped.size > 0) {
    notes.push(
      `dropped credentials no answer of the session issued (${[...dropped].sort().join(', ')}): set them per target in parity.config.yaml, e.g. targets.<name>.headers: { authorization: "Bearer \${env:TOKEN}" }`,
    );
  }
  return files;
}
