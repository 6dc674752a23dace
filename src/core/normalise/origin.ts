/**
 * Each target's own address, normalised per side before comparison. A
 * server writes where it lives into its answers (tarball URLs, `Location`,
 * `Link`, self links): the baseline writes `http://127.0.0.1:3100/…`, the
 * candidate `http://127.0.0.1:4110/…`, and that is no divergence. In each
 * side's answer, that side's own `scheme://host:port`, its `host:port`, and
 * their URL-encoded forms become `{{origin}}` (header values and body
 * strings; JSON and XML values, text bodies), and a JSON or XML value that is
 * the side's own listening port alone (`"port": 3100`, a port of 1024 or
 * more) becomes `{{port}}`: each server names where it listens. Only a side's own address is
 * replaced, and only as a whole (`:3100` is not the start of `:31001`): a
 * candidate that writes the baseline's address, another host or another
 * path still differs. A target on a loopback address (`127.0.0.1`,
 * `localhost`, `[::1]`) is the same machine under each of those names: a
 * server that writes the name it knows itself by (`http://localhost:3100`
 * where the client asked `127.0.0.1:3100`) names its own address, with its
 * own port; another port, or a host that is not loopback, still differs.
 * Where it was done is kept, for the reports. Pure.
 */
import type {
  Exchange,
  Response,
  ResponseBody,
  SideOutcome,
} from '../../contract/model/exchange.js';
import { linkPointer, type PointerLink, pointerOf } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';

/** What a target's own address is replaced by. */
export const ORIGIN_TOKEN = '{{origin}}';

/** How one target's address may be written, longest first, as one matcher. */
export interface OriginForms {
  readonly pattern: RegExp;
  /**
   * Text every form holds (the port, or the host): a text without it holds
   * no form, which `includes` tells far faster than the matcher (every
   * answer's headers and body text are looked at).
   */
  readonly needle: string;
  /**
   * The target's own listening port, when its URL names one of 1024 or more:
   * a body value that is that port alone (`"port": 3100`) is the side's own
   * too, compared as `{{port}}`.
   */
  readonly port?: number;
}

/** What a value that is the target's own listening port alone is replaced by. */
export const PORT_TOKEN = '{{port}}';

/** The lowest port read as a side's own: well-known ports (80, 443) are too often data. */
const LOWEST_OWN_PORT = 1024;

/** The longest text found in every one of `forms` ('' when they share none). */
export function sharedPart(forms: readonly string[]): string {
  const [shortest = ''] = [...forms].sort((a, b) => a.length - b.length);
  for (let length = shortest.length; length > 0; length--) {
    for (let start = 0; start + length <= shortest.length; start++) {
      const part = shortest.slice(start, start + length);
      if (forms.every((form) => form.includes(part))) return part;
    }
  }
  return '';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names of the loopback interface: one machine, whichever a server writes. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether `hostname` (as `URL` spells it) names the loopback interface. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * The hosts `parsed` may be written with: its own, and where it is a
 * loopback address with a port, every name of the loopback interface (a
 * server bound to `127.0.0.1` often writes `localhost`).
 */
function hostsOf(parsed: URL): string[] {
  if (parsed.port === '' || !isLoopback(parsed.hostname)) return [parsed.host];
  return [...new Set([parsed.hostname, ...LOOPBACK_NAMES])].map((name) => `${name}:${parsed.port}`);
}

/**
 * The forms of `url`'s origin: `http://host:port`, `host:port`, and both
 * URL-encoded (`http%3A%2F%2Fhost%3Aport`), matched whole: not after a host
 * or scheme character, not before another digit of a port. A loopback host
 * with a port is written under each loopback name (`hostsOf`).
 */
export function originForms(url: string): OriginForms | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.host === '') return undefined;
  const forms = hostsOf(parsed).flatMap((host) => [`${parsed.protocol}//${host}`, host]);
  const encoded = forms.map((form) => encodeURIComponent(form));
  const all = [...new Set([...forms, ...encoded, ...encoded.map((e) => e.toLowerCase())])].sort(
    (a, b) => b.length - a.length,
  );
  // A digit may not follow a port (`:3100` in `:31001`), nor a name go on (`host` in `host.evil`).
  const after = parsed.port === '' ? '(?![\\w.-])' : '(?!\\d)';
  const port = parsed.port === '' ? undefined : Number(parsed.port);
  return {
    pattern: new RegExp(`(?<![\\w.%-])(?:${all.map(escapeRegExp).join('|')})${after}`, 'g'),
    needle: sharedPart(all),
    ...(port === undefined || port < LOWEST_OWN_PORT ? {} : { port }),
  };
}

/** `text` with the side's own address replaced; undefined when it holds none. */
function replaced(text: string, forms: OriginForms): string | undefined {
  if (text.length < 3 || !text.includes(forms.needle)) return undefined;
  forms.pattern.lastIndex = 0;
  if (!forms.pattern.test(text)) return undefined;
  forms.pattern.lastIndex = 0;
  return text.replace(forms.pattern, ORIGIN_TOKEN);
}

