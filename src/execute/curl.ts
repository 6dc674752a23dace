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
  if (plan.body !== undefined) parts.push('--data-raw', shellQuote(redact.text(plan.body)));
  return parts.join(' ');
}
