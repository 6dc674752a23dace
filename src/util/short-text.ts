/**
 * Regular expressions on text a server or an input file chose. V8 keeps one
 * backtrack entry per character a counted repetition (`[0-9a-f]{32,}`) or a
 * repeated group (`(_[a-z0-9]+)*`) consumed, and throws `RangeError: Maximum
 * call stack size exceeded` past ~4 million of them: a 6 MB hex value would
 * end the run. The shapes parity recognises this way (digests, ids, key
 * conventions, versions) are short, so a longer text is simply not one.
 */

/** The longest text a shape-recognising pattern reads (a sha512 in hex is 128). */
export const LONGEST_SHAPED_TEXT = 4096;

/** `pattern.test(text)`, false for a text longer than {@link LONGEST_SHAPED_TEXT}. */
export function testShort(pattern: RegExp, text: string): boolean {
  return text.length <= LONGEST_SHAPED_TEXT && pattern.test(text);
}

/** `pattern.exec(text)`, null for a text longer than {@link LONGEST_SHAPED_TEXT}. */
export function execShort(pattern: RegExp, text: string): RegExpExecArray | null {
  return text.length <= LONGEST_SHAPED_TEXT ? pattern.exec(text) : null;
}
