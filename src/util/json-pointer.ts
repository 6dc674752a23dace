/**
 * RFC 6901 JSON pointers, plus pointer *patterns* used by rules:
 * a segment `*` matches exactly one segment, `**` matches zero or more.
 */

/** Escape one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Unescape one reference token (`~1` → `/`, `~0` → `~`), in the RFC's order. */
export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Append one (unescaped) segment to a pointer: `joinPointer('/a', 'b/c')` → `/a/b~1c`. */
export function joinPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapeSegment(String(segment))}`;
}

/** Build a pointer from unescaped segments; `[]` is the root pointer `""`. */
export function formatPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const segment of segments) out = joinPointer(out, segment);
  return out;
}

/** True when `pointer` is syntactically valid: empty, or `/`-prefixed with only `~0`/`~1` escapes. */
export function isPointer(pointer: string): boolean {
  return pointer === '' || (pointer.startsWith('/') && !/~(?![01])/.test(pointer));
}

/**
 * Split a pointer into unescaped segments (`""` → `[]`, `"/"` → `[""]`).
 * @throws Error when the pointer is not valid RFC 6901 syntax.
 */
export function parsePointer(pointer: string): string[] {
  if (!isPointer(pointer)) {
    throw new Error(
      `invalid JSON pointer ${JSON.stringify(pointer)}: it must be empty or start with "/", and "~" must be followed by 0 or 1`,
    );
  }
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** A compiled pointer pattern; compile once, match many times. */
export interface PointerPattern {
  /** The pattern text it was compiled from. */
  readonly source: string;
  /** True when the (unescaped) path segments match the whole pattern. */
  matches(segments: readonly string[]): boolean;
}

const ANY_ONE = 0;
const ANY_DEPTH = 1;
type Token = string | typeof ANY_ONE | typeof ANY_DEPTH;

function tokenise(segments: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    if (segment === '**') {
      // `**/**` is the same as `**`; collapsing keeps the matcher linear in practice.
      if (tokens[tokens.length - 1] !== ANY_DEPTH) tokens.push(ANY_DEPTH);
    } else {
      tokens.push(segment === '*' ? ANY_ONE : segment);
    }
  }
  return tokens;
}

/**
 * Glob-style matching where `**` plays the role of `*` in string wildcards:
 * greedy, backtracking only to the most recent `**` (no recursion, no allocation).
 */
function matchTokens(tokens: readonly Token[], segments: readonly string[]): boolean {
  let t = 0;
  let s = 0;
  let starToken = -1;
  let starSegment = 0;
  while (s < segments.length) {
    const token = tokens[t];
    if (token === ANY_DEPTH) {
      starToken = t;
      starSegment = s;
      t++;
    } else if (token !== undefined && (token === ANY_ONE || token === segments[s])) {
      t++;
      s++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      starSegment++;
      s = starSegment;
    } else {
      return false;
    }
  }
  while (tokens[t] === ANY_DEPTH) t++;
  return t === tokens.length;
}

/**
 * Compile a pointer pattern such as `/meta/**` or `/items/*\/id`.
 * A literal segment is compared after RFC 6901 unescaping.
 * @throws Error when the pattern is not valid pointer syntax.
 */
export function compilePattern(pattern: string): PointerPattern {
  const tokens = tokenise(parsePointer(pattern));
  return {
    source: pattern,
    matches: (segments) => matchTokens(tokens, segments),
  };
}

/** True when any of the compiled patterns matches. */
export function matchesAny(
  patterns: readonly PointerPattern[],
  segments: readonly string[],
): boolean {
  for (const pattern of patterns) if (pattern.matches(segments)) return true;
  return false;
}

/**
 * The value at an RFC 6901 `pointer` in a JSON value (array indexes are
 * decimal segments), or `{ found: false }` when no value is there.
 * @throws Error when the pointer is not valid RFC 6901 syntax.
 */
export function valueAtPointer(
  root: unknown,
  pointer: string,
): { readonly found: true; readonly value: unknown } | { readonly found: false } {
  let current = root;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!/^(?:0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) {
        return { found: false };
      }
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = Reflect.get(current, segment);
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/**
 * A pointer built one segment at a time and joined only when it is read: a
 * walk over a whole JSON value links one small node per step and spells the
 * pointer (`pointerOf`) only where it found something.
 */
export interface PointerLink {
  readonly up: PointerLink | undefined;
  readonly segment: string | number;
}

/** `up` with one (unescaped) segment more. */
export function linkPointer(up: PointerLink | undefined, segment: string | number): PointerLink {
  return { up, segment };
}

/** The pointer `link` spells, as `joinPointer` would have built it; `undefined` is the root `""`. */
export function pointerOf(link: PointerLink | undefined): string {
  const segments: (string | number)[] = [];
  for (let at = link; at !== undefined; at = at.up) segments.push(at.segment);
  return formatPointer(segments.reverse());
}
