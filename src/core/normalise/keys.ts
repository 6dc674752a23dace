/**
 * Key-case folding: `user_id`, `userId`, `UserID` and `user-id` all fold to `userid`.
 */
import { escapeSegment, parsePointer } from '../../util/json-pointer.js';

/** Fold one object key: lower case, `_` and `-` removed. Idempotent. */
export function foldKey(key: string): string {
  return key.toLowerCase().replaceAll(/[_-]/g, '');
}

/**
 * Fold the literal segments of a pointer pattern so it matches folded keys
 * (`/User_Id/*` → `/userid/*`); wildcards are kept as they are.
 */
export function foldPattern(pattern: string): string {
  return parsePointer(pattern)
    .map((segment) =>
      segment === '*' || segment === '**' ? segment : escapeSegment(foldKey(segment)),
    )
    .map((segment) => `/${segment}`)
    .join('');
}
