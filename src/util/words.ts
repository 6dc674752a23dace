/** Counting words: the one plural rule every message uses. */

/** `noun` for one, else `many` (`nouns` unless given). */
export function nounOf(n: number, noun: string, many = `${noun}s`): string {
  return n === 1 ? noun : many;
}

/** `1 case`, `5 cases` (`many` for an irregular plural). */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${nounOf(n, noun, many)}`;
}
