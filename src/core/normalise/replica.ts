/**
 * The `--noise` replica's answer masked where the baseline's was: a
 * per-instance value (a run stamp, a derived revision) compared as a token
 * on both sides must be a token in the replica's answer too, or noise would
 * be learned from a token against a raw value. Pure.
 */
import type { Response, SideOutcome } from '../../contract/model/exchange.js';
import { parsePointer } from '../../util/json-pointer.js';
import { isExactNumber } from '../wire/exact-number.js';
import { isTreeBody, treeWithValue } from '../wire/tree-body.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !isExactNumber(value)
  );
}

/** The value at `segments`, or undefined. */
export function valueAt(value: unknown, segments: readonly string[]): unknown {
  let at = value;
  for (const segment of segments) {
    if (Array.isArray(at)) at = at[Number(segment)];
    else if (isObject(at) && Object.hasOwn(at, segment)) at = at[segment];
    else return undefined;
  }
  return at;
}

/** `value` with the member at `segments` replaced by what `make(member)` gives (the member itself: kept). */
function replaceAt(
  value: unknown,
  segments: readonly string[],
  make: (member: unknown) => unknown,
): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return make(value);
  if (Array.isArray(value)) {
    const i = Number(head);
    if (!Number.isInteger(i) || i < 0 || i >= value.length) return value;
    const out = [...value];
    out[i] = replaceAt(value[i], rest, make);
    return out;
  }
  if (isObject(value) && Object.hasOwn(value, head)) {
    return { ...value, [head]: replaceAt(value[head], rest, make) };
  }
  return value;
}

/**
 * `replica` with `token` at each body pointer of `places` where its value and
 * the baseline's raw value there are alike (`alike(baselineValue, replicaValue)`).
 */
export function maskReplicaAt(
  replica: SideOutcome,
  baseline: Response,
  at: {
    readonly places: readonly string[];
    readonly alike: (baseline: unknown, replica: unknown) => boolean;
    /** The placeholder, or the placeholder at each place (one per format: `stamps.ts`). */
    readonly token: string | ((place: string) => string);
  },
): SideOutcome {
  if (replica.outcome !== 'response') return replica;
  const { body } = replica.response;
  const raw = baseline.body;
  if (!isTreeBody(body) || !isTreeBody(raw)) return replica;
  let value = body.value;
  for (const place of at.places) {
    if (!place.startsWith('/')) continue;
    const segments = place === '/' ? [] : parsePointer(place);
    const wanted = valueAt(raw.value, segments);
    const token = typeof at.token === 'string' ? at.token : at.token(place);
    value = replaceAt(value, segments, (member) => (at.alike(wanted, member) ? token : member));
  }
  if (value === body.value) return replica;
  return {
    outcome: 'response',
    response: { ...replica.response, body: treeWithValue(body, value) },
  };
}

/**
 * `replica` with the value at each body pointer of `places` replaced by what
 * `make` gives for it (undefined: kept): the replica read as the baseline
 * was read there (a signed token opened: `signed-tokens.ts`).
 */
export function replaceReplicaAt(
  replica: SideOutcome,
  places: readonly string[],
  make: (member: unknown) => unknown,
): SideOutcome {
  if (replica.outcome !== 'response') return replica;
  const { body } = replica.response;
  if (!isTreeBody(body)) return replica;
  let value = body.value;
  for (const place of places) {
    const segments = place === '' ? [] : parsePointer(place);
    value = replaceAt(value, segments, (member) => make(member) ?? member);
  }
  if (value === body.value) return replica;
  return {
    outcome: 'response',
    response: { ...replica.response, body: treeWithValue(body, value) },
  };
}
