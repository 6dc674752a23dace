/**
 * One decision seen in exactly the same answers (issue 43): the mechanism
 * rules 52, 53 and 57 share. A "rider" (a `content-type` label, a list's
 * order, a member beside a nesting) joins a "host" row (a whole body's, a
 * list's elements', a nesting's) when the two show in exactly the same
 * answers, as many as the rule's bound or more, and nowhere else, and the
 * host's answers give it to one row. Each rule says what its riders and
 * hosts are; this module only compares where they show. Pure.
 */

/** Answers as a rule collects them: a set of case ids, or a map keyed by them. */
type Answers = ReadonlySet<string> | ReadonlyMap<string, unknown>;

/**
 * True when `rider` and `host` show in exactly the same answers, `least`
 * of them or more.
 */
export function inSameAnswers(rider: Answers, host: Answers | undefined, least: number): boolean {
  if (host === undefined || rider.size < least || host.size !== rider.size) return false;
  for (const caseId of host.keys()) if (!rider.has(caseId)) return false;
  return true;
}

/**
 * The one row all `rows` name (by `key`); undefined for none, for two, or
 * when an answer gave no row (`undefined`: its findings went to two).
 */
export function oneRow<T>(
  rows: readonly (T | undefined)[],
  key: (row: T) => string,
): T | undefined {
  const [row] = rows;
  if (row === undefined) return undefined;
  const first = key(row);
  return rows.every((one) => one !== undefined && key(one) === first) ? row : undefined;
}

/**
 * The one host (of `hosts`, by key: where it shows and its row) whose
 * answers are exactly the rider's, `least` or more; undefined for none, and
 * for two (nothing says which the rider joins).
 */
export function soleHost<R>(
  rider: Answers,
  hosts: Iterable<{ readonly answers: Answers; readonly row: R }>,
  least: number,
): R | undefined {
  const found = [...hosts].filter(({ answers }) => inSameAnswers(rider, answers, least));
  const [one] = found;
  return found.length === 1 && one !== undefined ? one.row : undefined;
}
