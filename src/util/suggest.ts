/** "Did you mean …?" for unknown keys: the closest known word by edit distance. */

/**
 * Words people reach for that parity spells differently: an unknown key close to
 * one of these suggests the keys it stands for (when the schema accepts them there).
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  body: ['json', 'text'],
  data: ['json', 'text'],
  url: ['path'],
  params: ['query'],
  header: ['headers'],
  tag: ['tags'],
  rule: ['rules'],
  status: ['expect'],
  name: ['id'],
  retry: ['until'],
  wait: ['until'],
};

/**
 * The hint for an unknown key, already quoted (`"rules"`, `"json" or "text"`),
 * or undefined when nothing known is close. Known keys win over aliases on a tie.
 */
export function suggestKey(word: string, known: readonly string[]): string | undefined {
  const direct = closest(word, known);
  if (direct !== undefined) return `"${direct}"`;
  const usable = Object.keys(ALIASES).filter((alias) =>
    (ALIASES[alias] ?? []).every((target) => known.includes(target)),
  );
  const alias = closest(word, usable);
  if (alias === undefined) return undefined;
  return (ALIASES[alias] ?? []).map((target) => `"${target}"`).join(' or ');
}

/**
 * The known word closest to `word` (case-insensitive Levenshtein distance), when
 * it is close enough to be a plausible typo: at most 2 edits, and at most half the length of `word` (rounded up).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.min(2, Math.ceil(Math.max(word.length, 1) / 2));
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance (insert, delete, substitute), one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * ` (did you mean "accepted"?)` for a word chosen from a set that is none of
 * them but close to one (`closest`), `''` otherwise: the tail of a refusal.
 */
export function didYouMean(word: string | undefined, known: readonly string[]): string {
  const near = word === undefined || word === '' ? undefined : closest(word, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
