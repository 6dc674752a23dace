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
import { requestValues } from '../normalise/request-values.js';

/** A value shorter than this is left alone: `id`, `v2`, `ok` may be words of the reason. */
const SHORTEST = 3;
/** Longer values are data, not an identifier a reason names. */
const LONGEST = 128;
/** At most this many values. */
const MOST = 64;

function kept(value: string): boolean {
  return value.length >= SHORTEST && value.length <= LONGEST && /[\p{L}\p{N}]/u.test(value);
}

/** The values `request` sent (see the module comment), each once, longest first. */
export function sentValues(request: CaseRequest): string[] {
  const values = [
    ...new Set(
      requestValues(request)
        .map((value) => value.trim())
        .filter(kept),
    ),
  ];
  return values.sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, MOST);
}
