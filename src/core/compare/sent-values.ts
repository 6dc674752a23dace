/**
 * The values a request sent, as a refusal's reason may echo them (tracker
 * rule 38): its path's segments (as sent and decoded), its query's values,
 * its form body's values and its JSON body's strings at any depth. A reason
 * that says one of them (`User Pool local_doesNotExist not found`) is keyed
 * with it elided, as a quoted value is (`refusal.ts`): the same check
 * refusing another value is the same reason. Only values of `SHORTEST`
 * characters or more count (a one- or two-letter value may be a word of the
 * reason), and never one written with a flow's variable (`{{pool}}`: each
 * side's own value, not the text sent). Pure.
 */

import type { CaseRequest } from '../../contract/model/case.js';
import { isJsonObject } from '../normalise/json.js';

/** A value shorter than this is left alone: `id`, `v2`, `ok` may be words of the reason. */
const SHORTEST = 3;
/** Longer values are data, not an identifier a reason names. */
const LONGEST = 128;
/** At most this many values, and JSON bodies walked this deep. */
const MOST = 64;
const DEEPEST = 8;

function kept(value: string): boolean {
  const text = value.trim();
  return (
    text.length >= SHORTEST &&
    text.length <= LONGEST &&
    !text.includes('{{') &&
    /[\p{L}\p{N}]/u.test(text)
  );
}

function jsonStrings(value: unknown, into: string[], depth: number): void {
  if (depth > DEEPEST || into.length >= MOST) return;
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) jsonStrings(item, into, depth + 1);
  else if (isJsonObject(value))
    for (const member of Object.values(value)) jsonStrings(member, into, depth + 1);
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isForm(request: CaseRequest): boolean {
  return request.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );
}

/** The values `request` sent (see the module comment), each once, longest first. */
export function sentValues(request: CaseRequest): string[] {
  const found: string[] = [];
  const path = request.path.split('?')[0] ?? '';
  for (const segment of path.split('/')) found.push(segment, decoded(segment));
  for (const [, value] of request.query) found.push(value);
  const { body } = request;
  if (body.kind === 'json') jsonStrings(body.value, found, 0);
  else if (body.kind === 'text' && isForm(request)) {
    for (const [, value] of new URLSearchParams(body.text)) found.push(value);
  }
  const values = [...new Set(found.map((value) => value.trim()).filter(kept))];
  return values.sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, MOST);
}
