/**
 * curl command lines → imported requests, with curl's own semantics: the
 * method (`-X` as written, else HEAD for `-I`, GET for `-G`, PUT for `-T`,
 * POST for any data option, even one whose `@file` is left out, else GET), headers
 * (`-H 'Name;'` sends an empty value, `-H 'Name:'` none), data (`-d`/`--data`
 * join with `&` and read `@file`, which an import cannot; `--data-raw` and
 * `--data-binary` as given; `--data-urlencode` encoded; `--json` sets the JSON
 * content type and accept), `-G` (data into the query), `-u` and `-b` (as the
 * credentials they are, dropped later), `-F` (a multipart body). Pure.
 */
import type { Pairs } from '../../../contract/model/case.js';
import { FORM_BOUNDARY, type FormPart, multipartBody, multipartType } from '../multipart.js';
import type { ImportedRequest, ImportedSource } from '../types.js';
import { type Parsed, parseOptions } from './apply.js';
import { cmdCommands, looksLikeCmd } from './cmd.js';
import { curlFormField } from './form-field.js';
import { globbedUrls, MAX_GLOBBED } from './glob.js';
import { posixCommands } from './posix.js';
import { type CurlCommand, curlCommands } from './variables.js';

/**
 * `-F name=value` fields as a multipart body, each read as curl reads it
 * (`form-field.ts`: quotes, `;type=`, `;filename=`); a file field
 * `name=@file` cannot be imported.
 */
function multipart(fields: Parsed['form'], notes: string[]): string {
  const parts: FormPart[] = [];
  for (const { field, literal } of fields) {
    const read = curlFormField(field, literal);
    if (read.file) {
      notes.push(`-F ${field} sends a file, which an import cannot: left out`);
      continue;
    }
    if (read.headers.length > 0) {
      notes.push(`-F ${field}: the part's own headers (headers=) are left out`);
    }
    parts.push({ name: read.name, value: read.content, filename: read.filename, type: read.type });
  }
  return multipartBody(parts, FORM_BOUNDARY);
}

/**
 * A Content-Type the command sets for its -F form keeps its type, but names
 * the boundary the body is written with: curl writes its own boundary too.
 */
function formContentType(value: string): string {
  const type = value
    .split(';')
    .filter((p, i) => i === 0 || !/^\s*boundary=/i.test(p))
    .join(';')
    .trim();
  return `${type}; boundary=${FORM_BOUNDARY}`;
}

function hasHeader(headers: Pairs, name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** The body, content type and method curl derives from the data options. */
function bodyOf(parsed: Parsed): { text: string | undefined; type: string | undefined } {
  if (parsed.form.length > 0) {
    return {
      text: multipart(parsed.form, parsed.notes),
      type: multipartType(FORM_BOUNDARY),
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

/** What curl sends when no -X says: a data option sends POST even when its file is left out. */
function defaultMethod(parsed: Parsed): string {
  if (parsed.head) return 'HEAD';
  if (parsed.get) return 'GET';
  if (parsed.upload) return 'PUT';
  return parsed.sendsData || parsed.form.length > 0 ? 'POST' : 'GET';
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

/**
 * The path of a URL as written, dot segments kept (what curl sends with
 * `--path-as-is`; the URL parser resolves `/a/../b` to `/b`).
 */
function writtenPath(text: string, url: URL): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = afterScheme.search(/[/?#]/);
  const rest = slash === -1 ? '' : afterScheme.slice(slash);
  const path = rest.split(/[?#]/, 1)[0] ?? '';
  return path === '' ? url.pathname : path;
}

function toRequests(curl: CurlCommand, index: number, notes: string[]): ImportedRequest[] {
  const { command } = curl;
  const source = `curl command ${index + 1} (line ${command.line})`;
  const parts = parseOptions(command.words, command.stdin);
  return parts.flatMap((parsed, part) =>
    partRequests(curl, parsed, parts.length === 1 ? source : `${source}, part ${part + 1}`, notes),
  );
}

/** The requests of one part of a command (the whole command when it has no `--next`). */
function partRequests(
  curl: CurlCommand,
  parsed: Parsed,
  source: string,
  notes: string[],
): ImportedRequest[] {
  const body = bodyOf(parsed);
  notes.push(...parsed.notes.map((note) => `${source}: ${note}`));
  if (parsed.urls.length === 0) {
    notes.push(`skipped ${source}: it names no URL`);
    return [];
  }
  const headers: [string, string][] = parsed.headers.map(([name, value]) =>
    parsed.form.length > 0 && name.toLowerCase() === 'content-type'
      ? [name, formContentType(value)]
      : [name, value],
  );
  if (body.type !== undefined && !hasHeader(headers, 'content-type'))
    headers.push(['Content-Type', body.type]);
  if (parsed.json && !hasHeader(headers, 'accept')) headers.push(['Accept', 'application/json']);
  const inQuery = parsed.get && body.text !== undefined && parsed.form.length === 0;
  const method = parsed.method ?? defaultMethod(parsed);
  const urls = parsed.urls.flatMap((text) => {
    if (parsed.globoff) return [text];
    const all = globbedUrls(text);
    if (all.length > MAX_GLOBBED) {
      notes.push(
        `${source}: "${text}" is a curl URL pattern of more than ${MAX_GLOBBED} URLs: the first ${MAX_GLOBBED} are imported`,
      );
    }
    // Escapes are read already: what is left is sent as written.
    return all.slice(0, MAX_GLOBBED).map((url) => url.replace(/([[\]{}])/g, '\\$1'));
  });
  return urls.flatMap((text): ImportedRequest[] => {
    const url = parseUrl(text);
    if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      notes.push(`skipped ${source}: "${text}" is not an http(s) URL`);
      return [];
    }
    // curl appends --url-query and -G data to the URL's query, each piece after a `&`.
    const pieces = [url.search.slice(1), ...parsed.query, ...(inQuery ? [body.text ?? ''] : [])];
    const rawQuery = pieces.filter((p) => p !== '').join('&');
    const sent = inQuery ? headers.filter(([n]) => n.toLowerCase() !== 'content-type') : headers;
    return [
      {
        method,
        origin: url.origin,
        path: parsed.pathAsIs ? writtenPath(text, url) : url.pathname,
        query: [...new URLSearchParams(rawQuery)],
        ...(rawQuery === '' ? {} : { rawQuery }),
        ...(url.username === '' && url.password === '' ? {} : { credentials: ['URL userinfo'] }),
        headers: sent,
        body:
          inQuery || body.text === undefined ? { kind: 'none' } : { kind: 'text', text: body.text },
        source,
        ...(curl.captures === undefined ? {} : { captures: curl.captures }),
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
  const curls = curlCommands(commands, notes);
  const requests = curls.flatMap((curl, index) => toRequests(curl, index, notes));
  if (curls.length === 0) notes.push('found no curl command');
  return { requests, notes, session: true };
}
