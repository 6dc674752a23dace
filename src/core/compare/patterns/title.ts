/**
 * Titles and sentences for recognised patterns: the one-line title a tracker
 * row shows, and the explanation's list of occurrences.
 */

import type { Comparison } from '../../../contract/model/comparison.js';
import type { DivergencePattern } from '../../../contract/observation.js';
import { capitalise } from '../wording/phrases.js';
import { fullyExplained, patternTitles, type Recognition } from './registry.js';
import type { PatternMatch } from './types.js';

/** What error responses of a status usually are, for titles ("validation errors: …"). */
function errorContext(status: number): string | undefined {
  if (status === 400 || status === 422) return 'validation errors';
  if (status === 401) return 'authentication errors';
  if (status === 403) return 'authorisation errors';
  if (status === 404) return 'not-found errors';
  if (status === 409) return 'conflict errors';
  if (status === 429) return 'rate-limit errors';
  if (status >= 500) return 'server errors';
  if (status >= 400) return 'client errors';
  return undefined;
}

/** `validation errors: A; B` for error answers (same status on both sides), else `A; B`. */
export function divergenceTitle(comparison: Comparison, matches: readonly PatternMatch[]): string {
  const titles = patternTitles(matches).join('; ');
  const context = comparison.status.equal ? errorContext(comparison.status.baseline) : undefined;
  return context === undefined ? titles : `${context}: ${titles}`;
}

/**
 * The patterns of a comparison as a divergence keeps them, or undefined when
 * none matched; `recognition` is `recognisePatterns(comparison.body)`.
 */
export function patternOf(
  comparison: Comparison,
  recognition: Recognition,
): DivergencePattern | undefined {
  const { matches } = recognition;
  if (matches.length === 0) return undefined;
  const seen = new Set<string>();
  const refs = [];
  for (const m of matches) {
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    refs.push({ name: m.name, title: m.title, key: m.key });
  }
  return {
    title: divergenceTitle(comparison, matches),
    matches: refs,
    complete: fullyExplained(comparison, recognition),
  };
}

/**
 * One sentence per root cause (occurrences with the same key are one, with a
 * count of the other places), at most `limit` of them, then a count of the rest.
 */
export function patternSentences(matches: readonly PatternMatch[], limit = 4): string[] {
  const byKey = new Map<string, { first: PatternMatch; count: number }>();
  for (const m of matches) {
    const entry = byKey.get(m.key);
    if (entry === undefined) byKey.set(m.key, { first: m, count: 1 });
    else entry.count++;
  }
  const entries = [...byKey.values()];
  const sentences = entries.slice(0, limit).map(({ first, count }) => {
    const more = count > 1 ? ` (and ${count - 1} more like it)` : '';
    return `${capitalise(first.explanation)}${more}.`;
  });
  const rest = entries.length - limit;
  if (rest > 0) sentences.push(`${rest} more recognised pattern${rest === 1 ? '' : 's'}.`);
  return sentences;
}
