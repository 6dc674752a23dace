/**
 * The run's case library: checked first, then read again a file at a time as
 * the run reaches it, in run order (files in path order, cases in file order).
 * Real files in a temp folder.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/model/case.js';
import { CASES_PER_BATCH, openRunLibrary, type RunLibrary } from '../../src/io/cases/library.js';
import { loadCases } from '../../src/io/cases/load.js';
import { type CaseSelection, selectCases } from '../../src/io/cases/select.js';
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
  for await (const batch of library.source.batches()) {
    for (const unit of batch) {
      if (unit.kind !== 'sequence') out.push(unit);
      else for await (const cases of unit.cases()) out.push(...cases);
    }
  }
  return out;
}

const ids = (cases: readonly { id: string }[]) => cases.map((c) => c.id);

/** Cases as JSON text, their maps, sets and patterns spelled out (functions left out). */
const plain = (cases: readonly Case[]) =>
  JSON.stringify(cases, (_key, value: unknown) =>
    value instanceof Map || value instanceof Set
      ? [...value]
      : value instanceof RegExp
        ? String(value)
        : value,
  );

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
  it('streams the library file by file, in file order, with the same cases as loadCases', async () => {
    const cwd = await project();
    const options = { cwd, env: {} };
    const library = await openRunLibrary(['cases'], options, {});
    expect(library.source.count).toBe(9);
    const streamed = await collect(library);
    const loaded = await loadCases(['cases'], options);
    expect(ids(streamed)).toEqual(ids(loaded));
    expect(ids(streamed)).toEqual([
      'alpha/a1',
      'alpha/a2',
      'alpha/a3',
      'alpha/b1',
      'alpha/b2',
      'beta/c1',
      'beta/c2',
      'beta/c3',
      'beta/c4',
    ]);
    expect(streamed.map((c) => c.request.path)).toEqual(loaded.map((c) => c.request.path));
    expect(library.redactHeaders).toEqual(['x-secret']);
  });

  it('keeps the order cases are written in, not their id order', async () => {
    const cwd = await tempProject({
      'cases/one.yaml': file('s', ['zeta', 'alpha', 'mu']),
      'cases/two.yaml': file('s', ['beta', 'aa']),
    });
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {});
    expect(ids(await collect(library))).toEqual(['s/zeta', 's/alpha', 's/mu', 's/beta', 's/aa']);
  });

  it('selects exactly what selectCases selects', async () => {
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
      const library = await openRunLibrary(['cases'], options, selection);
      expect(ids(await collect(library)), JSON.stringify(selection)).toEqual(ids(expected));
      expect(library.source.count).toBe(expected.length);
      expect(library.matching).toBe(matching.length);
    }
  });

  it('resolves a large file a batch at a time', async () => {
    const many = Array.from({ length: 600 }, (_, k) => `c${k}`);
    const cwd = await tempProject({ 'cases/big.yaml': file('big', many) });
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {});
    const sizes: number[] = [];
    const seen: string[] = [];
    for await (const batch of library.source.batches()) {
      sizes.push(batch.length);
      seen.push(...ids(batch.flatMap((unit) => (unit.kind === 'sequence' ? [] : [unit]))));
    }
    const whole = Math.floor(600 / CASES_PER_BATCH);
    expect(sizes).toEqual([...Array(whole).fill(CASES_PER_BATCH), 600 - whole * CASES_PER_BATCH]);
    expect(seen).toEqual(many.map((id) => `big/${id}`));
  });

  it('fails the run, rather than send other cases, when a file changes before it is read again', async () => {
    const cwd = await project();
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {});
    await writeFile(join(cwd, 'cases', 'c.yaml'), file('beta', ['c1']));
    const error = await collect(library).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParityError);
    expect((error as ParityError).code).toBe('PARITY_CASES_CHANGED');
    expect((error as ParityError).message).toContain('cases/c.yaml');
  });

  it('gives the same cases whether the check kept them resolved or the run resolves them again', async () => {
    const cwd = await project();
    const options = { cwd, env: {} };
    const loaded = await loadCases(['cases'], options);
    // 0: every file resolved again; 4: a.yaml kept, b.yaml past the budget; all kept.
    for (const keep of [0, 4, 100]) {
      const library = await openRunLibrary(['cases'], options, {}, { keep });
      const streamed = await collect(library);
      expect(ids(streamed), `keep ${keep}`).toEqual(ids(loaded));
      expect(plain(streamed), `keep ${keep}`).toEqual(plain(loaded));
    }
  });

  it('fails the run when a file whose cases the check kept changes before its turn', async () => {
    const cwd = await project();
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {}, { keep: 100 });
    await writeFile(join(cwd, 'cases', 'a.yaml'), file('alpha', ['a1', 'a2', 'a3', 'a4']));
    const error = await collect(library).catch((e: unknown) => e);
    expect((error as ParityError).code).toBe('PARITY_CASES_CHANGED');
    expect((error as ParityError).message).toContain('cases/a.yaml');
  });

  it('gives the same cases when its batches are read twice (a file kept, then compared by its hash)', async () => {
    const cwd = await project();
    const library = await openRunLibrary(['cases'], { cwd, env: {} }, {});
    const first = await collect(library);
    expect(ids(await collect(library))).toEqual(ids(first));
    await writeFile(join(cwd, 'cases', 'a.yaml'), file('alpha', ['a1', 'a2', 'a3', 'a4']));
    const error = await collect(library).catch((e: unknown) => e);
    expect((error as ParityError).code).toBe('PARITY_CASES_CHANGED');
  });

  it('read once (a run): the same cases, a changed kept file still stops it, a second read throws', async () => {
    const cwd = await project();
    const options = { cwd, env: {} };
    const loaded = await loadCases(['cases'], options);
    const library = await openRunLibrary(['cases'], options, {}, { keep: 100, readOnce: true });
    expect(plain(await collect(library))).toEqual(plain(loaded));
    // Kept files are not hashed at their turn: nothing to compare a second read with.
    await expect(collect(library)).rejects.toThrow(
      /read again from a library opened to be read once/,
    );
    const changed = await openRunLibrary(['cases'], options, {}, { keep: 100, readOnce: true });
    await writeFile(join(cwd, 'cases', 'a.yaml'), file('alpha', ['a1', 'a2', 'a3', 'a4']));
    const error = await collect(changed).catch((e: unknown) => e);
    expect((error as ParityError).code).toBe('PARITY_CASES_CHANGED');
  });

  it('fails the run when a file changes whose cases went past the budget (compared by its sha256)', async () => {
    const cwd = await project();
    // 0: no file kept, each compared by its hash; 1: a.yaml past the budget as it is checked.
    for (const keep of [0, 1]) {
      const library = await openRunLibrary(['cases'], { cwd, env: {} }, {}, { keep });
      await writeFile(join(cwd, 'cases', 'a.yaml'), file('alpha', ['a1', 'a2', 'a3', `a${keep}x`]));
      const error = await collect(library).catch((e: unknown) => e);
      expect((error as ParityError).code, `keep ${keep}`).toBe('PARITY_CASES_CHANGED');
      expect((error as ParityError).message).toContain('cases/a.yaml');
    }
  });

  it('reports every problem of an invalid library, as loadCases does', async () => {
    const cwd = await tempProject({
      'cases/a.yaml': file('alpha', ['a1', 'a2']),
      'cases/b.yaml':
        "suite: alpha\ncases:\n  - id: a1\n    request: { method: 'FETCH ONE', path: /x }\n",
    });
    const error = await openRunLibrary(['cases'], { cwd, env: {} }, {}).catch((e: unknown) => e);
    expect((error as ParityError).code).toBe('PARITY_CASES_INVALID');
    expect((error as ParityError).message).toMatch(/cases\/b\.yaml:4:\d+/);
  });
});
