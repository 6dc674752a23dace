/**
 * Which operation a concrete request belongs to: `GET /v1/records/42` →
 * `GET /v1/records/{id}`. A literal segment beats a template segment, so
 * `/v1/records/search` matches `/v1/records/search` before `/v1/records/{id}`.
 * Pure.
 */
import { wildcardMatcher } from '../../util/wildcard.js';
import { type OpenApiOperation, operationKey } from './types.js';

/** A test of one path segment. */
type Test = (segment: string) => boolean;

interface Compiled {
  readonly key: string;
  readonly method: string;
  /** Per segment: the literal text, or a pattern for a segment with `{param}`s. */
  readonly segments: readonly (Test | string)[];
  /** Literal segments count: more is more specific. */
  readonly literals: number;
}

function compileSegment(segment: string): Test | string {
  if (!segment.includes('{')) return segment;
  // `{id}.json`, `v{major}`: each template part matches one or more characters (a segment holds no `/`).
  return wildcardMatcher(segment.split(/\{[^}]*\}/), 1);
}

/** `/a/b/` → `['', 'a', 'b']`; `/` → `['', '']`. */
function segmentsOf(path: string): string[] {
  return (path.replace(/\/+$/, '') || '/').split('/');
}

function compile(operation: Pick<OpenApiOperation, 'method' | 'path'>): Compiled {
  const segments = segmentsOf(operation.path).map(compileSegment);
  return {
    key: operationKey(operation),
    method: operation.method,
    segments,
    literals: segments.filter((s) => typeof s === 'string').length,
  };
}

function matches(compiled: Compiled, segments: readonly string[]): boolean {
  if (compiled.segments.length !== segments.length) return false;
  return compiled.segments.every((pattern, i) => {
    const segment = segments[i] ?? '';
    return typeof pattern === 'string' ? pattern === segment : pattern(segment);
  });
}

/** Finds the operation of a request; `undefined` when the document has none for it. */
export type OperationMatcher = (method: string, path: string) => string | undefined;

/** A matcher over `operations` (most specific template first). */
export function operationMatcher(
  operations: readonly Pick<OpenApiOperation, 'method' | 'path'>[],
): OperationMatcher {
  const compiled = operations.map(compile).sort((a, b) => b.literals - a.literals);
  return (method, path) => {
    const segments = segmentsOf(path.split(/[?#]/, 1)[0] ?? path);
    const upper = method.toUpperCase();
    return compiled.find((c) => c.method === upper && matches(c, segments))?.key;
  };
}
