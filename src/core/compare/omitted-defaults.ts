/**
 * One side leaves out every member at its default value (issue 43: keyed by
 * what changed, not by where). An encoder that omits defaults does it for
 * every message it writes: the protobuf JSON mapping (protojson, a gRPC
 * gateway) leaves out `0`, `""`, `false`, an empty list or map, in a
 * header, in a record, in a list's elements, on every endpoint. Each object
 * that shows it is already one signature (`ZERO_VALUED_MEMBERS`, one cause
 * per object), and an empty list or map left out at a field is the
 * `nil-slice`/`nil-map` pattern (`[] vs absent`); the same side doing it in
 * two objects or more (signatures, fields of those patterns) is one
 * convention, one cause: ``baseline leaves members at their zero value out,
 * candidate writes them, in `/item`, `/` ``, where the run identified that
 * side's encoder as one that leaves every default out (the protobuf JSON
 * mapping: its three habits in the answers, or `runtime: protobuf`). One
 * cause is a claim that one encoder did it, and the answers alone cannot
 * tell an encoder's habit from members the other side added, each at its
 * initial value (a `telemetryEnabled: false` in the settings, a `plugins:
 * []` in a module's description: two features of a new major, two rows).
 *
 * **Kept apart**: the other direction (each side's own convention is its own
 * row), a member one side lacks whose value on the other side is not a zero
 * value (never a signature: a member of its own), `null` against absent
 * (`null-vs-absent`: an encoder's choice of its own), an empty collection
 * written as `null`, a signature that one answer's restructure holds with
 * other members (that answer's change), one object alone (its signature
 * row as before), and a side whose encoder the run did not identify so
 * (each object's signature, each field's pattern, as before). Pure.
 */
import type { SideRuntimes } from '../../contract/model/runtime.js';
import type {
  Finding,
  RootCause,
  SkeletonChange,
  StructureCause,
} from '../../contract/root-cause.js';
import type { Runtime } from '../../contract/vocabulary.js';
import { ANY_FIELD } from './patterns/types.js';
import { ownKey } from './recurring-causes.js';
import { ANY_ENDPOINT, ZERO_VALUED_MEMBERS } from './root-cause.js';
import type { OmitsZero } from './zero-omissions.js';

/** The side that leaves defaults out. */
type Side = 'baseline' | 'candidate';

/** The runtimes whose encoder leaves every member at its default value out: the protobuf JSON mapping. */
const LEAVES_DEFAULTS_OUT: ReadonlySet<Runtime> = new Set(['protobuf']);

/** Patterns of an empty collection on one side: `[] vs absent`, `{} vs absent` are defaults left out. */
const EMPTY_COLLECTIONS: ReadonlySet<string> = new Set(['nil-slice', 'nil-map']);

/** The side a zero-valued signature says leaves its members out; undefined for another change. */
function omitterOfSignature(change: SkeletonChange): Side | undefined {
  if (change.candidate === ZERO_VALUED_MEMBERS) return 'baseline';
  if (change.baseline === ZERO_VALUED_MEMBERS) return 'candidate';
  return undefined;
}

/** The side an empty collection left out at a field says omits it; undefined for another cause. */
function omitterOfPattern(cause: RootCause): Side | undefined {
  if (cause.type !== 'pattern' || !EMPTY_COLLECTIONS.has(cause.pattern)) return undefined;
  const [empty, other] = cause.params;
  if (other !== 'absent') return undefined;
  return empty === 'candidate-empty'
    ? 'baseline'
    : empty === 'baseline-empty'
      ? 'candidate'
      : undefined;
}

/** One side's defaults left out, as the run showed them. */
export interface OmittedDefaults {
  /** The cause every signature and pattern of it is one row under. */
  readonly cause: StructureCause;
  /** The zero-valued signatures it stands for. */
  readonly signatures: readonly SkeletonChange[];
  /** Own keys (`ownKey`) of the pattern causes it stands for, per field and of any field. */
  readonly patternKeys: ReadonlySet<string>;
}

/** A zero-valued signature and the members it stands for. */
export interface Signature {
  readonly change: SkeletonChange;
  /** The members' names (`args`), in every answer that showed it. */
  readonly names: ReadonlySet<string>;
  /** The members' pointers (`/from/args`), in every answer that showed it. */
  readonly paths: ReadonlySet<string>;
}

/** A finding as rule 18 reads it: its cause and where it showed. */
type Shown = Pick<Finding, 'cause' | 'paths'>;

/**
 * Per side that leaves defaults out in two objects or more: the one cause,
 * where its encoder is identified as one that does (`runtimes`) or where its
 * answers show it omits those members at zero (`omitsZero`: two members or
 * more, each written by that side elsewhere with another value and never at
 * its zero value, see `omittedAtZero`); where neither, one cause per set of
 * member names that two objects or more lack alike (an address's `args:
 * false` under `from` and under each element of `to`: one member of one
 * kind of object, wherever it sits), empty collections apart. `signatures`:
 * the zero-valued signatures free to join (not held by an answer's
 * restructure with other members), in key order; `patterns`: the run's
 * findings (each answer's, consequences left out).
 */
