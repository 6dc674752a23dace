/**
 * The rule a structural row offers ignores the member where the run saw it
 * (`/author` in a record, `/*\/author` in a list), not every member of that
 * name in every answer (`/**\/author`), unless it showed in more places than
 * a rule should list.
 */
import { describe, expect, it } from 'vitest';
import type { RootCause } from '../../../../src/contract/root-cause.js';
import { hintFor } from '../../../../src/core/compare/hints.js';
import { groupFindings } from '../../../../src/judge/results/root-causes.js';
import { divergentResult as result } from './fixtures.js';

const author: RootCause = {
  type: 'structure',
  endpoint: '/posts',
  change: { op: 'added', path: '/author', baseline: '-', candidate: 'string' },
};

describe('the rule of a structural root cause', () => {
  it('names the places the run saw it at, when they are few', () => {
    expect(hintFor(author, {}, ['/author', '/*/author']).rule).toBe('ignore: [/author, /*/author]');
  });

  it('names the member anywhere when the places are many or unknown', () => {
    const many = ['/author', '/*/author', '/data/*/author', '/item/author'];
    expect(hintFor(author, {}, many).rule).toBe('ignore: [/**/author]');
    expect(hintFor(author).rule).toBe('ignore: [/**/author]');
  });

  it('offers none for a whole body or a list item', () => {
    const whole: RootCause = { ...author, change: { ...author.change, path: '' } };
    expect(hintFor(whole, {}, ['']).rule).toBeUndefined();
  });

  it('is built from the places of every case of the row, indices as `*`', () => {
    const groups = groupFindings([
      result('s/read', 'GET /posts/:id', [{ path: '/author', op: 'added', candidate: 'me' }]),
      result('s/list', 'GET /posts', [
        { path: '/0/author', op: 'added', candidate: 'me' },
        { path: '/1/author', op: 'added', candidate: 'me' },
      ]),
    ]);
    const [row] = [...groups.values()];
    expect(groups.size).toBe(1);
    expect(row?.places).toEqual(['/author', '/*/author']);
  });

  it('keeps one place more than a rule lists, so a reader knows there were more', () => {
    const paths = ['/author', '/0/author', '/data/0/author', '/items/0/author', '/x/0/author'];
    const groups = groupFindings(
      paths.map((path, n) =>
        result(`s/${n}`, 'GET /posts', [{ path, op: 'added', candidate: 'me' }]),
      ),
    );
    expect(groups.size).toBe(1);
    expect([...groups.values()][0]?.places).toEqual([
      '/author',
      '/*/author',
      '/data/*/author',
      '/items/*/author',
    ]);
  });

  it('names the edit of a set of messages reworded one way, for either side, in no runtime idiom', () => {
    const edit = '`should` → `must`; words added before each';
    const reworded: RootCause = {
      type: 'structure',
      endpoint: '*',
      change: {
        op: 'value',
        path: '/problems/*/text',
        baseline: 'string',
        candidate: 'string',
        edit,
      },
    };
    const hint = hintFor(reworded, { baseline: 'node', candidate: 'go' }, ['/problems/0/text']);
    expect(hint.candidate).toContain(`undo the one edit (${edit})`);
    expect(hint.baseline).toContain(`as the candidate does (${edit})`);
    expect(hint.rule).toBe('ignore: [/problems/0/text]');
    expect(`${hint.baseline} ${hint.candidate}`).not.toMatch(/serde|omitempty|json:|Marshal/);
  });
});
