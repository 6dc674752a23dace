/**
 * Links to one resource wherever they sit (issue 43: keyed by what changed,
 * not by where). A side that starts to expose a resource links to it from
 * the records that lead there: a HAL `_links.items` on the parent record
 * (`/orders/7/items`) and a `_links.self` on each item it lists
 * (`/orders/7/items/2`). Those members sit under other parents, in other
 * answers (a list of parents shows no item), and hold objects of other
 * shapes, so no other rule joins them; what they share is their target.
 *
 * The rule, once the run has seen every answer: members one side adds (or
 * lacks) whose value is a **link**, every string in it a URL or an absolute
 * path (`/orders/7/items`, `http://host/orders/7/items/2`, the side's own
 * address compared as `{{origin}}`), whose targets are **one resource** (the
 * path's endpoint template without its trailing ids, `endpoint.ts`:
 * `/orders/:id/items` for both) in **every** answer that shows them, are one
 * cause when two places or more do: ``candidate links to
 * `/orders/:id/items`, at `/_links/items`, `/items/*\/_links` ``.
 *
 * **Kept apart**: a link to another resource (`_links.customer`: another
 * question), a member whose value holds anything but links (a `title`
 * beside the `href`), a place that links to two resources across answers,
 * the other side's links, and a place alone (its own row as before). Pure.
 */
import type { SkeletonChange } from '../../contract/root-cause.js';
import { ORIGIN_TOKEN } from '../normalise/origin.js';
import { endpointOf, resourceOfEndpoint } from './endpoint.js';
import type { ConcreteChange } from './moved-values.js';

/** A member change as the clustering has seen it, with the resource its value linked to per answer. */
export interface SeenLinks {
  readonly change: SkeletonChange;
  readonly answers: ReadonlySet<string>;
  /** Per answer (case id): the resource its value links to there, `''` when it held no link. */
  readonly links?: ReadonlyMap<string, string>;
}

/** The transform a group of links stands for: `links <side> <resource>`. */
export const LINKS = 'links';

/** `scheme://authority/…`, or a side's own address compared as `{{origin}}`: what remains is the path. */
const AUTHORITY = new RegExp(
  `^(?:[a-z][a-z0-9+.-]*://[^/?#\\s]+|${ORIGIN_TOKEN.replace(/[{}]/g, '\\$&')})(?=/)`,
  'i',
);

/** A longer string is no link (text, a token, a body): it is never read as one. */
const MAX_LINK = 2048;

/** The resource one link names (`/orders/:id/items`); undefined for a string that is no link. */
function resourceOfLink(text: string): string | undefined {
  if (text.length > MAX_LINK) return undefined;
  const path = text.replace(AUTHORITY, '');
  if (!path.startsWith('/') || path.startsWith('//') || /\s/.test(path)) return undefined;
  const resource = resourceOfEndpoint(endpointOf('GET', path));
  return resource === '/' ? undefined : resource;
}

/** Every string a JSON value holds (its own, or its members' and elements', at any depth). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsOf(item, out);
  }
  return out;
}

/**
 * The one resource a member's value links to: every string in it a link, all
 * to one resource (`''` when it holds no string, a string that is no link,
 * or links to two resources).
 */
export function linkedResource(value: unknown): string {
  const resources = new Set(stringsOf(value).map(resourceOfLink));
  const [one] = resources;
  return resources.size === 1 && one !== undefined ? one : '';
}

/** A member's entry as the clustering collects it: per answer, the resource its value links to. */
export interface LinkNotes {
  links?: Map<string, string>;
}

/**
 * Notes the resource each member one answer adds or lacks links to there on
 * the entry it was seen under (`here`: each concrete path's entry): its link
 * for that answer, `''` once one of its places there holds no link or links
 * elsewhere.
 */
export function noteLinks(
  caseId: string,
  changes: readonly ConcreteChange[],
  here: ReadonlyMap<string, LinkNotes>,
): void {
  for (const change of changes) {
    if (change.op !== 'added' && change.op !== 'removed') continue;
    const entry = here.get(change.path);
    if (entry === undefined) continue;
    const target = linkedResource(change.op === 'added' ? change.candidate : change.baseline);
    const links = entry.links ?? new Map<string, string>();
    entry.links = links;
    const before = links.get(caseId);
    links.set(caseId, before === undefined || before === target ? target : '');
  }
}

/** The side whose value a member change shows: the one that adds it or that it lacks on the other. */
function sideOf(change: SkeletonChange): string | undefined {
  if (change.op === 'added') return 'candidate';
  if (change.op === 'removed') return 'baseline';
  return undefined;
}

/** `links candidate /orders/:id/items`: what every place of the group links to, and which side. */
function linkKey(one: SeenLinks): string | undefined {
  const side = sideOf(one.change);
  const { links } = one;
  if (side === undefined || links === undefined) return undefined;
  const targets = new Set([...one.answers].map((answer) => links.get(answer) ?? ''));
  const [target] = targets;
  if (targets.size !== 1 || target === undefined || target === '') return undefined;
  return `${LINKS} ${side} ${target}`;
}

/** The groups of two places or more that link to one resource from one side, with what they link to. */
export function resourceLinks<T extends SeenLinks>(seen: Iterable<T>): T[][] {
  const byKey = new Map<string, T[]>();
  for (const one of seen) {
    const key = linkKey(one);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), one]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

/** The transform of a group whose every member links to one resource from one side; else undefined. */
export function linksOfGroup(members: readonly SeenLinks[]): string | undefined {
  if (members.length < 2) return undefined;
  const keys = new Set(members.map(linkKey));
  const [key] = keys;
  return keys.size === 1 ? key : undefined;
}
