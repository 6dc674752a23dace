/**
 * Whether a side writes its JSON by the protobuf JSON mapping (protojson, a
 * gRPC gateway), from what the two sides' answers show side by side. The
 * mapping's three habits, each alone shared with other encoders, together
 * its own:
 *
 * - 64-bit integers written as strings (`"42"` where the other side writes `42`);
 * - members at their default value left out (`0`, `""`, `false`, `[]` on the
 *   other side, absent on this one);
 * - lowerCamelCase names (`json_name`): no snake_case, PascalCase or
 *   kebab-case key on this side, and at least one camelCase key of two words.
 *
 * Evidence adds up over a run's answers (`addProtobufSigns`); a side is
 * identified once it showed all three (`protobufVerdict`). Pure.
 */
import { isJsonObject } from '../normalise/json.js';

/** What one side's answers showed so far. */
export interface ProtobufSigns {
  /** Integers this side wrote as digit strings where the other wrote numbers. */
  int64Strings: number;
  /** Members the other side wrote at a default value (`0`, `""`, `false`, `[]`) and this side left out. */
  omittedDefaults: number;
  /** Keys of two words or more in lowerCamelCase (`createTime`). */
  camelKeys: number;
  /** Keys in another convention (`create_time`, `CreateTime`, `create-time`). */
  otherKeys: number;
}

/** Signs of both sides. */
export interface PairSigns {
  readonly baseline: ProtobufSigns;
  readonly candidate: ProtobufSigns;
}

/** No signs yet. */
export function noSigns(): PairSigns {
  const none = (): ProtobufSigns => ({
    int64Strings: 0,
    omittedDefaults: 0,
    camelKeys: 0,
    otherKeys: 0,
  });
  return { baseline: none(), candidate: none() };
}

/** At most this many values of one answer pair are looked at: the first ones tell. */
const MAX_NODES = 2048;

const DIGITS = /^-?\d+$/;
const CAMEL = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
/**
 * Names in another convention: snake_case, PascalCase, kebab-case. Keys of a
 * map (ids, UUIDs, hashes) are none of these, nor counted either way.
 */
const OTHER_CONVENTION =
  /^(?:[a-z]+(?:_[a-z0-9]+)+|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)*|[a-z]+(?:-[a-z]+)+)$/;

/** `0`, `""`, `false`, `[]`: what the mapping leaves out (an empty message `{}` is a value it writes). */
function isDefault(value: unknown): boolean {
  return (
    value === 0 || value === '' || value === false || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Past this length a key names no field (a 10 MB key was two seconds of the
 * expressions below, which read it to its end and back): not counted either way.
 */
const LONGEST_NAME = 256;

function countKey(key: string, signs: ProtobufSigns): void {
  if (key.length > LONGEST_NAME) return;
  if (CAMEL.test(key)) signs.camelKeys++;
  else if (OTHER_CONVENTION.test(key)) signs.otherKeys++;
}

/**
 * Adds the signs one answer pair shows (`baseline` and `candidate`: the two
 * parsed JSON bodies) to `signs`, walking both in step, bounded.
 */
export function addProtobufSigns(signs: PairSigns, baseline: unknown, candidate: unknown): void {
  let budget = MAX_NODES;
  const walk = (b: unknown, c: unknown, depth: number): void => {
    if (--budget < 0 || depth > 32) return;
    if (typeof b === 'string' && typeof c === 'number' && Number.isInteger(c)) {
      if (DIGITS.test(b)) signs.baseline.int64Strings++;
      return;
    }
    if (typeof c === 'string' && typeof b === 'number' && Number.isInteger(b)) {
      if (DIGITS.test(c)) signs.candidate.int64Strings++;
      return;
    }
    if (Array.isArray(b) && Array.isArray(c)) {
      const n = Math.min(b.length, c.length);
      for (let i = 0; i < n && budget > 0; i++) walk(b[i], c[i], depth + 1);
      return;
    }
    if (!isJsonObject(b) || !isJsonObject(c)) return;
    for (const [key, value] of Object.entries(b)) {
      if (budget <= 0) return;
      countKey(key, signs.baseline);
      if (Object.hasOwn(c, key)) walk(value, c[key], depth + 1);
      else if (isDefault(value)) signs.candidate.omittedDefaults++;
    }
    for (const [key, value] of Object.entries(c)) {
      if (budget <= 0) return;
      countKey(key, signs.candidate);
      if (!Object.hasOwn(b, key) && isDefault(value)) signs.baseline.omittedDefaults++;
    }
  };
  walk(baseline, candidate, 0);
}

/**
 * The evidence, in words, when a side showed all three habits of the
 * protobuf JSON mapping; `undefined` until then.
 */
export function protobufVerdict(signs: ProtobufSigns): string | undefined {
  const shown =
    signs.int64Strings > 0 &&
    signs.omittedDefaults > 0 &&
    signs.camelKeys > 0 &&
    signs.otherKeys === 0;
  return shown
    ? 'answers: 64-bit integers as strings, default values omitted, lowerCamelCase names'
    : undefined;
}
