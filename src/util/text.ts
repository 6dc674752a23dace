/** Text helpers: ordering shared by every sort whose output must be the same on every machine, cuts, digits, whole words. Pure. */

/** Code-unit order, not `localeCompare`: the result must not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/**
 * The first `length` characters of `text` as a string of their own. V8's
 * `slice` of a long string is a view that keeps the whole parent alive: a
 * report's 2,048-character cut of a 10 MB key held all 10 MB for as long as
 * the result lived (every divergent result lives to the end of the run). The
 * copy goes through UTF-16 code units, so a lone surrogate stays as it was.
 */
export function headOf(text: string, length: number): string {
  const head = text.slice(0, length);
  return text.length - head.length < 64 ? head : Buffer.from(head, 'utf16le').toString('utf16le');
}

/** True when `text` is one or more ASCII digits (`"42"`), without a regular expression (hot paths ask it per member). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when `text` holds `word` whole: no letter, digit or `_` either side (`code_challenge_method` holds no `code_challenge`). */
export function holdsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + word.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}
