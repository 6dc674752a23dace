/**
 * curl command lines → imported requests, with curl's own semantics: the
 * method (`-X`, else HEAD for `-I`, POST when there is data, GET), headers
 * (`-H 'Name;'` sends an empty value, `-H 'Name:'` none), data (`-d`/`--data`
 * join with `&` and read `@file`, which an import cannot; `--data-raw` and
 * `--data-binary` as given; `--data-urlencode` encoded; `--json` sets the JSON
 * content type and accept), `-G` (data into the query), `-u` and `-b` (as the
 * credentials they are, dropped later), `-F` (a multipart body). Pure.
 */
import type { Pairs } from '../../model/case.js';
import type { ImportedRequest, ImportedSource } from '../types.js';
import { cmdCommands, looksLikeCmd } from './cmd.js';
import { SWITCH_OPTIONS, shortTakesValue, takesValue, VALUE_OPTIONS } from './options.js';
import { posixCommands } from './posix.js';
import type { ShellCommand } from './words.js';

/** What the options of one command set. */
interface Parsed {
  method: string | undefined;
  urls: string[];
  headers: [string, string][];
  data: { kind: 'form' | 'raw' | 'json'; text: string }[];
  form: string[];
  query: string[];
  get: boolean;
  head: boolean;
  notes: string[];
}

/** `-sSL` → `-s -S -L`; `-XPOST` → `-X POST`; `--data=x` → `--data x`. */
function expand(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (
      word.startsWith('--') &&
      word.includes('=') &&
      takesValue(word.slice(0, word.indexOf('=')))
    ) {
      out.push(word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1));
    } else if (/^-[A-Za-z0-9#]{2,}/.test(word)) {
      let j = 1;
      for (; j < word.length; j++) {
        const letter = word[j] ?? '';
        out.push(`-${letter}`);
        if (shortTakesValue(letter)) break;
      }
      if (j < word.length - 1) out.push(word.slice(j + 1));
    } else {
      out.push(word);
    }
  }
  return out;
}

/** `name=content`, `=content`, `content`, `name@file`, `@file` of `--data-urlencode`. */
function urlencoded(spec: string, notes: string[]): string | undefined {
  const eq = spec.indexOf('=');
  const at = spec.indexOf('@');
  if (at !== -1 && (eq === -1 || at < eq)) {
    notes.push(`--data-urlencode ${spec} reads a file, which an import cannot: left out`);
    return undefined;
  }
  if (eq === -1) return encodeURIComponent(spec);
  const name = spec.slice(0, eq);
  const content = encodeURIComponent(spec.slice(eq + 1));
  return name === '' ? content : `${name}=${content}`;
}

function header(parsed: Parsed, value: string): void {
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  if (colon === -1 && semicolon > 0 && value.slice(semicolon + 1).trim() === '') {
    parsed.headers.push([value.slice(0, semicolon).trim(), '']);
  } else if (colon > 0 && value.slice(colon + 1).trim() !== '') {
    parsed.headers.push([value.slice(0, colon).trim(), value.slice(colon + 1).trim()]);
  } else if (value.startsWith('@')) {
    parsed.notes.push(`-H ${value} reads headers from a file, which an import cannot: left out`);
  }
  // `Name:` with no value removes a header curl would add: nothing to send.
}

/** Reads a file: an import cannot, so the option is left out with a note. */
function fileNote(option: string) {
  return (parsed: Parsed, value: string): boolean => {
    if (!value.startsWith('@')) return false;
    parsed.notes.push(`${option} ${value} reads a file, which an import cannot: left out`);
    return true;
  };
}

const dataFile = fileNote('--data');
const binaryFile = fileNote('--data-binary');

/** How each request-shaping option changes `parsed`. */
const APPLY: Readonly<Record<string, (parsed: Parsed, value: string) => void>> = {
  request: (parsed, value) => {
    parsed.method = value.toUpperCase();
  },
  header,
  data: (parsed, value) => {
    // curl strips the line breaks of -d values (they matter only for files).
    if (!dataFile(parsed, value))
      parsed.data.push({ kind: 'form', text: value.replace(/[\r\n]/g, '') });
  },
  'data-binary': (parsed, value) => {
    if (!binaryFile(parsed, value)) parsed.data.push({ kind: 'raw', text: value });
  },
  'data-raw': (parsed, value) => {
    parsed.data.push({ kind: 'raw', text: value });
  },
  'data-urlencode': (parsed, value) => {
    const encoded = urlencoded(value, parsed.notes);
    if (encoded !== undefined) parsed.data.push({ kind: 'form', text: encoded });
  },
  json: (parsed, value) => {
    parsed.data.push({ kind: 'json', text: value });
  },
  user: (parsed, value) => {
    parsed.headers.push(['Authorization', `Basic ${Buffer.from(value).toString('base64')}`]);
  },
  bearer: (parsed, value) => {
    parsed.headers.push(['Authorization', `Bearer ${value}`]);
  },
  cookie: (parsed, value) => {
    if (value.includes('=')) parsed.headers.push(['Cookie', value]);
    else
      parsed.notes.push(`-b ${value} reads cookies from a file, which an import cannot: left out`);
  },
  'user-agent': (parsed, value) => {
    parsed.headers.push(['User-Agent', value]);
  },
  referer: (parsed, value) => {
    parsed.headers.push(['Referer', value]);
  },
  range: (parsed, value) => {
    parsed.headers.push(['Range', `bytes=${value}`]);
  },
  form: (parsed, value) => {
    parsed.form.push(value);
  },
  'form-string': (parsed, value) => {
    parsed.form.push(value);
  },
  url: (parsed, value) => {
    parsed.urls.push(value);
  },
  'url-query': (parsed, value) => {
    parsed.query.push(value);
  },
  'upload-file': (parsed, value) => {
    parsed.notes.push(`-T ${value} uploads a file, which an import cannot: left out`);
  },
};

