/**
 * The run's case library: small libraries held in memory, large ones checked
 * first and then read again a file at a time, with the same cases in the same
 * (id) order either way. Real files in a temp folder; the streaming threshold
 * is lowered so a few cases exercise it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunLibrary, type RunLibrary } from '../../src/cases/library.js';
import { loadCases } from '../../src/cases/load.js';
import { type CaseSelection, selectCases } from '../../src/cases/select.js';
import type { Case } from '../../src/model/case.js';
import { ParityError } from '../../src/util/errors.js';
import { tempProject } from '../helpers/cli.js';

function file(suite: string, ids: readonly string[], extra = ''): string {
  const cases = ids
    .map(
      (id, k) =>
        `  - id: ${id}\n    tags: [${k % 2 === 0 ? 'even' : 'odd'}]\n    request: { method: GET, path: /${suite}/${id} }`,
    )
    .join('\n');
  return `suite: ${suite}\n${extra}cases:\n${cases}\n`;
}

async function collect(library: RunLibrary): Promise<Case[]> {
  const out: Case[] = [];
  for await (const batch of library.source.batches()) out.push(...batch);
  return out;
}

const ids = (cases: readonly { id: string }[]) => cases.map((c) => c.id);

async function project() {
  return tempProject({
    // b.yaml holds suite "alpha" too, ids after a.yaml's: each file is one run in id order.
    'cases/a.yaml': file('alpha', ['a1', 'a2', 'a3']),
    'cases/b.yaml': file('alpha', ['b1', 'b2']),
    'cases/c.yaml': file(
      'beta',
      ['c1', 'c2', 'c3', 'c4'],
      'defaults:\n  rules:\n    redactHeaders: [x-secret]\n',
    ),
  });
}

describe('openRunLibrary', () => {
  it('streams a large library file by file, in id order, with the same cases as loadCases', async () => {
    const cwd = await project();
    const options = { cwd, env: {} };
    const library = await openRunLibrary(['cases'], options, {}, 3);
    expect(library.streamed).toBe(true);
    expect(library.source.count).toBe(9);
    const streamed = await collect(library);
    const loaded = await loadCases(['cases'], options);
    expect(ids(streamed)).toEqual(ids(loaded));
    expect([...library.source.ids()]).toEqual(ids(loaded));
    expect(streamed.map((c) => c.request.path)).toEqual(loaded.map((c) => c.request.path));
    expect(library.redactHeaders).toEqual(['x-secret']);
    expect([...library.source.rules()].length).toBeGreaterThanOrEqual(2);
  });

  it('selects exactly what selectCases selects, streamed or held', async () => {
    const cwd = await project();
    const options = { cwd, env: {} };
    const loaded = await loadCases(['cases'], options);
    const selections: CaseSelection[] = [
      { filter: ['alpha/*'] },
      { tags: ['odd'] },
      { shard: { index: 2, total: 3 } },
      { filter: ['*2', '*3'], tags: ['even'], shard: { index: 1, total: 2 } },
    ];
    for (const selection of selections) {
      const { shard, ...criteria } = selection;
      const matching = selectCases(loaded, criteria);
      const expected = shard === undefined ? matching : selectCases(matching, { shard });
      for (const streamAbove of [3, 1000]) {
        const library = await openRunLibrary(['cases'], options, selection, streamAbove);
        expect(library.streamed).toBe(streamAbove === 3);
        expect(ids(await collect(library)), JSON.stringify(selection)).toEqual(ids(expected));
        expect(library.source.count).toBe(expected.length);
        expect(library.matching).toBe(matching.length);
      }
    }
  });

  it('holds a library in memory when its ids interleave across files', async () => {
    const cwd = await tempProject({
      'cases/one.yaml': file('s', ['a', 'c']),
      'cases/two.yaml': file('s', ['b', 'd']),
    });
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {}, 1);
    expect(library.streamed).toBe(false);
    expect(ids(await collect(library))).toEqual(['s/a', 's/b', 's/c', 's/d']);
  });

  it('fails the run, rather than send other cases, when a file changes before it is read again', async () => {
    const cwd = await project();
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {}, 3);
    await writeFile(join(cwd, 'cases', 'c.yaml'), file('beta', ['c1']));
    const error = await collect(library).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).code).toBe('PARITY_CASES_CHANGED');
    expect((error as ParityError).message).toContain('cases/c.yaml');
  });

  it('reports every problem of an invalid library, as loadCases does, whatever its size', async () => {
    const cwd = await tempProject({
      'cases/a.yaml': file('alpha', ['a1', 'a2']),
      'cases/b.yaml':
        'suite: alpha\ncases:\n  - id: a1\n    request: { method: FETCH, path: /x }\n',
    });
    for (const streamAbove of [1, 1000]) {
      const error = await openRunLibrary(['cases'], { cwd, env: {} }, {}, streamAbove).catch(
        (e: unknown) => e,
      );
      expect((error as ParityError).code).toBe('PARITY_CASES_INVALID');
      expect((error as ParityError).message).toMatch(/cases\/b\.yaml:4:\d+/);
    }
  });
});