/** True for a value that is the side's own listening port alone: a number, or its digits. */
function isOwnPort(value: unknown, forms: OriginForms): boolean {
  const { port } = forms;
  if (port === undefined) return false;
  return value === port || value === String(port);
}

/**
 * A JSON-like value with each leaf replaced by what `leaf` returns for it
 * (the leaf itself to keep it), at its place (`path`, spelled only where
 * `leaf` asks: `pointerOf`). Copies are made only where something changed.
 */
export function mapLeaves(
  value: unknown,
  path: PointerLink | undefined,
  leaf: (value: unknown, path: PointerLink | undefined) => unknown,
): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = mapLeaves(item, linkPointer(path, i), leaf);
      if (next === item) continue;
      out ??= [...value];
      out[i] = next;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object' && !isExactNumber(value)) {
    let out: Record<string, unknown> | undefined;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const next = mapLeaves(item, linkPointer(path, key), leaf);
      if (next === item) continue;
      out ??= { ...value };
      out[key] = next;
    }
    return out ?? value;
  }
  return leaf(value, path);
}

/**
 * A JSON-like value with its strings normalised; `places` gets each pointer
 * changed (spelled only where one is).
 */
function walk(
  value: unknown,
  forms: OriginForms,
  path: PointerLink | undefined,
  places: string[],
): unknown {
  return mapLeaves(value, path, (leaf, at) => {
    if (isOwnPort(leaf, forms)) {
      const pointer = pointerOf(at);
      places.push(pointer === '' ? '/' : pointer);
      return PORT_TOKEN;
    }
    if (typeof leaf !== 'string') return leaf;
    const out = replaced(leaf, forms);
    if (out === undefined) return leaf;
    const pointer = pointerOf(at);
    places.push(pointer === '' ? '/' : pointer);
    return out;
  });
}

/**
 * Whether a JSON body's own text shows that no string in it holds the
 * address: with no escape in the text, every string of the value is a run of
 * the text between quotes, where the address would match too (a quote passes
 * both of the matcher's boundaries as the string's own ends do).
 */
function clearOf(text: string | undefined, forms: OriginForms): boolean {
  if (text === undefined || text.includes('\\')) return false;
  if (!text.includes(forms.needle)) return true;
  forms.pattern.lastIndex = 0;
  const found = forms.pattern.test(text);
  forms.pattern.lastIndex = 0;
  return !found;
}

function body(input: ResponseBody, forms: OriginForms, places: string[]): ResponseBody {
  if (
    input.kind === 'json' &&
    clearOf(input.text, forms) &&
    (forms.port === undefined || !input.text?.includes(String(forms.port)))
  ) {
    return input;
  }
  if (isTreeBody(input)) {
    const value = walk(input.value, forms, undefined, places);
    // The wire text still holds the raw address: dropped, so no wire note is made up from it.
    return value === input.value ? input : treeWithValue(input, value);
  }
  if (input.kind === 'text') {
    const text = replaced(input.text, forms);
    if (text === undefined) return input;
    places.push('body');
    return { kind: 'text', text };
  }
  return input;
}

function response(input: Response, forms: OriginForms, places: string[]): Response {
  let headers: Record<string, string> | undefined;
  // `for…in`, not `Object.entries`: no array per header on every answer.
  for (const name in input.headers) {
    const out = replaced(input.headers[name] ?? '', forms);
    if (out === undefined) continue;
    headers ??= { ...input.headers };
    headers[name] = out;
    places.push(`header ${name}`);
  }
  const normalisedBody = body(input.body, forms, places);
  if (headers === undefined && normalisedBody === input.body) return input;
  return { ...input, headers: headers ?? input.headers, body: normalisedBody };
}

function side(input: SideOutcome, forms: OriginForms | undefined, places: string[]): SideOutcome {
  if (forms === undefined || input.outcome !== 'response') return input;
  const out = response(input.response, forms, places);
  return out === input.response ? input : { outcome: 'response', response: out };
}

/** Each side's own address, as `originForms` gives it (undefined: not normalised). */
export interface Origins {
  readonly baseline: OriginForms | undefined;
  readonly candidate: OriginForms | undefined;
  /** The `--noise` replica's (its own instance's, or the baseline's when it is the baseline again). */
  readonly replica?: OriginForms | undefined;
}

/**
 * The exchange with each side's own address as `{{origin}}` (the replica is
 * the baseline's), and `origin` listing where it was found on either side.
 */
export function normaliseOrigins(exchange: Exchange, origins: Origins): Exchange {
  const places: string[] = [];
  const baseline = side(exchange.baseline, origins.baseline, places);
  const candidate = side(exchange.candidate, origins.candidate, places);
  const replica =
    exchange.replica === undefined
      ? undefined
      : side(exchange.replica, origins.replica ?? origins.baseline, []);
  if (places.length === 0) return exchange;
  return {
    ...exchange,
    baseline,
    candidate,
    ...(replica === undefined ? {} : { replica }),
    origin: [...new Set(places)],
  };
}
