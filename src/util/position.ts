/**
 * The types of a source position, apart from src/util/positions.ts (which
 * reads the `yaml` package's documents): the public declarations name these,
 * and so need no `yaml` types.
 */

/** A 1-based position in a text file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Which node a path should point at: `value` is the node at the path (or, when
 * the path does not exist, the deepest existing ancestor: for a missing key that
 * is its parent mapping); `key` is the key of the last segment (for unknown keys).
 */
export type PointAt = 'value' | 'key';

/** Finds the source position of a value path in the parsed file. */
export type Locator = (path: readonly PropertyKey[], at?: PointAt) => Position;
