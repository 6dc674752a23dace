/**
 * `xml-rpc-type`: an XML-RPC `<value>` whose one type element is another on
 * each side (`<double>20.0</double>` vs `<int>20</int>`: JavaScript has one
 * number type; `<i8>` vs `<string>`; `<int>` vs `<i4>`). In the tree of
 * `core/xml/tree.ts` it shows as the type element removed and another added
 * under the same `…/value`. One type transition, keyed by the two type
 * names wherever it recurs (tracker rule 35), as integers written as strings
 * are in JSON. Where the two texts also say other values (`<double>20.5`
 * vs `<int>21`), that is a value question of its own (`leaves`), never the
 * reason the transition is missed. Structs and arrays are no scalar type:
 * a scalar against a struct stays a change of its own.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { both } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { memberGroups } from './util.js';

/** XML-RPC's scalar type elements (and the common `ex:` extensions). */
const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'int',
  'i4',
  'i8',
  'ex:i8',
  'double',
  'boolean',
  'string',
  'dateTime.iso8601',
  'base64',
  'nil',
  'ex:nil',
]);

/** The element that holds one typed value. */
const VALUE_ELEMENT = /(?:^|\/)value$/;

/** True when two texts write the same value (`20.0` and `20` are one number). */
function sameValue(baseline: string, candidate: string): boolean {
  if (baseline.trim() === candidate.trim()) return true;
  const b = Number(baseline);
  const c = Number(candidate);
  return baseline.trim() !== '' && candidate.trim() !== '' && Number.isFinite(b) && b === c;
}

/** The text a typed element holds (`<nil/>` holds none). */
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value === null ? '' : undefined;

/** How a runtime chooses an XML-RPC value's type element. */
const ADVICE = {
  python:
    'xmlrpc.client writes an `int` as `<int>`, a `float` as `<double>` and a `str` as `<string>`: convert the value before it is answered',
  node: 'a JavaScript number has one type, so its XML-RPC library picks `<int>` or `<double>` from the value: write the element yourself where its type must not change',
} as const;

function hint({ params, runtimes }: PatternHintInput): FixHint {
  const [baseline = 'its type', candidate = 'its type'] = params;
  return both(
    runtimes,
    `type these values as ${codeSpan(`<${candidate}>`)}, as the candidate does`,
    `type these values as ${codeSpan(`<${baseline}>`)}, as the baseline does`,
    ADVICE,
  );
}

export const xmlRpcType: Pattern<'xml-rpc-type'> = {
  name: 'xml-rpc-type',
  meaning:
    'an XML-RPC value is typed with another scalar type element on each side (`<double>` vs `<int>`, `<i8>` vs `<string>`)',
  kindOf: () => 'shape',
  hint,
  ops: ['added', 'removed'],
  recognise(changes) {
    const matches: PatternMatch<'xml-rpc-type'>[] = [];
    for (const group of memberGroups(changes)) {
      if (!VALUE_ELEMENT.test(group.parent)) continue;
      const [removed, ...moreRemoved] = group.removed;
      const [added, ...moreAdded] = group.added;
      if (removed === undefined || added === undefined) continue;
      if (moreRemoved.length > 0 || moreAdded.length > 0) continue;
      if (!SCALAR_TYPES.has(removed.name) || !SCALAR_TYPES.has(added.name)) continue;
      const baseline = textOf(removed.change.baseline);
      const candidate = textOf(added.change.candidate);
      if (baseline === undefined || candidate === undefined) continue;
      const detail = `XML-RPC ${codeSpan(`<${removed.name}>`)} vs ${codeSpan(`<${added.name}>`)}`;
      matches.push({
        name: 'xml-rpc-type',
        title: detail,
        explanation: `baseline types the value at ${codeSpan(group.parent)} as ${codeSpan(`<${removed.name}>`)} (${JSON.stringify(baseline)}), candidate as ${codeSpan(`<${added.name}>`)} (${JSON.stringify(candidate)})`,
        key: `xml-rpc-type:${removed.name}:${added.name}`,
        anchor: group.parent,
        // One decision whatever member holds the value: its `value` element names no field.
        field: '',
        params: [removed.name, added.name],
        detail,
        covers: [removed.change, added.change],
        ...(sameValue(baseline, candidate)
          ? {}
          : {
              leaves: [{ op: 'value', path: group.parent, baseline, candidate } satisfies Change],
            }),
      });
    }
    return matches;
  },
};
