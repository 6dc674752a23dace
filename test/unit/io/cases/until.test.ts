import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases, validateCases } from '../../../../src/io/cases/load.js';
import { formatProblem } from '../../../../src/util/errors.js';

async function library(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'parity-until-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const step = (until: string, method = 'GET') => `suite: s
sideEffects: true
cases:
  - id: f
    steps:
      - id: poll
        request: { method: ${method}, path: /jobs/1 }
        until: ${until}
`;

async function problems(until: string, method?: string): Promise<string[]> {
  const cwd = await library({ 's.yaml': step(until, method) });
  const result = await validateCases(['s.yaml'], { cwd, env: {} });
  return result.problems.map((p) => formatProblem(p));
}

describe('until in a case file', () => {
  it('resolves with its defaults, its place read as a capture reads it, equals as text', async () => {
    const cwd = await library({
      's.yaml': step('{ json: /names, equals: [], status: 200 }'),
      't.yaml': step('{ header: x-state, regex: "ready|done", tries: 3, intervalMs: 50 }').replace(
        'suite: s',
        'suite: t',
      ),
    });
    const [first, second] = await loadCases(['s.yaml', 't.yaml'], { cwd, env: {} });
    expect(first?.flow?.until).toEqual({
      status: 200,
      found: {
        name: 'until',
        source: { kind: 'json', pointer: '/names' },
        regex: undefined,
        group: undefined,
      },
      equals: '[]',
      tries: 10,
      intervalMs: 200,
    });
    expect(second?.flow?.until).toMatchObject({
      status: undefined,
      found: { source: { kind: 'header', name: 'x-state' }, regex: { source: 'ready|done' } },
      equals: undefined,
      tries: 3,
      intervalMs: 50,
    });
  });

  it('is a problem without a condition, with equals but no place, with two places, or past the wait cap', async () => {
    expect(await problems('{ tries: 3 }')).toEqual([
      's.yaml:8:16: cases[0].steps[0].until needs a condition: status, and/or a place that must hold a value (json, xpath, header, or regex over the body text)',
    ]);
    expect(await problems('{ status: 200, equals: done }')).toEqual([
      's.yaml:8:39: cases[0].steps[0].until.equals needs a place to read the value from: json, xpath, header or regex',
    ]);
    expect(await problems('{ json: /state, header: x-state }')).toEqual([
      's.yaml:8:40: cases[0].steps[0].until.header cannot be set together with json (until reads one place: json, xpath or header, or the body with regex alone)',
    ]);
    expect(await problems('{ status: 200, tries: 100, intervalMs: 1000 }')).toEqual([
      's.yaml:8:55: cases[0].steps[0].until.intervalMs waits up to 99000 ms in all ((tries - 1) × intervalMs); a step may wait at most 60000 ms',
    ]);
    expect(await problems('{ status: 200, intervalMs: -1 }')).toEqual([
      's.yaml:8:43: cases[0].steps[0].until.intervalMs must be at least 0 (got -1)',
    ]);
  });

  it('refuses a write unless the step says it is idempotent; a read needs no word', async () => {
    expect(await problems('{ status: 200 }', 'PUT')).toHaveLength(1);
    expect(await problems('{ status: 200, idempotent: true }', 'PUT')).toEqual([]);
    expect(await problems('{ status: 200 }', 'PROPFIND')).toEqual([]);
  });
});
