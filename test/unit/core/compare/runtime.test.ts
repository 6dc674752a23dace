/**
 * Words that fit the runtimes: a side's runtime from its answers, and fix
 * hints that speak a runtime's terms only for a side whose runtime is known.
 */
import { describe, expect, it } from 'vitest';
import type { Response, ResponseBody } from '../../../../src/contract/model/exchange.js';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { PATTERN_NAMES } from '../../../../src/contract/vocabulary.js';
import { hintFor } from '../../../../src/core/compare/hints.js';
import { runtimeEvidence } from '../../../../src/core/compare/runtime-evidence.js';

const answer = (
  status: number,
  body: ResponseBody,
  headers: Record<string, string> = {},
): Response => ({
  status,
  headers,
  body,
  wireBytes: 1,
  durationMs: 1,
});

describe('runtime evidence', () => {
  it('reads Server and X-Powered-By, and error texts only one runtime writes', () => {
    const text = (t: string) => ({ kind: 'text', text: t }) as const;
    const cases: [Response, string | undefined][] = [
      [answer(200, { kind: 'empty' }, { 'x-powered-by': 'Express' }), 'node'],
      [answer(200, { kind: 'empty' }, { server: 'uvicorn' }), 'python'],
      [answer(400, text('json: cannot unmarshal string into Go value of type int')), 'go'],
      [
        answer(
          422,
          text('Failed to deserialize the JSON body into the target type: missing field `name`'),
        ),
        'rust',
      ],
      [
        answer(400, {
          kind: 'json',
          value: { detail: [{ msg: 'Field required', type: 'missing' }] },
        }),
        'python',
      ],
      [answer(404, text('<pre>Cannot GET /nope</pre>')), 'node'],
      // json-server 1.0 answers with tinyhttp, 0.17 with Express.
      [answer(200, { kind: 'empty' }, { 'x-powered-by': 'tinyhttp' }), 'node'],
      // A success says nothing by its body; a plain error says nothing either.
      [answer(200, text('missing field `name`')), undefined],
      [answer(400, text('bad request')), undefined],
    ];
    for (const [response, runtime] of cases) expect(runtimeEvidence(response)?.name).toBe(runtime);
    expect(runtimeEvidence(cases[2]?.[0] ?? answer(200, { kind: 'empty' }))?.from).toBe(
      'body: "json: cannot unmarshal "',
    );
  });
});

const FOREIGN =
  /serde|encoding\/json|omitempty|Go |axum|Jackson|Pydantic|chrono|`make\(|MarshalJSON|json tags|protojson|EmitUnpopulated|json_name/;

function causes(): RootCause[] {
  const params: Record<string, string[]> = {
    'tagged-enum': ['external-baseline', 'internal', 'Kind'],
    'null-vs-absent': ['candidate-null'],
    'nil-slice': ['baseline-empty', 'null'],
    'nil-map': ['candidate-empty', 'absent'],
    'int-as-string': ['candidate-string'],
    'timestamp-format': ['rfc3339-z:rfc3339-fraction-z'],
  };
  return [
    ...PATTERN_NAMES.map(
      (pattern): RootCause => ({
        type: 'pattern',
        pattern,
        field: 'tags',
        params: params[pattern] ?? [],
        detail: '',
      }),
    ),
    { type: 'status', endpoint: 'POST /x', baseline: 422, candidate: 400 },
    { type: 'body-kind', statusClass: '4xx', baseline: 'text', candidate: 'json' },
  ];
}

describe('fix hints', () => {
  it('name no runtime when neither side is known', () => {
    for (const cause of causes()) {
      const hint = hintFor(cause);
      expect(`${hint.baseline} ${hint.candidate}`, JSON.stringify(cause)).not.toMatch(FOREIGN);
    }
  });

  it("speak each known side's terms, and only its own", () => {
    const cause: RootCause = {
      type: 'pattern',
      pattern: 'null-vs-absent',
      field: 'deleted_at',
      params: ['candidate-null'],
      detail: '',
    };
    const hint = hintFor(cause, { baseline: 'rust', candidate: 'go' });
    expect(hint.baseline).toMatch(/serde/);
    expect(hint.baseline).not.toMatch(/omitempty/);
    expect(hint.candidate).toMatch(/omitempty/);
    const half = hintFor(cause, { baseline: 'node' });
    expect(half.baseline).toMatch(/set it to `null`/);
    expect(half.candidate).not.toMatch(FOREIGN);
  });
});

describe('serde_json syntax errors', () => {
  it("are serde's (axum's wording, or a position `at line L column C`), not Python's `line L column C (char N)`", () => {
    const text = (t: string) => answer(400, { kind: 'text', text: t });
    expect(
      runtimeEvidence(
        text('Failed to parse the request body as JSON: trailing comma at line 1 column 38'),
      )?.name,
    ).toBe('rust');
    expect(runtimeEvidence(text('trailing comma at line 1 column 38'))?.name).toBe('rust');
    expect(
      runtimeEvidence(text("Expecting ',' delimiter: line 1 column 38 (char 37)")),
    ).toBeUndefined();
  });
});
