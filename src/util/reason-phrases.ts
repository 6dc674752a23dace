/**
 * HTTP reason phrases (`404` → `Not Found`), as node:http knows them, and a
 * value read as one however a server spells it: `Bad Request`,
 * `BAD_REQUEST`, `bad_request` and `badrequest` are the phrase of `400`
 * (case, spaces and `_` ignored). Pure: a table lookup, no I/O.
 */
import { STATUS_CODES } from 'node:http';

/** `Bad Request` → `badrequest`: what is left to compare once case, spaces and `_` are dropped. */
function squashed(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '');
}

/** The reason phrase of `status` (`400` → `Bad Request`); undefined for a status with none. */
export function reasonPhrase(status: number | undefined): string | undefined {
  return status === undefined ? undefined : STATUS_CODES[status];
}

/** True when `value` is the reason phrase of `status`, spelled any of the ways above. */
export function isReasonPhrase(value: unknown, status: number | undefined): boolean {
  const phrase = reasonPhrase(status);
  if (phrase === undefined || typeof value !== 'string' || value.trim() === '') return false;
  return squashed(value) === squashed(phrase);
}
