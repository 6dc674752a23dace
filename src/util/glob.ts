/**
 * Globs as shells, `.gitignore` and picomatch write them, for `--filter` and
 * case paths: `*` and `?` within one path segment, `**` across segments (a
 * whole segment: `cases/**\/*.yaml`), `[abc]`, `[a-z]`, `[!x]`, `{get,list}-*`
 * (nested too), and `\` before a character to take it as it is. A glob is
 * compiled to a regular expression on RE2's linear-time engine
 * (`safe-regex.ts`), so no glob can make a match backtrack: picomatch's own
 * regular expressions need lookaround, which RE2 has not, and V8's engine
 * takes exponential time on `*a*a*a…b` against a long text without a `b`.
 * Pure.
 */
import { compileSafe } from './safe-regex.js';

/** True when `text` has a glob's special characters (it is not a plain path or id). */
export function isGlob(text: string): boolean {
  return /[*?[{]/.test(text);
}

const SPECIAL = /[\\^$.|?*+()[\]{}/]/;

function literal(char: string): string {
  return SPECIAL.test(char) ? `\\${char}` : char;
}

/** The index of the `]` closing the class that opens at `open`, or -1 (then `[` is a character). */
function classEnd(glob: string, open: number): number {
  let at = open + 1;
  if (glob[at] === '!' || glob[at] === '^') at++;
  if (glob[at] === ']') at++;
  for (; at < glob.length; at++) {
    if (glob[at] === '\\') at++;
    else if (glob[at] === ']') return at;
  }
  return -1;
}

function classSource(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = negated ? body.slice(1) : body;
  let out = '';
  for (let at = 0; at < chars.length; at++) {
    const char = chars[at] ?? '';
    if (char === '\\' && at + 1 < chars.length) {
      out += `\\${chars[++at]}`;
    } else if (char === '-' && at > 0 && at < chars.length - 1) {
      out += '-';
    } else {
      out += /[\\^[\]-]/.test(char) ? `\\${char}` : char;
    }
  }
  // A class never matches the separator, as `*` and `?` do not.
  return negated ? `[^/${out}]` : `[${out}]`;
}

/** For each `{` that opens an alternation (a matching `}` with a `,` at its level): its `}`'s index. */
function alternations(glob: string): Map<number, number> {
  const out = new Map<number, number>();
  const open: { at: number; commas: number }[] = [];
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at];
    if (char === '\\') at++;
    else if (char === '[') {
      const end = classEnd(glob, at);
      if (end > 0) at = end;
    } else if (char === '{') open.push({ at, commas: 0 });
    else if (char === ',' && open.length > 0) {
      const top = open[open.length - 1];
      if (top !== undefined) top.commas++;
    } else if (char === '}') {
      const top = open.pop();
      if (top !== undefined && top.commas > 0) out.set(top.at, at);
    }
  }
  return out;
}

/** The regular expression (anchored) a glob stands for. */
export function globSource(glob: string): string {
  const braces = alternations(glob);
  const closing = new Set(braces.values());
  const depth: number[] = [];
  let out = '';
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at] ?? '';
    const starts = at === 0 || glob[at - 1] === '/';
    if (char === '\\' && at + 1 < glob.length) {
      out += literal(glob[++at] ?? '');
    } else if (char === '*' && glob[at + 1] === '*') {
      let end = at;
      while (glob[end + 1] === '*') end++;
      const ends = end === glob.length - 1 || glob[end + 1] === '/';
      if (starts && ends) {
        // `**/` any folders (none too), a last `**` anything below.
        if (glob[end + 1] === '/') {
          out += '(?:[^/]*/)*';
          end++;
        } else out += '.*';
      } else out += '[^/]*';
      at = end;
    } else if (char === '*') {
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[' && classEnd(glob, at) > 0) {
      const end = classEnd(glob, at);
      out += classSource(glob.slice(at + 1, end));
      at = end;
    } else if (char === '{' && braces.has(at)) {
      depth.push(at);
      out += '(?:';
    } else if (char === ',' && depth.length > 0) {
      out += '|';
    } else if (char === '}' && closing.has(at) && depth.length > 0) {
      depth.pop();
      out += ')';
    } else {
      out += literal(char);
    }
  }
  return `^${out}$`;
}

/**
 * A test of texts against `glob`. With `base`, a glob without `/` is also
 * tried on a text's last segment, as `.gitignore` does (`get-*` selects
 * `records/get-one`).
 */
export function pathGlobMatcher(
  glob: string,
  options: { base?: boolean } = {},
): (text: string) => boolean {
  const compiled = compileSafe(globSource(glob));
  if (options.base !== true || glob.includes('/')) return (text) => compiled.test(text);
  return (text) => compiled.test(text) || compiled.test(text.slice(text.lastIndexOf('/') + 1));
}
