/**
 * What changed between two whole JSON bodies of different types (a string
 * against an object, a list against an object), without where (issue 43).
 * Such a body is its endpoint's finding (`findings.ts`); its `difference`
 * says what changed, so the same transition on several endpoints is one
 * cause (`recurring-causes.ts`), as a text body's is (`text-bodies.ts`):
 * an Express handler that answers `"File not found"` on every file route
 * where its rewrite answers `{"error": …}` is one decision, not one row per
 * route.
 *
 * The difference is keyed by the two statuses and each side's shape: a
 * string, number or boolean by its template (`value-template.ts`: a message
 * by its words, a number by its precision), or by itself where it has none;
 * an object by its member names (never their values: each route names its
 * own missing thing); a list by its elements' JSON types. So another
 * transition, another status, another message on the string side or another
 * member set on the object side is another cause. Pure.
 */
import { createHash } from 'node:crypto';
import type { Change } from '../../contract/observation.js';
import { isJsonObject } from '../normalise/json.js';
import { sideType } from './fingerprint.js';
import { valueTemplate } from './value-template.js';

/** The kind of a whole-body type difference (`type|<baseline>|<candidate>|<hash>`). */
export const TYPE_DIFFERENCE = 'type';

/** The answers' statuses, one per side. */
export interface SideStatuses {
  readonly baseline: number;
  readonly candidate: number;
}

/** One side's whole body without what varies per answer (see the module comment). */
function shapeOfSide(value: unknown): unknown {
  if (isJsonObject(value)) return { members: Object.keys(value).sort() };
  if (Array.isArray(value)) return { elements: [...new Set(value.map(sideType))].sort() };
  return { value: valueTemplate(value) ?? value };
}

/**
 * `type|string 404|object 404|<hash>`: what changed between two whole bodies
 * of different JSON types (see the module comment), for a change of the
 * whole body (`path ''`, op `type`); undefined for any other change.
 */
export function typeDifference(change: Change, statuses: SideStatuses): string | undefined {
  if (change.path !== '' || change.op !== 'type') return undefined;
  const sides = [change.baseline, change.candidate];
  const [b, c] = sides.map(
    (value, index) => `${sideType(value)} ${index === 0 ? statuses.baseline : statuses.candidate}`,
  );
  const hash = createHash('sha256')
    .update(JSON.stringify([b, c, ...sides.map(shapeOfSide)]))
    .digest('hex')
    .slice(0, 12);
  return `${TYPE_DIFFERENCE}|${b}|${c}|${hash}`;
}

/**
 * The summary of a type difference keyed alone (several endpoints): `body
 * string vs object alike on several endpoints (404, 3f2a9c1b)`; the bodies
 * themselves never reach a summary.
 */
export function typeDifferenceWords(difference: string): string {
  const [, b = '', c = '', hash = ''] = difference.split('|');
  const [bType, bStatus] = b.split(' ');
  const [cType, cStatus] = c.split(' ');
  const statuses = bStatus === cStatus ? bStatus : `${bStatus} → ${cStatus}`;
  return `body ${bType} vs ${cType} alike on several endpoints (${statuses}, ${hash.slice(0, 8)})`;
}
