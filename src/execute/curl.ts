/** Copy-pasteable curl commands that reproduce a case against one side. Pure. */

import type { Target } from '../model/case.js';
import type { Redactor } from '../redact/redact.js';
import { forTarget, type PlannedRequest } from './plan.js';

/** POSIX shell single-quoting. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * Where a request body too long for a command line is kept: returns the path
 * the repro reads it from (`--data-binary @path`).
 */
export type BodyFile = (body: string) => string;

/** Bodies longer than this (characters) are read from a file when one can be written. */
export const INLINE_BODY_MAX = 16 * 1024;

export function curlCommand(
  plan: PlannedRequest,
  target: Target,
  redact: Redactor,
  bodyFile?: BodyFile,
): string {
  const { path, headers } = forTarget(plan, target);
  const parts = ['curl', '-sS', '-i'];
  if (plan.method !== 'GET') parts.push('-X', plan.method);
  parts.push(shellQuote(redact.text(target.url.origin + path)));
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      parts.push('-H', shellQuote(`${name}: ${redact.header(name, one)}`));
    }
  }
  if (plan.body !== undefined) {
    const body = redact.text(plan.body);
    if (body.length > INLINE_BODY_MAX && bodyFile !== undefined) {
      parts.push('--data-binary', shellQuote(`@${bodyFile(body)}`));
    } else parts.push('--data-raw', shellQuote(body));
  }
  return parts.join(' ');
}