export function omittedDefaults(
  signatures: readonly Signature[],
  patterns: Iterable<Shown>,
  runtimes: SideRuntimes,
  omitsZero?: OmitsZero,
): OmittedDefaults[] {
  const out: OmittedDefaults[] = [];
  const shown = [...patterns];
  for (const side of ['baseline', 'candidate'] as const) {
    const mine = signatures.filter(({ change }) => omitterOfSignature(change) === side);
    const runtime = runtimes[side];
    if (runtime === undefined || !LEAVES_DEFAULTS_OUT.has(runtime)) {
      const atZero =
        omitsZero === undefined ? undefined : omittedAtZero(mine, shown, side, omitsZero);
      const joined = new Set(atZero?.signatures);
      if (atZero !== undefined) out.push(atZero);
      out.push(
        ...sameMembers(
          mine.filter(({ change }) => !joined.has(change)),
          side,
        ),
      );
      continue;
    }
    const [first, ...rest] = mine.map(({ change }) => change);
    // Without a signature, fields of one pattern recur as that pattern (`recurring-causes.ts`).
    if (first === undefined) continue;
    const fields = new Set<string>();
    const patternKeys = new Set<string>();
    for (const { cause } of shown) {
      if (cause.type !== 'pattern' || omitterOfPattern(cause) !== side) continue;
      if (cause.field !== ANY_FIELD) fields.add(cause.field);
      patternKeys.add(ownKey(cause));
      patternKeys.add(ownKey({ ...cause, field: ANY_FIELD }));
    }
    if (mine.length + fields.size < 2) continue;
    out.push({
      cause: defaultsCause(side, first, rest, namedFields(fields)),
      signatures: [first, ...rest],
      patternKeys,
    });
  }
  return out;
}

/** Fields are named in the row's words, split at spaces: a name with one is left out of them. */
function namedFields(fields: Iterable<string>): string[] {
  return [...fields].filter((field) => !/\s/.test(field)).sort();
}

/** The fewest members, each omitted at zero, that show an encoder's habit rather than one member's. */
const FEWEST_OMITTED = 2;

/**
 * One side's defaults left out where its answers show it (a side whose
 * encoder the run did not identify): the signatures of `side` whose every
 * member it leaves out only at zero (`omitsZero`), and the empty collections
 * it leaves out at a field where it writes that field elsewhere, non-empty,
 * and never empty, in two objects or more and of two members or more
 * (`FEWEST_OMITTED`: one member may have a reason of its own, as one
 * resource's change does under rule 1; two show the encoder). Undefined
 * when they are fewer, or hold no signature (fields alone recur as their
 * pattern). A signature or field with a member the side never writes (a
 * feature it lacks) or writes at zero somewhere stays apart.
 */
function omittedAtZero(
  mine: readonly Signature[],
  shown: readonly Shown[],
  side: Side,
  omitsZero: OmitsZero,
): OmittedDefaults | undefined {
  // Fields alone recur as their pattern: without a signature, no side's bodies are read.
  if (mine.length === 0) return undefined;
  const members = new Set<string>();
  const keysOf = (paths: Iterable<string>): string[] | undefined => {
    const keys = [...paths].map((path) => omitsZero(side, path));
    if (keys.length === 0 || keys.some((key) => key === undefined)) return undefined;
    return keys.filter((key) => key !== undefined);
  };
  const joined: SkeletonChange[] = [];
  for (const { change, paths } of mine) {
    const keys = keysOf(paths);
    if (keys === undefined) continue;
    joined.push(change);
    for (const key of keys) members.add(key);
  }
  // Per pattern cause of `side` at a field: the paths it showed at.
  const byCause = new Map<string, { cause: RootCause; paths: string[] }>();
  for (const { cause, paths } of shown) {
    if (cause.type !== 'pattern' || cause.field === ANY_FIELD) continue;
    if (omitterOfPattern(cause) !== side) continue;
    const own = ownKey(cause);
    const seen = byCause.get(own) ?? { cause, paths: [] };
    byCause.set(own, { cause, paths: [...seen.paths, ...paths] });
  }
  const fields = new Set<string>();
  const patternKeys = new Set<string>();
  const apart = new Set<string>();
  for (const [own, { cause, paths }] of byCause) {
    if (cause.type !== 'pattern') continue;
    const anyField = ownKey({ ...cause, field: ANY_FIELD });
    const keys = keysOf(paths);
    if (keys === undefined) {
      // A field kept apart keeps the pattern's row of any field too.
      apart.add(anyField);
      continue;
    }
    fields.add(cause.field);
    patternKeys.add(own);
    patternKeys.add(anyField);
    for (const key of keys) members.add(key);
  }
  for (const key of apart) patternKeys.delete(key);
  const [first, ...rest] = joined;
  if (first === undefined || joined.length + fields.size < 2) return undefined;
  if (members.size < FEWEST_OMITTED) return undefined;
  return {
    cause: defaultsCause(side, first, rest, namedFields(fields)),
    signatures: joined,
    patternKeys,
  };
}

/** The cause of one side's defaults left out, in the objects of `first` and `rest`. */
function defaultsCause(
  side: Side,
  first: SkeletonChange,
  rest: readonly SkeletonChange[],
  fields: readonly string[],
): StructureCause {
  return {
    type: 'structure',
    endpoint: ANY_ENDPOINT,
    change: first,
    ...(rest.length === 0 ? {} : { together: rest }),
    // The fields it left an empty collection out at, for the row's words (not part of the fingerprint).
    transform: ['defaults', side, ...fields].join(' '),
  };
}

/** One cause per set of member names two objects or more of `side` lack (or add) at their zero value. */
function sameMembers(mine: readonly Signature[], side: Side): OmittedDefaults[] {
  const byNames = new Map<string, SkeletonChange[]>();
  for (const { change, names } of mine) {
    // Members no answer named: nothing says they are the same.
    if (names.size === 0) continue;
    const key = JSON.stringify([...names].sort());
    byNames.set(key, [...(byNames.get(key) ?? []), change]);
  }
  const out: OmittedDefaults[] = [];
  for (const [first, ...rest] of byNames.values()) {
    if (first === undefined || rest.length === 0) continue;
    out.push({
      cause: defaultsCause(side, first, rest, []),
      signatures: [first, ...rest],
      patternKeys: new Set(),
    });
  }
  return out;
}
