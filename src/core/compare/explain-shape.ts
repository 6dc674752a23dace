/**
 * Plain-language explanation of the shape changes (`added`, `removed`,
 * `type`) that no cross-runtime pattern accounted for (patterns are named by
 * the registry in `patterns/`).
 */

import type { Change } from '../../contract/observation.js';
import { codeSpan } from '../../util/code-span.js';
import { isJsonObject } from '../normalise/json.js';
import { type Member, memberGroups } from './patterns/util.js';
import { code, listSome, member, place, typeName, where } from './wording/phrases.js';

/** Sentences for the explanation and a fragment for the one-line summary. */
export interface ShapeText {
  readonly sentences: readonly string[];
  readonly summary: string;
}

/** True for the `type` change `compareBodies` emits when the body kinds differ. */
export function isBodyKindChange(change: Change): boolean {
  // A JSON `type` change has two objects only when one is `{}` (`empty-objects.ts`):
  // two objects that each name their `kind` are body descriptors.
  return (
    change.op === 'type' &&
    change.path === '' &&
    isJsonObject(change.baseline) &&
    isJsonObject(change.candidate) &&
    typeof change.baseline['kind'] === 'string' &&
    typeof change.candidate['kind'] === 'string'
  );
}

function kindName(descriptor: unknown): string {
  if (!isJsonObject(descriptor)) return 'unknown';
  const kind = String(descriptor['kind']);
  const type = descriptor['type'];
  if (kind === 'json') return typeof type === 'string' ? `JSON (${type})` : 'JSON';
  if (kind === 'xml') return 'XML';
  if (kind === 'bencode') return typeof type === 'string' ? `bencode (${type})` : 'bencode';
  if (kind === 'empty') return 'an empty body';
  if (kind === 'too-complex') return 'a body too complex to parse';
  const undecoded = descriptor['undecoded'];
  if (typeof undecoded === 'string') return `a body parity could not decode (${undecoded})`;
  if (kind === 'invalid-json') return 'invalid JSON';
  if (kind === 'invalid-xml') return 'invalid XML';
  return `a ${kind} body`;
}

/** The bare kind for summaries: `empty`, `text`, `JSON (object)`. */
function kindWord(descriptor: unknown): string {
  const name = kindName(descriptor);
  return name.replace(/^an? (empty )?/, '$1').replace(/ body$/, '');
}

function generic(removed: readonly Member[], added: readonly Member[]): string {
  const parts: string[] = [];
  // A numeric segment is an array index (as in `member`): "element 3", never "`3`".
  const describe = (m: Member, value: unknown) =>
    `${/^\d+$/.test(m.name) ? member(m.name) : `${codeSpan(m.name)}`} (${typeName(value)})`;
  if (removed.length === 1 && removed[0] !== undefined) {
    const only = removed[0];
    parts.push(
      `baseline has ${member(only.name)} (${typeName(only.change.baseline)}) that candidate lacks`,
    );
  } else if (removed.length > 1) {
    parts.push(
      `baseline has ${listSome(removed.map((m) => describe(m, m.change.baseline)))} that candidate lacks`,
    );
  }
  if (added.length > 0) {
    parts.push(`candidate adds ${listSome(added.map((m) => describe(m, m.change.candidate)))}`);
  }
  return parts.join('; ');
}

function typeSentence(changes: readonly Change[]): string | undefined {
  const types = changes.filter((c) => c.op === 'type');
  const first = types[0];
  if (first === undefined) return undefined;
  if (types.length === 1) {
    return `Type changed ${first.path === '' ? 'for the whole body' : `at ${code(first.path)}`}: ${typeName(first.baseline)} in baseline, ${typeName(first.candidate)} in candidate.`;
  }
  const items = types.map(
    (c) => `${code(c.path)} (${typeName(c.baseline)} → ${typeName(c.candidate)})`,
  );
  return `Types changed at ${types.length} paths: ${listSome(items)}.`;
}

/** Explain the shape changes (`added`, `removed`, `type`) of one comparison. */
export function explainShape(changes: readonly Change[]): ShapeText | undefined {
  const kindChange = changes.find(isBodyKindChange);
  if (kindChange !== undefined) {
    const [b, c] = [kindName(kindChange.baseline), kindName(kindChange.candidate)];
    return {
      sentences: [`Body kind differs: baseline sent ${b}, candidate sent ${c}.`],
      summary: `body kind ${kindWord(kindChange.baseline)} vs ${kindWord(kindChange.candidate)}`,
    };
  }
  const groups = memberGroups(changes, { elements: true });
  const sentences: string[] = [];
  let summary = '';
  const first = groups[0];
  if (first !== undefined) {
    sentences.push(`Shape differs ${where(first.parent)}: ${generic(first.removed, first.added)}.`);
    summary = `shape differs ${where(first.parent)} (${first.removed.length} removed, ${first.added.length} added)`;
    if (groups.length > 1) {
      sentences.push(
        `Shape also differs at ${listSome(groups.slice(1).map((g) => place(g.parent)))}.`,
      );
    }
  }
  const types = typeSentence(changes);
  if (types !== undefined) sentences.push(types);
  if (summary === '' && types !== undefined) {
    const type = changes.find((c) => c.op === 'type');
    summary = `type changed at ${code(type?.path ?? '')}`;
  }
  return sentences.length === 0 ? undefined : { sentences, summary };
}
