/**
 * A value moved to a member of its own (issue 43: an answer's restructure is
 * one cause). In one answer, a value that differs at `X/a` while the other
 * side adds a member `X/b` of the same object holding the value `X/a` had
 * (`{"error": "user not found"}` against `{"error": "Not Found", "message":
 * "user not found", "statusCode": 404}`: the message moved to `message`, and
 * `error` now names the status), or lacks a member `X/b` that held the value
 * `X/a` now has, is part of that member's change. The clustering joins them
 * when the value moved in **every** answer its change shows in.
 *
 * **Kept apart**: a value that differs with no member holding its old value
 * (a reworded message), or that moved in some answers only; a member of
 * another object; a value too plain to say it moved (a boolean, `null`, an
 * empty string, a number of one digit). Pure.
 */

/** A body change with its values, as a result keeps it. */
export interface ConcreteChange {
  readonly op: string;
  readonly path: string;
  readonly baseline?: unknown;
  readonly candidate?: unknown;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** A value that says something when it shows elsewhere: text, or a number of two digits or more. */
function telling(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'number' && Math.abs(value) >= 10;
}

/** Each value change's path with the path of the member its old value moved to, in one answer. */
export function valueMoves(changes: readonly ConcreteChange[]): [string, string][] {
  const out: [string, string][] = [];
  for (const value of changes) {
    if (value.op !== 'value') continue;
    const parent = parentOf(value.path);
    // The values first, the paths last: comparing two parents reads them whole
    // (200 levels of 1,000-character keys are 200 KB a path, for each pair).
    const moved = changes.find(
      (other) =>
        other !== value &&
        ((other.op === 'added' &&
          telling(value.baseline) &&
          Object.is(other.candidate, value.baseline)) ||
          (other.op === 'removed' &&
            telling(value.candidate) &&
            Object.is(other.baseline, value.candidate))) &&
        parentOf(other.path) === parent,
    );
    if (moved !== undefined) out.push([value.path, moved.path]);
  }
  return out;
}

/** A change as the clustering has seen it: per answer, the members its old value moved to there. */
export interface SeenMoves<T> {
  readonly answers: ReadonlySet<string>;
  /** By case id (`noteMoves`). */
  moves?: Map<string, Set<T>>;
}

/**
 * Notes the values one answer moved on the entries it was seen under
 * (`here`: each concrete path's entry): each value change's entry with the
 * entry of the member the other side adds (or lacks) in the same object
 * holding its old value.
 */
export function noteMoves<T extends SeenMoves<T>>(
  caseId: string,
  changes: readonly ConcreteChange[],
  here: ReadonlyMap<string, T>,
): void {
  for (const [from, to] of valueMoves(changes)) {
    const value = here.get(from);
    const member = here.get(to);
    if (value === undefined || member === undefined || value === member) continue;
    const moves = value.moves ?? new Map<string, Set<T>>();
    value.moves = moves;
    moves.set(caseId, (moves.get(caseId) ?? new Set()).add(member));
  }
}

/** True when a value change moved to a member of its own in every answer it shows in. */
export function movedEverywhere<T>({ moves, answers }: SeenMoves<T>): boolean {
  return moves !== undefined && [...answers].every((answer) => moves.has(answer));
}

/** The entries of value changes moved in every answer they show in, with the members they moved to. */
export function movedGroups<T extends SeenMoves<T>>(seen: Iterable<T>): T[][] {
  const out: T[][] = [];
  for (const one of seen) {
    if (!movedEverywhere(one)) continue;
    const members = [...(one.moves?.values() ?? [])].flatMap((set) => [...set]);
    out.push([one, ...new Set(members)]);
  }
  return out;
}
