/**
 * Endpoint names for grouping: `GET /v1/records/42` → `GET /v1/records/:id`.
 */

const ID_SEGMENTS: readonly RegExp[] = [
  /^\d+$/, // numeric
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // uuid
  /^[0-9a-f]{16,}$/i, // long hex (object ids, hashes)
  /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i, // ULID (Crockford base32, 48-bit time first)
];

function isId(segment: string): boolean {
  return ID_SEGMENTS.some((pattern) => pattern.test(segment));
}

/**
 * `METHOD /path` with id-like segments (numeric, uuid, ≥16 hex digits, ULID)
 * replaced by `:id`; any query string is dropped.
 */
export function endpointOf(method: string, path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? '';
  const collapsed = bare
    .split('/')
    .map((segment) => (isId(segment) ? ':id' : segment))
    .join('/');
  return `${method.toUpperCase()} ${collapsed}`;
}