/** Reads the options of one command (its first word is `curl`). */
function parseOptions(words: readonly string[]): Parsed {
  const parsed: Parsed = {
    method: undefined,
    urls: [],
    headers: [],
    data: [],
    form: [],
    query: [],
    get: false,
    head: false,
    notes: [],
  };
  const args = expand(words.slice(1));
  let positional = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (positional || !arg.startsWith('-') || arg === '-') {
      parsed.urls.push(arg);
      continue;
    }
    if (arg === '--') {
      positional = true;
      continue;
    }
    const switchKind = SWITCH_OPTIONS[arg];
    if (switchKind === 'get') parsed.get = true;
    else if (switchKind === 'head') parsed.head = true;
    else if (takesValue(arg)) {
      const kind = VALUE_OPTIONS[arg];
      const value = args[++i] ?? '';
      if (kind !== undefined) APPLY[kind]?.(parsed, value);
    }
    // Any other switch (-s, -L, --compressed, -k, …) changes only what curl does with the answer.
  }
  return parsed;
}

const BOUNDARY = '----parity-form-boundary';

/** `-F name=value` fields as a multipart body (a file field `name=@file` cannot be imported). */
function multipart(fields: readonly string[], notes: string[]): string {
  const parts: string[] = [];
  for (const field of fields) {
    const eq = field.indexOf('=');
    const name = eq === -1 ? field : field.slice(0, eq);
    const value = eq === -1 ? '' : field.slice(eq + 1);
    if (value.startsWith('@') || value.startsWith('<')) {
      notes.push(`-F ${field} sends a file, which an import cannot: left out`);
      continue;
    }
    parts.push(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
  }
  return `${parts.join('')}--${BOUNDARY}--\r\n`;
}

function hasHeader(headers: Pairs, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** The body, content type and method curl derives from the data options. */
function bodyOf(parsed: Parsed): { text: string | undefined; type: string | undefined } {
  if (parsed.form.length > 0) {
    return {
      text: multipart(parsed.form, parsed.notes),
      type: `multipart/form-data; boundary=${BOUNDARY}`,
    };
  }
  if (parsed.data.length === 0) return { text: undefined, type: undefined };
  const json = parsed.data.some((d) => d.kind === 'json');
  // --json pieces are concatenated as they are; -d pieces are joined with `&`.
  const text = json
    ? parsed.data.map((d) => d.text).join('')
    : parsed.data.map((d) => d.text).join('&');
  return { text, type: json ? 'application/json' : 'application/x-www-form-urlencoded' };
}

/** `http://` is curl's default scheme; `\[` and friends are curl's URL-glob escapes. */
function parseUrl(text: string): URL | undefined {
  const unglobbed = text.replace(/\\([[\]{}])/g, '$1');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(unglobbed) ? unglobbed : `http://${unglobbed}`;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

function toRequests(command: ShellCommand, index: number, notes: string[]): ImportedRequest[] {
  const source = `curl command ${index + 1} (line ${command.line})`;
  const parsed = parseOptions(command.words);
  const body = bodyOf(parsed);
  notes.push(...parsed.notes.map((note) => `${source}: ${note}`));
  if (parsed.urls.length === 0) {
    notes.push(`skipped ${source}: it names no URL`);
    return [];
  }
  const headers: [string, string][] = [...parsed.headers];
  if (body.type !== undefined && !hasHeader(headers, 'content-type'))
    headers.push(['Content-Type', body.type]);
  if (parsed.data.some((d) => d.kind === 'json') && !hasHeader(headers, 'accept'))
    headers.push(['Accept', 'application/json']);
  const inQuery = parsed.get && body.text !== undefined && parsed.form.length === 0;
  const method =
    parsed.method ??
    (parsed.head ? 'HEAD' : parsed.get ? 'GET' : body.text === undefined ? 'GET' : 'POST');
  return parsed.urls.flatMap((text): ImportedRequest[] => {
    const url = parseUrl(text);
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      notes.push(`skipped ${source}: "${text}" is not an http(s) URL`);
      return [];
    }
    const extra = [...parsed.query, ...(inQuery ? [body.text ?? ''] : [])].join('&');
    const query = [...url.searchParams, ...new URLSearchParams(extra)];
    const sent = inQuery ? headers.filter(([n]) => n.toLowerCase() !== 'content-type') : headers;
    return [
      {
        method,
        origin: url.origin,
        path: url.pathname,
        query,
        headers: sent,
        body:
          inQuery || body.text === undefined ? { kind: 'none' } : { kind: 'text', text: body.text },
        source,
      },
    ];
  });
}

/**
 * Every curl command of `text` (bash or cmd.exe syntax, one or many, as
 * "Copy as cURL" and "Copy all as cURL" write them) as requests; other
 * commands (`jq` after a pipe, `echo`) are left out.
 */
export function importCurl(text: string): ImportedSource {
  const commands = looksLikeCmd(text) ? cmdCommands(text) : posixCommands(text);
  const notes: string[] = [];
  const curls = commands.filter((c) => /^curl(\.exe)?$/i.test(c.words[0] ?? ''));
  const requests = curls.flatMap((command, index) => toRequests(command, index, notes));
  if (curls.length === 0) notes.push('found no curl command');
  return { requests, notes };
}
