/**
 * The strings a request sent, as written in the library: its path's
 * segments (as sent and decoded), its query's values, a form body's values
 * (`application/x-www-form-urlencoded`) and a JSON body's strings at any
 * depth (to `DEEPEST`). A value written with a flow's variable (`{{pool}}`)
 * is no value sent as written: each side's own. What a server says back of
 * them is read by two rules: a refusal's reason that names one
 * (`core/compare/sent-values.ts`, tracker rule 38) and an answer that holds
 * one where the other holds a drawn id (`sent-substitutions.ts`, rule 37).
 * Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import { isJsonObject } from './json.js';

/** JSON bodies are walked this deep. */
const DEEPEST = 8;

function jsonStrings(value: unknown, into: string[], depth: number): void {
  if (depth > DEEPEST) return;
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, into, depth + 1);
  else if (isJsonObject(value)) {
    for (const member of Object.values(value)) jsonStrings(member, into, depth + 1);
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A broken escape: no value as decoded.
    return undefined;
  }
}

/** A body sent as a form (`application/x-www-form-urlencoded`): its values are the form's. */
function isForm(request: CaseRequest): boolean {
  return request.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );
}

/** The strings `request` sent (see the module comment), in request order, none empty or templated. */
export function requestValues(request: CaseRequest): string[] {
  const found: string[] = [];
  const path = request.path.split('?')[0] ?? '';
  for (const segment of path.split('/')) {
    found.push(segment);
    const text = decoded(segment);
    if (text !== undefined && text !== segment) found.push(text);
  }
  for (const [, value] of request.query) found.push(value);
  const { body } = request;
  if (body.kind === 'json') jsonStrings(body.value, found, 0);
  else if (body.kind === 'text' && isForm(request)) {
    for (const [, value] of new URLSearchParams(body.text)) found.push(value);
  }
  return found.filter((value) => value !== '' && !value.includes('{{'));
}
