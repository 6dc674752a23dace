/**
 * Wildcard patterns matched without a regular expression. `^.*a.*a….*b$`
 * (a `--filter` glob of 25 stars) or `^[^/]+[^/]+…$` (an OpenAPI segment of
 * 26 adjacent `{params}`) make a backtracking engine try every way to place
 * the wildcards, C(60, 25) of them against 60 letters. Here the text before
 * the first wildcard is a prefix, the text after the last a suffix, and each
 * literal part between is found at its leftmost place after the one before
 * (leftmost is never worse for the parts after it), so one test reads the
 * text at most once per part. Pure.
 */

/**
 * A test of texts against `parts` joined by wildcards that each match at
 * least `least` characters (0 for a glob's `*`, 1 for a template's
 * `{param}`). One part is a literal.
 */
export function wildcardMatcher(parts: readonly string[], least: 0 | 1): (text: string) => boolean {
  if (parts.length === 1) {
    const only = parts[0] ?? '';
    return (text) => text === only;
  }
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const middle = parts.slice(1, -1);
  const gaps = parts.length - 1;
  const fixed = parts.reduce((sum, part) => sum + part.length, 0);
  return (text) => {
    if (text.length < fixed + gaps * least) return false;
    if (!text.startsWith(first) || !text.endsWith(last)) return false;
    const end = text.length - last.length - least;
    let at = first.length;
    for (const part of middle) {
      const found = text.indexOf(part, at + least);
      if (found === -1 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

/** `validator/*`: `*` matches any text (none too); everything else is literal. */
export function globMatcher(glob: string): (text: string) => boolean {
  return wildcardMatcher(glob.split('*'), 0);
}
