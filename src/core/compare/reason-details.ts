/**
 * One refusal's details, on several operations, are one cause (issue 43,
 * rule 43). A change one answer alone shows is keyed by its resource (an
 * RPC operation's): a JSON-RPC server whose revert error carries its data
 * as the return data on `eth_call` (`/error/data` object vs string) and as
 * `{hash, programCounter, result, …}` on `eth_estimateGas` made two rows,
 * one per operation. Both answers refuse for **one reason, worded alike on
 * both sides** (`VM Exception while processing transaction: revert`): the
 * error is the same, and how it reports its details is one decision.
 *
 * The rule, once the run has seen every answer: changes at or under **one
 * member of a refusal object** (`/error/data`, `/fault/detail`: the body's
 * top refusal member, `refused-answers.ts`, and one member of it), on error
 * answers (`error-envelopes.ts`: both sides refused, in one class), where
 * every answer's refusal object holds **the same prose on both sides** (its
 * string members of two words or more that both sides write alike: the
 * reason), the same in every answer, on **two resources or more**, are one
 * cause.
 *
 * **Kept apart**: another reason (a refusal worded otherwise, or worded
 * alike on one side only: two errors, two rows); a change under another
 * member of the refusal object; a change the error envelope's row holds
 * (`claimed`: the handler's, on every refusal); a reason seen on one
 * resource only (its own row, as before); answers a side accepted. Pure.
 */
import { isJsonObject } from '../normalise/json.js';
import { isRefusalMember } from './body-refusals.js';
import type { Seen } from './seen-changes.js';

/** At least this many words make a string member a reason (prose), not a code or a name. */
const REASON_WORDS = 2;

/** A refusal object's reason: its prose members both sides write alike, as one key; undefined for none. */
function reasonOf(baseline: unknown, candidate: unknown, top: string): string | undefined {
  if (!isJsonObject(baseline) || !isJsonObject(candidate)) return undefined;
  const b = baseline[top];
  const c = candidate[top];
  if (!isJsonObject(b) || !isJsonObject(c)) return undefined;
  const alike = Object.keys(b)
    .filter((key) => {
      const value = b[key];
      return (
        typeof value === 'string' &&
        value === c[key] &&
        value.trim().split(/\s+/).length >= REASON_WORDS
      );
    })
    .sort()
    .map((key) => [key, b[key]]);
  return alike.length === 0 ? undefined : JSON.stringify(alike);
}

/** The member of a refusal object a change sits at or under (`/error/data`); undefined for none. */
function memberOf(path: string): { readonly top: string; readonly member: string } | undefined {
  const [empty, top, member] = path.split('/');
  if (empty !== '' || top === undefined || member === undefined || member === '*') return undefined;
  if (!isRefusalMember(top)) return undefined;
  return { top, member: `/${top}/${member}` };
}

/**
 * The groups of changes under one member of the refusal object, for one
 * reason, on two resources or more (see the module comment); `claimed`, the
 * error envelopes' members, left out.
 */
export function reasonDetails(
  seen: Iterable<Seen>,
  classes: ReadonlyMap<string, string>,
  bodies: ReadonlyMap<string, { readonly baseline?: unknown; readonly candidate?: unknown }>,
  claimed: ReadonlySet<Seen>,
): Seen[][] {
  const groups = new Map<string, { members: Seen[]; resources: Set<string> }>();
  for (const one of seen) {
    if (claimed.has(one)) continue;
    const at = memberOf(one.change.path);
    if (at === undefined) continue;
    const reasons = new Set(
      [...one.answers].map((answer) => {
        const both = bodies.get(answer);
        if (!classes.has(answer) || both === undefined) return undefined;
        return reasonOf(both.baseline, both.candidate, at.top);
      }),
    );
    const [reason] = reasons;
    if (reasons.size !== 1 || reason === undefined) continue;
    const key = JSON.stringify([at.member, reason]);
    const group = groups.get(key) ?? { members: [], resources: new Set<string>() };
    groups.set(key, group);
    group.members.push(one);
    for (const resource of one.resources) group.resources.add(resource);
  }
  return [...groups.values()]
    .filter(({ resources }) => resources.size >= 2)
    .map(({ members }) => members);
}
