/**
 * `xml-namespace`: the same XML element in a different namespace URI. In the
 * tree of `tree.ts` an element carries `@xmlns` where its namespace differs from
 * its parent's, so the pattern shows as a change at `…/@xmlns` (a value change,
 * or an added/removed key), or as a text-only element that became
 * `{ "@xmlns": …, "#text": … }` on one side. A renamed prefix never shows up.
 */

import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { parsePointer } from '../../../util/json-pointer.js';
import { isJsonObject } from '../../normalise/json.js';
import { both, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternMatch } from './types.js';
import { patternPath } from './util.js';

const XMLNS = '@xmlns';

/** A namespace as the explanation names it. */
function namespaceName(uri: unknown): string {
  if (uri === undefined) return "its parent's namespace";
  return uri === '' ? 'no namespace' : `namespace ${codeSpan(String(uri))}`;
}

/** The element a path names: the last segment that is not an array index. */
function elementAt(segments: readonly string[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i] ?? '';
    if (!/^\d+$/.test(segment)) return segment;
  }
  return '';
}

/** A text-only element on one side, `{ "@xmlns", "#text"? }` with the same text on the other. */
function wrappedNamespace(plain: unknown, wrapped: unknown): unknown {
  if (typeof plain !== 'string' || !isJsonObject(wrapped)) return undefined;
  const keys = Object.keys(wrapped);
  const onlyNamespace = keys.every((key) => key === XMLNS || key === '#text');
  if (!onlyNamespace || !keys.includes(XMLNS) || (wrapped['#text'] ?? '') !== plain) {
    return undefined;
  }
  return wrapped[XMLNS];
}

interface Finding {
  readonly elementPath: string;
  readonly element: string;
  readonly baseline: unknown;
  readonly candidate: unknown;
}

/** The namespace change a body change stands for, if it is one. */
export function namespaceChange(change: Change): Finding | undefined {
  // Only a change at an `@xmlns` member (its last segment, which needs no
  // escaping) or a `type` change can be one: any other path is not parsed.
  if (change.op !== 'type' && !change.path.endsWith(`/${XMLNS}`)) return undefined;
  const segments = parsePointer(change.path);
  if (segments[segments.length - 1] === XMLNS) {
    const elementSegments = segments.slice(0, -1);
    const elementPath = change.path.slice(0, change.path.length - XMLNS.length - 1);
    const element = elementAt(elementSegments);
    if (change.op === 'value' || change.op === 'added' || change.op === 'removed') {
      return { elementPath, element, baseline: change.baseline, candidate: change.candidate };
    }
    return undefined;
  }
  if (change.op !== 'type') return undefined;
  const element = elementAt(segments);
  const candidateUri = wrappedNamespace(change.baseline, change.candidate);
  if (candidateUri !== undefined) {
    return { elementPath: change.path, element, baseline: undefined, candidate: candidateUri };
  }
  const baselineUri = wrappedNamespace(change.candidate, change.baseline);
  if (baselineUri !== undefined) {
    return { elementPath: change.path, element, baseline: baselineUri, candidate: undefined };
  }
  return undefined;
}

/** "candidate puts `<item>` in namespace `urn:b` instead of namespace `urn:a`". */
export function describeNamespaceChange(finding: Finding): string {
  return `candidate puts ${codeSpan(`<${finding.element}>`)} in ${namespaceName(finding.candidate)} instead of ${namespaceName(finding.baseline)}`;
}

function hint({ field, runtimes }: PatternHintInput): FixHint {
  return both(
    runtimes,
    `put ${theField(field)} in the candidate's namespace URI`,
    `put ${theField(field)} in the baseline's namespace URI`,
    {
      go: '`XMLName xml.Name \\`xml:"urn:… name"\\``',
      rust: "quick-xml/serde: the element's `xmlns` attribute",
    },
  );
}

/** The pattern, registered in `core/compare/patterns/registry.ts`. */
export const xmlNamespace: Pattern<'xml-namespace'> = {
  name: 'xml-namespace',
  meaning: 'an XML element is in a different namespace URI (a renamed prefix is not a difference)',
  kindOf: () => 'shape',
  hint,
  ops: ['value', 'added', 'removed', 'type'],
  recognise(changes) {
    const matches: PatternMatch<'xml-namespace'>[] = [];
    for (const change of changes) {
      const finding = namespaceChange(change);
      if (finding === undefined) continue;
      const path = patternPath(finding.elementPath);
      matches.push({
        name: 'xml-namespace',
        title: `${codeSpan(`<${finding.element}>`)} XML namespace`,
        explanation: `${describeNamespaceChange(finding)} (at ${codeSpan(finding.elementPath)})`,
        key: `xml-namespace:${path}`,
        anchor: finding.elementPath,
        params: [],
        detail: 'XML namespace',
        covers: [change],
      });
    }
    return matches;
  },
};
