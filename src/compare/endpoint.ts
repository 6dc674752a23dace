/**
 * Endpoint names for grouping: `GET /v1/records/42` → `GET /v1/records/:id`.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONG_HEX = /^[0-9a-f]{16,}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i; // Crockford base32, 48-bit time first

function isDigits(segment: string): boolean {
  if (segment.length === 0) return false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Numeric, uuid, ≥16 hex digits or ULID; the length checks keep the common case regex-free. */
function isId(segment: string): boolean {
  if (isDigits(segment)) return true;
  const n = segment.length;
  if (n === 36) return UUID.test(segment);
  if (n === 26 && ULID.test(segment)) return true;
  return n >= 16 && LONG_HEX.test(segment);
}

/** A flow step's `{{name}}` segment → `:name` (the value differs per target by design). */
function variableSegment(segment: string): string | undefined {
  return segment.startsWith('{{') ? /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/.exec(segment)?.[1] : undefined;
}

/**
 * `METHOD /path` with id-like segments (numeric, uuid, ≥16 hex digits, ULID)
 * replaced by `:id` and a flow step's `{{name}}` segments by `:name`; any
 * query string is dropped. The method stays as written (methods are case-sensitive).
 */
export function endpointOf(method: string, path: string): string {
  let end = path.length;
  const query = path.indexOf('?');
  if (query >= 0) end = query;
  const fragment = path.indexOf('#');
  if (fragment >= 0 && fragment < end) end = fragment;
  // One pass over the segments; most paths have no id-like segment to replace.
  let out = '';
  let start = 0;
  while (start <= end) {
    let slash = path.indexOf('/', start);
    if (slash < 0 || slash > end) slash = end;
    const segment = path.slice(start, slash);
    const variable = variableSegment(segment);
    out += variable !== undefined ? `:${variable}` : isId(segment) ? ':id' : segment;
    if (slash < end) out += '/';
    start = slash + 1;
  }
  return `${method} ${out}`;
}
