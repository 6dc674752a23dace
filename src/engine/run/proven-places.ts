/**
 * A place proven per-instance, found again at that place, once every answer
 * is in: where the run proved, in one answer of an endpoint, that the two
 * sides' hex values at a member are each side's own (a digest of an object
 * that holds run stamps, a block hash a later answer echoed: the result's
 * `generated`, `echoed` or `derived`), another answer of the same endpoint
 * whose values at that member (array indices as `*`) differ and are hex
 * digits of one form on both sides (the same length, with or without a `0x`
 * prefix, 16 digits or more) holds such values too: one member of one
 * endpoint holds one kind of value. The receipt of every transaction names
 * the block that holds it by the block's hash, which the block's own stamp
 * made; one receipt's hash echoed by a later read proves the member, the
 * others never read again are the same member. It gets a masking of those
 * places (`generated`, with the answer that proved it) through
 * `generated-masking.ts`, as the same pairs found again do (`same-pairs.ts`).
 * **Stays a divergence**: a value of another form (a word, a number, hex of
 * another length, one side hex and the other not), a value the request
 * named, a place no answer of the endpoint proved, and a member of another
 * endpoint.
 *
 * A member whose values a flow captured whole and sent back in a later
 * request (`sent-back-ids.ts`, tracker rule 49b) is proven too, for values
 * of the one drawn format class the flow's were, on both sides, none of
 * them a value the flow's capture held or the request sent, nor a value one
 * side answered there in two answers (the record a find-or-create endpoint
 * holds, answered again: not drawn anew). Pure.
 */

import { pointerOfEntry } from '../../contract/model/entries.js';
import type { DivergentObservation, Observation } from '../../contract/observation.js';
import { drawnClassOf } from '../../core/normalise/drawn-formats.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { type JudgedChange, maskGenerated } from './generated-masking.js';
import { memberPlaceOf as placeOf, type SentBackIds, type SentBackProof } from './sent-back-ids.js';

/** Hex digits, 16 or more, with or without a `0x` prefix: a digest's or drawn bytes' form. */
const HEX = /^(0x)?(?:[0-9a-f]{16,512}|[0-9A-F]{16,512})$/;

/** A hex value's form (`0x-hex64`, `hex24`), or undefined. */
function hexForm(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = HEX.exec(value);
  if (match === null) return undefined;
  const prefix = match[1] ?? '';
  return `${prefix === '' ? '' : '0x-'}hex${value.length - prefix.length}`;
}

/** The places a result's evidence proved per-instance (body pointers only). */
function provenIn(result: Observation): string[] {
  if (result.verdict === 'error') return [];
  const lists = [
    ...(result.echoed ?? []),
    ...(result.derived ?? []),
    ...(result.generated ?? []).map(pointerOfEntry),
  ];
  return lists.filter((place) => place.startsWith('/'));
}

/**
 * True when both of a change's values are new draws of the class a flow sent
 * back at its member: that class on both sides, none a value the flow held.
 */
function drawnAgain(
  change: { readonly baseline?: unknown; readonly candidate?: unknown },
  proof: SentBackProof,
): boolean {
  const { baseline, candidate } = change;
  if (baseline === candidate) return false;
  if (drawnClassOf(baseline) !== proof.drawn || drawnClassOf(candidate) !== proof.drawn)
    return false;
  return !proof.values.has(String(baseline)) && !proof.values.has(String(candidate));
}

/**
 * How many answers of an endpoint each side's value at a member a flow sent
 * back holds (rule 49b): a value one side answers in two answers there was
 * not drawn anew (a find-or-create endpoint that answers the record it
 * holds), so it is no evidence of a draw.
 */
function answersHolding(
  results: readonly Observation[],
  masking: Masking,
  sentBack: SentBackIds,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const result of results) {
    const current = masking.of(result);
    if (current.verdict !== 'divergent') continue;
    const keys = new Set<string>();
    for (const change of current.changes) {
      if (
        change.op !== 'value' ||
        sentBack.provenAt(current.endpoint, placeOf(change.path)) === undefined
      )
        continue;
      for (const side of ['baseline', 'candidate'] as const) {
        keys.add(heldKey(current.endpoint, change.path, side, change[side]));
      }
    }
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const heldKey = (endpoint: string, path: string, side: string, value: unknown) =>
  JSON.stringify([endpoint, placeOf(path), side, String(value)]);

/** `masking` with a step for each result whose hex values sit at a member proven per-instance. */
export function maskProvenPlaces(input: {
  readonly results: readonly Observation[];
  /** The run's maskings so far. */
  readonly masking: Masking;
  readonly redact: Redactor;
  /** Where the run's flows sent back values they captured whole (rule 49b). */
  readonly sentBack?: SentBackIds | undefined;
}): Masking {
  // endpoint → member → the case that proved it.
  const proven = new Map<string, Map<string, string>>();
  for (const result of input.results) {
    const current = input.masking.of(result);
    for (const place of provenIn(current)) {
      const members = proven.get(current.endpoint) ?? new Map<string, string>();
      if (!members.has(placeOf(place))) members.set(placeOf(place), current.caseId);
      proven.set(current.endpoint, members);
    }
  }
  const { sentBack } = input;
  if (proven.size === 0 && sentBack === undefined) return input.masking;
  const asked = (result: DivergentObservation, value: string) =>
    JSON.stringify(result.request).includes(value);
  const held =
    sentBack === undefined
      ? new Map<string, number>()
      : answersHolding(input.results, input.masking, sentBack);
  const answeredAgain = (result: DivergentObservation, change: JudgedChange) =>
    (['baseline', 'candidate'] as const).some(
      (side) => (held.get(heldKey(result.endpoint, change.path, side, change[side])) ?? 0) > 1,
    );
  return maskGenerated(input, (change, current) => {
    const { baseline, candidate, path } = change;
    const flow = sentBack?.provenAt(current.endpoint, placeOf(path));
    if (
      flow !== undefined &&
      flow.by !== current.caseId &&
      drawnAgain(change, flow) &&
      !answeredAgain(current, change)
    ) {
      if (!asked(current, String(baseline)) && !asked(current, String(candidate))) {
        return `${flow.drawn} ids on both sides at a member whose values the flow that ran ${flow.by} captured and sent back: each side's own`;
      }
    }
    const by = proven.get(current.endpoint)?.get(placeOf(path));
    if (by === undefined || by === current.caseId || baseline === candidate) return undefined;
    const form = hexForm(baseline);
    if (form === undefined || form !== hexForm(candidate)) return undefined;
    if (asked(current, String(baseline)) || asked(current, String(candidate))) return undefined;
    return `${form} on both sides at a member of this endpoint the run proved per-instance in ${by}`;
  });
}
