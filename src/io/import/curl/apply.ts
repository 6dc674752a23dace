/**
 * curl's options applied to what one command sends: each request-shaping
 * option's effect (`APPLY`), and the reading of a command's words into them
 * (`parseOptions`), with short options glued or bundled as curl allows. Pure.
 */
import {
  AUTH_HELPERS,
  SWITCH_OPTIONS,
  shortTakesValue,
  takesValue,
  UNSUPPORTED_SWITCHES,
  UNSUPPORTED_WITH_VALUE,
  VALUE_OPTIONS,
} from './options.js';

/** What the options of one command set. */
export interface Parsed {
  method: string | undefined;
  urls: string[];
  headers: [string, string][];
  data: { kind: 'form' | 'raw' | 'json'; text: string }[];
  /** `-F` fields; `--form-string` ones are `literal` (a leading `@` or `<` is not a file). */
  form: { field: string; literal: boolean }[];
  query: string[];
  get: boolean;
  head: boolean;
  /** A data option was given (even one whose `@file` was left out): curl then sends POST. */
  sendsData: boolean;
  /** `--json` was given (curl adds its content type and accept). */
  json: boolean;
  /** `-T`: curl sends PUT (the file is left out). */
  upload: boolean;
  /** `--path-as-is`: the path is sent as written (`/../x` is not resolved to `/x`). */
  pathAsIs: boolean;
  /** `-g`: `{}` and `[]` in URLs are letters, not patterns. */
  globoff: boolean;
  /** The script's standard input for the command (a here-document), read by `@-`. */
  stdin?: string | undefined;
  notes: string[];
}

/** `-sSL` → `-s -S -L`; `-XPOST` → `-X POST`; `--data=x` → `--data x`. */
function expand(words: readonly string[]): string[] {
  const out: string[] = [];
  let valueNext = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (valueNext) {
      // The value of the option before, even when it starts with `-` (`-r -500`).
      out.push(word);
      valueNext = false;
      continue;
    }
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
      // `-sX`: the bundle ends with an option whose value is the next word.
      else valueNext = j === word.length - 1 && shortTakesValue(word[j] ?? '');
    } else {
      out.push(word);
      valueNext = word.startsWith('-') && takesValue(word);
    }
  }
  return out;
}

/**
 * curl's `curl_easy_escape`: every byte but A-Z a-z 0-9 - . _ ~ as `%XX`,
 * then (for `--data-urlencode` and `--url-query`) `%20` as `+`.
 */
function curlEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');
}

/**
 * `name=content`, `=content`, `content`, `name@file`, `@file` of
 * `--data-urlencode` (and `--url-query`): as curl reads them, the first `=`
 * ends the name; only without one does an `@` name a file.
 */
