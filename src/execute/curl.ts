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
  const parts = ['curl', '-sS', ...methodFlags(plan)];
  parts.push(shellQuote(redact.text(target.url.origin + path)));
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      parts.push('-H', shellQuote(`${name}: ${redact.header(name, one)}`));
    }
  }
  if (plan.body !== undefined) parts.push('--data-raw', shellQuote(redact.text(plan.body)));
  return parts.join(' ');
}

/**
 * How curl sends the plan's method: `--head` for HEAD (`-X HEAD` would wait
 * for a body that never comes), nothing for a GET without a body, `-X METHOD`
 * for every other method (and for a GET with a body, which `--data-raw`
 * would otherwise turn into a POST). Methods are tokens, safe unquoted.
 */
function methodFlags(plan: PlannedRequest): string[] {
  if (plan.method === 'HEAD') return ['--head'];
  if (plan.method === 'GET' && plan.body === undefined) return ['-i'];
  return ['-i', '-X', plan.method];
}
