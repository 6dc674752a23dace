/**
 * Body comparison across every body kind a response can have.
 */
import type { Change } from '../model/comparison.js';
import type { ResponseBody } from '../model/exchange.js';
import { normaliseJson } from '../normalise/body.js';
import { jsonType } from '../normalise/json.js';
import { foldKey, foldPattern } from '../normalise/keys.js';
import type { Rules } from '../rules/types.js';
import { diffJson } from './delta.js';

/**
 * What a body is, for a change between bodies of different kinds:
 * `{ kind: 'json', type: 'object' }`, `{ kind: 'invalid-json' }`, …
 */
export function describeBody(body: ResponseBody): { kind: ResponseBody['kind']; type?: string } {
  return body.kind === 'json' || body.kind === 'xml'
    ? { kind: body.kind, type: jsonType(body.value) }
    : { kind: body.kind };
}

/**
 * Structural changes between two response bodies under `rules`:
 * JSON and XML bodies (XML as its JSON-like tree, see `xml/tree.ts`) are
 * normalised then diffed; text and invalid JSON or XML compare as text,
 * binary and truncated bodies by sha256 and size (a `value` change at `""`);
 * bodies of different kinds are one `type` change at `""` (a shape divergence).
 */
export function compareBodies(
  baseline: ResponseBody,
  candidate: ResponseBody,
  rules: Rules,
): Change[] {
  if (baseline.kind !== candidate.kind) {
    return [
      {
        path: '',
        op: 'type',
        baseline: describeBody(baseline),
        candidate: describeBody(candidate),
      },
    ];
  }
  switch (baseline.kind) {
    case 'empty':
      return [];
    case 'json':
    case 'xml':
      if (candidate.kind !== baseline.kind) return [];
      // Byte-identical texts normalise identically: the common case costs one string compare.
      if (baseline.kind === 'json' && candidate.kind === 'json' && sameText(baseline, candidate)) {
        return [];
      }
      return compareJson(baseline.value, candidate.value, rules);
    case 'text':
      return candidate.kind === 'text' && candidate.text !== baseline.text
        ? [{ path: '', op: 'value', baseline: baseline.text, candidate: candidate.text }]
        : [];
    case 'invalid-json':
    case 'invalid-xml':
      // Same text can still be different bytes (invalid UTF-8 shown lossily): the error says.
      return candidate.kind === baseline.kind &&
        (candidate.text !== baseline.text || candidate.error !== baseline.error)
        ? [{ path: '', op: 'value', baseline: baseline.text, candidate: candidate.text }]
        : [];
    case 'binary':
    case 'truncated':
    case 'too-complex':
      return candidate.kind === baseline.kind &&
        (candidate.sha256 !== baseline.sha256 || candidate.size !== baseline.size)
        ? [{ path: '', op: 'value', baseline: digest(baseline), candidate: digest(candidate) }]
        : [];
    default: {
      const unreachable: never = baseline;
      return unreachable;
    }
  }
}

function sameText(a: { readonly text?: string }, b: { readonly text?: string }): boolean {
  return a.text !== undefined && a.text === b.text;
}

function digest(body: Extract<ResponseBody, { readonly sha256: string }>) {
  if (body.kind !== 'too-complex') return { sha256: body.sha256, size: body.size };
  const tooComplex =
    body.limit === 'depth'
      ? `nested deeper than ${body.budget} levels`
      : `more than ${body.budget} values`;
  return { sha256: body.sha256, size: body.size, tooComplex };
}

function compareJson(baseline: unknown, candidate: unknown, rules: Rules): Change[] {
  // Bodies are compared after key folding, so keys and paths named by the
  // comparison rules are folded the same way.
  const fold = rules.keyCaseFold;
  return diffJson(normaliseJson(baseline, rules), normaliseJson(candidate, rules), {
    arrayKeys: fold ? rules.arrayKeys.map(foldKey) : rules.arrayKeys,
    tolerance: fold
      ? rules.tolerance.map((rule) => ({ ...rule, path: foldPattern(rule.path) }))
      : rules.tolerance,
  });
}
