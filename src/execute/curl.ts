/** Copy-pasteable curl commands that reproduce a case against one side. Pure. */

import type { Target } from '../model/case.js';
import type { Redactor } from '../redact/redact.js';
import { forTarget, type PlannedRequest } from './plan.js';

/** POSIX shell single-quoting. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

export function curlCommand(plan: PlannedRequest, target: Target, redact: Redactor): string {
  const { path, headers } = forTarget(plan, target);
  const parts = ['curl', '-sS', '-i'];
  if (plan.method !== 'GET') parts.push('-X', plan.method);
  parts.push(shellQuote(redact.text(target.url.origin + path)));
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      parts.push('-H', shellQuote(`${name}: ${redact.header(name, one)}`));
    }
  }
  const { body } = plan;
  if (body === undefined) return parts.join(' ');
  if (typeof body === 'string' && !body.includes('\0')) {
    parts.push('--data-raw', shellQuote(redact.text(body)));
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
