/**
 * Copy-pasteable curl commands that reproduce a case against one side: the
 * request curl sends is the one parity sent (method, path and query byte for
 * byte, headers, body), so its answer is the one parity recorded. Checked by
 * running them against real servers (test/integration/curl.test.ts). Pure.
 */

import type { Target } from '../../contract/model/case.js';
import type { Redactor } from '../redact/redact.js';
import { forTarget, originOf, type PlannedRequest } from './plan.js';

/** Characters a POSIX shell word may hold unquoted. */
const PLAIN = /^[A-Za-z0-9_\-./:=@%+,]+$/;

/** POSIX shell single-quoting. */
export function shellQuote(value: string): string {
  return PLAIN.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A redacted `${env:NAME}` placeholder (see `redact/`): in the command, the shell's `$NAME`. */
const ENV_PLACEHOLDER = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * One shell word for `value`, quoted, in which each `${env:NAME}` placeholder
 * left by redaction becomes `"$NAME"`: the command reproduces the request once
 * the variable is set, and never holds the secret.
 */
export function shellWord(value: string): string {
  // Most words hold no placeholder: quoted whole, without a match iterator and a parts array.
  if (!value.includes('${env:')) return shellQuote(value);
  const parts: string[] = [];
  let last = 0;
  for (const match of value.matchAll(ENV_PLACEHOLDER)) {
    if (match.index > last) parts.push(shellQuote(value.slice(last, match.index)));
    parts.push(`"$${match[1] ?? ''}"`);
    last = match.index + match[0].length;
  }
  if (last < value.length || parts.length === 0) parts.push(shellQuote(value.slice(last)));
  return parts.join('');
}

/** `/a/../b`, `/./b`, `/a/..`: segments curl would resolve away unless told not to. */
function hasDotSegment(path: string): boolean {
  // Either segment holds a dot: a path without one (the common case) is not split.
  if (!path.includes('.')) return false;
  const bare = path.split('?', 1)[0] ?? '';
  return bare.split('/').some((segment) => segment === '.' || segment === '..');
}

/** `[]{}` in a URL are curl's globbing syntax unless it is turned off. */
function hasGlobCharacters(url: string): boolean {
  return /[[\]{}]/.test(url);
}

/**
 * curl's method flags for `method`, given whether a body is sent: `-I` for
 * HEAD (`-X HEAD` would wait for a body that never comes), nothing where
 * curl's own choice is the method (GET without a body, POST with one).
 */
function methodFlags(method: string, hasBody: boolean): string[] {
  if (method === 'HEAD') return ['-I'];
  if (method === (hasBody ? 'POST' : 'GET')) return [];
  return ['-X', method];
}

/**
 * A header as curl's `-H` takes it. An empty value needs `name;` (curl drops
 * a header written `name:`).
 */
function headerArg(name: string, value: string): string {
  return value === '' ? `${name};` : `${name}: ${value}`;
}

/** Bodies above this size make curl (7.x) send `Expect: 100-continue` unless told not to. */
const EXPECT_THRESHOLD = 1024;

/**
 * Where a request body too long for a command line is kept: returns the path
 * the repro reads it from (`--data-binary @path`).
 */
export type BodyFile = (body: string | Uint8Array) => string;

/** Bodies longer than this (characters) are read from a file when one can be written. */
export const INLINE_BODY_MAX = 16 * 1024;

/**
 * `save`: the shell words of a folder (`"$d"`) where the answer's body goes
 * (`b`) and its head (`h`), for a script that reads captures from them
 * (`flow-script.ts`); without it the answer is printed, head first.
 */
export function curlCommand(
  plan: PlannedRequest,
  target: Target,
  redact: Redactor,
  bodyFile?: BodyFile,
  save?: string,
): string {
  const { path, headers } = forTarget(plan, target);
  const hasBody = plan.body !== undefined;
  const url = redact.text(originOf(target) + path);
  const parts = ['curl', '-sS'];
  if (save !== undefined) parts.push('-o', `${save}/b`, '-D', `${save}/h`);
  // -I prints the head itself; every other method prints it with -i.
  else if (plan.method !== 'HEAD') parts.push('-i');
  parts.push(...methodFlags(plan.method, hasBody));
  if (hasDotSegment(path)) parts.push('--path-as-is');
  if (hasGlobCharacters(url)) parts.push('--globoff');
  parts.push(shellWord(url));
  const named = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    named.add(name.toLowerCase());
    for (const one of Array.isArray(value) ? value : [value]) {
      parts.push('-H', shellWord(headerArg(name, redact.header(name, one))));
    }
  }
  const { body } = plan;
  if (body === undefined) return parts.join(' ');
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  if (!named.has('expect') && size > EXPECT_THRESHOLD) parts.push('-H', shellWord('Expect:'));
  if (size > INLINE_BODY_MAX && bodyFile !== undefined) {
    // Too long for a command line: the body is kept once in the run folder, read by curl.
    const kept = bodyFile(typeof body === 'string' ? redact.text(body) : body);
    parts.push('--data-binary', shellQuote(`@${kept}`));
    return parts.join(' ');
  }
  if (typeof body === 'string' && !body.includes('\0')) {
    parts.push('--data-raw', shellWord(redact.text(body)));
    return parts.join(' ');
  }
  // Bytes a shell argument cannot hold (NUL, invalid UTF-8) go through printf on stdin.
  parts.push('--data-binary', '@-');
  const bytes = typeof body === 'string' ? Buffer.from(redact.text(body), 'utf8') : body;
  return `printf '${printfEscape(bytes)}' | ${parts.join(' ')}`;
}

/**
 * `printf` format text that prints exactly `bytes`: printable ASCII as is
 * (`%`, `\\` and `'` escaped), everything else as a 3-digit octal escape.
 */
export function printfEscape(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    if (byte === 0x25) out += '%%';
    else if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "'\\''";
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return out;
}