function urlencoded(option: string, spec: string, notes: string[]): string | undefined {
  const eq = spec.indexOf('=');
  const at = spec.indexOf('@');
  if (eq === -1 && at !== -1) {
    notes.push(`${option} ${spec} reads a file, which an import cannot: left out`);
    return undefined;
  }
  if (eq === -1) return curlEscape(spec);
  const name = spec.slice(0, eq);
  const content = curlEscape(spec.slice(eq + 1));
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

/**
 * The data an option sends: its value, or for `@file` what the file holds,
 * which an import cannot read (left out with a note, undefined), but for
 * `@-` when the script feeds the command a here-document: that text.
 */
function dataValue(option: string, parsed: Parsed, value: string): string | undefined {
  if (!value.startsWith('@')) return value;
  if (value === '@-' && parsed.stdin !== undefined) return parsed.stdin;
  parsed.notes.push(`${option} ${value} reads a file, which an import cannot: left out`);
  return undefined;
}

/** How each request-shaping option changes `parsed`. */
const APPLY: Readonly<Record<string, (parsed: Parsed, value: string) => void>> = {
  request: (parsed, value) => {
    // curl sends -X as written: `-X post` is `post`, which a server may tell from `POST`.
    parsed.method = value;
  },
  header,
  data: (parsed, value) => {
    parsed.sendsData = true;
    // curl strips line breaks (and NULs) from what -d reads from a file, not from a value it is given.
    const text = dataValue('--data', parsed, value);
    if (text !== undefined) {
      const sent = value.startsWith('@') ? text.replace(/[\r\n\0]/g, '') : text;
      parsed.data.push({ kind: 'form', text: sent });
    }
  },
  'data-binary': (parsed, value) => {
    parsed.sendsData = true;
    const text = dataValue('--data-binary', parsed, value);
    if (text !== undefined) parsed.data.push({ kind: 'raw', text });
  },
  'data-raw': (parsed, value) => {
    parsed.sendsData = true;
    parsed.data.push({ kind: 'raw', text: value });
  },
  'data-urlencode': (parsed, value) => {
    parsed.sendsData = true;
    const encoded = urlencoded('--data-urlencode', value, parsed.notes);
    if (encoded !== undefined) parsed.data.push({ kind: 'form', text: encoded });
  },
  json: (parsed, value) => {
    parsed.sendsData = true;
    parsed.json = true;
    const text = dataValue('--json', parsed, value);
    if (text !== undefined) parsed.data.push({ kind: 'json', text });
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
    // curl appends the dash a range of digits alone lacks (`-r 600` is `bytes=600-`).
    const start = /^\d+/.exec(value);
    const range = start !== null && !value.includes('-') ? `${BigInt(start[0])}-` : value;
    parsed.headers.push(['Range', `bytes=${range}`]);
  },
  'continue-at': (parsed, value) => {
    // `-C N` resumes at byte N (a Range header); `-C -` asks the output file where to resume.
    if (/^\d+$/.test(value)) {
      if (BigInt(value) > 0n) parsed.headers.push(['Range', `bytes=${BigInt(value)}-`]);
    } else {
      parsed.notes.push(
        `-C ${value} resumes where the output file ends, which an import cannot know: left out`,
      );
    }
  },
  form: (parsed, value) => {
    parsed.form.push({ field: value, literal: false });
  },
  'form-string': (parsed, value) => {
    parsed.form.push({ field: value, literal: true });
  },
  url: (parsed, value) => {
    parsed.urls.push(value);
  },
  'url-query': (parsed, value) => {
    // As --data-urlencode, but `+content` is added as it is.
    const piece = value.startsWith('+')
      ? value.slice(1)
      : urlencoded('--url-query', value, parsed.notes);
    if (piece !== undefined) parsed.query.push(piece);
  },
  'upload-file': (parsed, value) => {
    parsed.upload = true;
    parsed.notes.push(`-T ${value} uploads a file, which an import cannot: left out`);
  },
};

function emptyParsed(): Parsed {
  return {
    method: undefined,
    urls: [],
    headers: [],
    data: [],
    form: [],
    query: [],
    get: false,
    head: false,
    sendsData: false,
    json: false,
    upload: false,
    pathAsIs: false,
    globoff: false,
    notes: [],
  };
}

/**
 * Reads the options of one command (its first word is `curl`): one `Parsed`
 * per part, since `-:`/`--next` starts a new set of options for the URLs
 * after it, as curl does.
 */
export function parseOptions(words: readonly string[], stdin?: string): Parsed[] {
  const fresh = (): Parsed => ({ ...emptyParsed(), ...(stdin === undefined ? {} : { stdin }) });
  const parts: Parsed[] = [fresh()];
  let parsed = parts[0] ?? fresh();
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
    if (arg === '-:' || arg === '--next') {
      parsed = fresh();
      parts.push(parsed);
      continue;
    }
    const helper = AUTH_HELPERS[arg];
    if (helper !== undefined) {
      parsed.notes.push(
        `${arg}: curl computes ${helper} per request, which a case cannot: set the credentials per target in parity.config.yaml (targets.<name>.headers), or the server must accept the cases without it`,
      );
    }
    const unsupported = UNSUPPORTED_SWITCHES[arg];
    if (unsupported !== undefined) {
      parsed.notes.push(`${arg}: curl ${unsupported}, which an import cannot: left out`);
    }
    const switchKind = SWITCH_OPTIONS[arg];
    if (switchKind === 'get') parsed.get = true;
    else if (switchKind === 'head') parsed.head = true;
    else if (switchKind === 'path-as-is') parsed.pathAsIs = true;
    else if (switchKind === 'globoff') parsed.globoff = true;
    else if (takesValue(arg)) {
      const kind = VALUE_OPTIONS[arg];
      const value = args[++i] ?? '';
      const leftOut = UNSUPPORTED_WITH_VALUE[arg];
      if (kind !== undefined) APPLY[kind]?.(parsed, value);
      else if (leftOut !== undefined) {
        parsed.notes.push(`${arg} ${value}: curl ${leftOut}, which an import cannot: left out`);
      } else if (arg === '-K' || arg === '--config') {
        parsed.notes.push(
          `${arg} ${value} reads more options from a file, which an import cannot: those options are left out`,
        );
      }
    }
    // Any other switch (-s, -L, --compressed, -k, …) changes only what curl does with the answer.
  }
  // A `--next` with no URL after it sends nothing (curl says so and stops).
  return parts.filter(
    (part, index) => index === 0 || part.urls.length > 0 || part.notes.length > 0,
  );
}
