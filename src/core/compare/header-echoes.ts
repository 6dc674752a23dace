/**
 * A response header that answers what the request asked for (issue 43: a
 * value the request chose is keyed as the request's, never by its value).
 * A server that labels each answer with the media type the client asked for
 * (`accept: application/json;odata=nometadata` answered `content-type:
 * application/json;odata=nometadata`, and `…=minimalmetadata` for a request
 * that asked for that) makes one choice, where the other side labels every
 * answer alike: one row, not one per value the requests asked for. A header
 * whose value on one side (and one only) is the value a request header of
 * the exchange carried, as sent (case and spaces around `;`, `,`, `=`
 * aside), is marked as that side's echo of that header
 * (`HeaderChange.echoes`); its finding keys that side's value as
 * `{{request <name>}}` (`header-findings.ts`). **Kept apart**: a value both
 * sides echo (no difference), a request value of fewer than six characters
 * or a wildcard (`*\/*`: no choice to echo), and a value that merely
 * contains the request's. Pure.
 */
import type { Pairs } from '../../contract/model/case.js';
import type { HeaderChange } from '../../contract/observation.js';

/** A request value shorter than this echoes no choice (`1`, `en`). */
const SHORTEST = 6;

function canonical(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\s*([;,=])\s*/g, '$1');
}

/** `{{request accept}}`: how an echo of a request header is keyed. */
export function echoClass(header: string): string {
  return `{{request ${header}}}`;
}

/** The changes, each whose value on one side is a request header's value marked with it. */
export function withEchoes(changes: readonly HeaderChange[], request: Pairs): HeaderChange[] {
  if (changes.length === 0 || request.length === 0) return [...changes];
  const asked = new Map<string, string>();
  for (const [name, value] of request) {
    const text = canonical(value);
    if (text.length < SHORTEST || text.includes('*')) continue;
    if (!asked.has(text)) asked.set(text, name.toLowerCase());
  }
  if (asked.size === 0) return [...changes];
  return changes.map((change) => {
    const { baseline, candidate } = change;
    if (baseline === undefined || candidate === undefined) return change;
    const b = asked.get(canonical(baseline));
    const c = asked.get(canonical(candidate));
    if ((b === undefined) === (c === undefined)) return change;
    return b === undefined
      ? { ...change, echoes: ['candidate', c ?? ''] as const }
      : { ...change, echoes: ['baseline', b] as const };
  });
}
