/**
 * A pattern is one file and one registry line: everything a root cause of it
 * needs (its meaning, the kind of its findings, its fix hint in neutral and
 * in each runtime's terms, its row in the docs) comes from the pattern
 * itself. These checks fail for a registered pattern that lacks any of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SideRuntimes } from '../../../../../src/contract/model/runtime.js';
import { PATTERN_NAMES, RUNTIMES } from '../../../../../src/contract/vocabulary.js';
import { PATTERNS } from '../../../../../src/core/compare/patterns/registry.js';
import type { FixHint } from '../../../../../src/core/compare/patterns/types.js';

/** Any runtime's own terms: none may appear where no side's runtime is known. */
const RUNTIME_TERMS =
  /serde|encoding\/json|omitempty|Go |axum|Jackson|@Json|Pydantic|chrono|`make\(|MarshalJSON|json tags|strconv|ryu|BTreeMap|quick-xml|xml\.Name|Field\(|model_dump|JSON\.stringify|protojson|EmitUnpopulated|UseProtoNames|json_name|\.proto\b/;

/** Parameters each pattern defines (`PatternMatch.params`), as its recogniser writes them. */
const PARAMS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'xml-rpc-type': [
    ['double', 'int'],
    ['i8', 'string'],
  ],
  'tagged-enum': [
    ['external-baseline', 'internal', 'Kind'],
    ['external-candidate', 'adjacent:data', 'type'],
  ],
  'error-envelope': [['error', 'message']],
  'key-case': [['snake_case', 'camelCase']],
  'key-rename': [['userName', 'username']],
  'null-vs-absent': [['candidate-null'], ['baseline-null']],
  'nil-slice': [
    ['baseline-empty', 'null'],
    ['candidate-empty', 'absent'],
  ],
  'nil-map': [
    ['baseline-empty', 'absent'],
    ['candidate-empty', 'null'],
  ],
  'empty-object': [['baseline-empty'], ['candidate-empty', 'DELETE']],
  nesting: [
    ['candidate-nests', 'item'],
    ['baseline-nests', 'address'],
    ['candidate-nests', 'item', 'elements'],
  ],
  'list-envelope': [
    ['candidate-wraps', 'data'],
    ['baseline-wraps', 'items'],
  ],
  'int-as-string': [['candidate-string'], ['baseline-string']],
  'bool-as-string': [['candidate-string'], ['baseline-string']],
  'timestamp-format': [['rfc3339-z:rfc3339-fraction-z'], ['epoch-s:rfc3339-z']],
  'drawn-format': [
    ['decimal', 'hex'],
    ['uuid', 'hex'],
  ],
  'sent-vs-drawn': [
    ['candidate', 'uuid'],
    ['baseline', 'hex'],
  ],
  'enum-case': [['lower_case', 'PascalCase']],
};

const paramsOf = (name: string) => PARAMS[name] ?? [[]];
const text = (hint: FixHint) => `${hint.baseline} ${hint.candidate} ${hint.rule ?? ''}`;

describe('the pattern registry', () => {
  it('names each pattern once, as a fingerprint prefix', () => {
    expect(new Set(PATTERN_NAMES).size).toBe(PATTERNS.length);
    for (const name of PATTERN_NAMES) expect(name).toMatch(/^[a-z][a-z-]*$/);
  });

  it('registers a pattern for every name the contract declares, in its order', () => {
    expect(PATTERNS.map((pattern) => pattern.name)).toEqual([...PATTERN_NAMES]);
  });

  for (const pattern of PATTERNS) {
    describe(pattern.name, () => {
      it('says what its root cause means, in neutral words', () => {
        expect(pattern.meaning.trim().length).toBeGreaterThan(10);
        expect(pattern.meaning).not.toMatch(RUNTIME_TERMS);
      });

      it('gives its findings a kind', () => {
        for (const params of paramsOf(pattern.name)) {
          expect(['shape', 'value']).toContain(pattern.kindOf(params));
        }
      });

      it('has a neutral fix hint for both sides when no runtime is known', () => {
        for (const params of paramsOf(pattern.name)) {
          for (const field of ['', 'tags']) {
            const hint = pattern.hint({ field, params, runtimes: {} });
            expect(hint.baseline.length, JSON.stringify(params)).toBeGreaterThan(10);
            expect(hint.candidate.length, JSON.stringify(params)).toBeGreaterThan(10);
            expect(text(hint)).not.toMatch(RUNTIME_TERMS);
          }
        }
      });

      it('names no member `*` for a cause of any field, and tags a nested member by its own name', () => {
        for (const params of paramsOf(pattern.name)) {
          for (const runtime of [undefined, ...RUNTIMES]) {
            const runtimes: SideRuntimes = runtime ? { baseline: runtime, candidate: runtime } : {};
            const any = pattern.hint({ field: '*', params, runtimes });
            expect(text(any), JSON.stringify({ params, runtime })).not.toMatch(/`\*`|"\*[,"]/);
            const nested = pattern.hint({ field: 'owner/accountId', params, runtimes });
            expect(text(nested), JSON.stringify({ params, runtime })).not.toMatch(/json:"owner\//);
          }
        }
      });

      it("adds a known runtime's way to the neutral action, and only that side's", () => {
        let advised = false;
        for (const params of paramsOf(pattern.name)) {
          const neutral = pattern.hint({ field: 'tags', params, runtimes: {} });
          for (const runtime of RUNTIMES) {
            for (const side of ['baseline', 'candidate'] as const) {
              const runtimes: SideRuntimes = { [side]: runtime };
              const hint = pattern.hint({ field: 'tags', params, runtimes });
              const other = side === 'baseline' ? 'candidate' : 'baseline';
              expect(hint[side].startsWith(neutral[side])).toBe(true);
              expect(hint[other]).toBe(neutral[other]);
              expect(hint.rule).toBe(neutral.rule);
              if (hint[side] !== neutral[side]) advised = true;
            }
          }
        }
        expect(advised, 'no runtime has its own way to close this pattern').toBe(true);
      });
    });
  }

  it('lists every pattern, and only those, in docs/rules-and-noise.md', () => {
    const page = readFileSync(
      join(import.meta.dirname, '../../../../../docs/rules-and-noise.md'),
      'utf8',
    );
    const lines = page.slice(page.indexOf('| pattern | meaning |')).split('\n');
    const table = lines.slice(
      0,
      lines.findIndex((line) => !line.startsWith('|')),
    );
    const listed = table.flatMap((line) => /^\| `([a-z-]+)` \|/.exec(line)?.[1] ?? []);
    expect([...listed].sort()).toEqual([...PATTERN_NAMES].sort());
  });
});
