import { describe, expect, it } from 'vitest';
import {
  crossFileRaces,
  type FileAccess,
  flowResidue,
  resourceBeforeCaptures,
  resourceOf,
} from '../../../../src/io/cases/races.js';

const at = (file: string, line: number) => ({ file, line, column: 5, field: 'x' });

function file(name: string, ...entries: [string, string][]): FileAccess {
  return {
    file: name,
    accesses: entries.map(([method, path], k) => ({
      path: resourceOf(path),
      write: !['GET', 'HEAD', 'OPTIONS'].includes(method),
      label: `${method} c${k}`,
      at: () => at(name, k + 1),
    })),
    flowWrites: [],
    reads: [],
  };
}

describe('crossFileRaces', () => {
  it('warns at a write whose resource another file reads, once per pair of files', () => {
    const warnings = crossFileRaces([
      file('a.yaml', ['POST', '/items'], ['PUT', '/items/7?x=1']),
      file('b.yaml', ['GET', '/items/'], ['GET', '/items/7']),
      file('c.yaml', ['GET', '/other']),
    ]);
    expect(warnings.map((w) => [w.file, w.line])).toEqual([['a.yaml', 1]]);
    expect(warnings[0]?.message).toContain('b.yaml reads (GET c0)');
  });

  it('sees a resource under another both ways, and never the root or siblings', () => {
    expect(
      crossFileRaces([file('a', ['DELETE', '/items/7']), file('b', ['GET', '/items'])]),
    ).toHaveLength(1);
    expect(
      crossFileRaces([file('a', ['POST', '/items']), file('b', ['GET', '/items/7'])]),
    ).toHaveLength(1);
    expect(
      crossFileRaces([file('a', ['POST', '/v1/validate']), file('b', ['GET', '/v1/health'])]),
    ).toEqual([]);
    expect(crossFileRaces([file('a', ['POST', '/']), file('b', ['GET', '/x'])])).toEqual([]);
    expect(crossFileRaces([file('a', ['GET', '/items']), file('b', ['GET', '/items'])])).toEqual(
      [],
    );
  });

  it('leaves two files that only write one endpoint alone (stateless calls, mostly)', () => {
    expect(
      crossFileRaces([file('a', ['POST', '/v1/validate']), file('b', ['POST', '/v1/validate'])]),
    ).toEqual([]);
    const both = crossFileRaces([
      file('a', ['PUT', '/k'], ['GET', '/k']),
      file('b', ['PUT', '/k'], ['GET', '/k']),
    ]);
    expect(both.map((w) => w.file)).toEqual(['a', 'b']);
  });
});

describe('flowResidue', () => {
  const access = (name: string, line: number, method: string, path: string) => ({
    path,
    write: method !== 'GET',
    label: `${method} c${line}`,
    at: () => at(name, line),
  });
  const files = (flowFirst: boolean): FileAccess[] => {
    const flow: FileAccess = {
      file: flowFirst ? 'a-flow.yaml' : 'b-flow.yaml',
      accesses: [],
      flowWrites: [access(flowFirst ? 'a-flow.yaml' : 'b-flow.yaml', 4, 'POST', '/posts')],
      reads: [],
    };
    const reads: FileAccess = {
      file: flowFirst ? 'b-reads.yaml' : 'a-reads.yaml',
      accesses: [],
      flowWrites: [],
      reads: [
        access('reads', 2, 'GET', '/other'),
        access('reads', 3, 'GET', '/posts/1'),
        access('reads', 5, 'GET', '/posts'),
      ],
    };
    return flowFirst ? [flow, reads] : [reads, flow];
  };

  it('warns at a flow that writes what a later file reads, once per pair of files', () => {
    const warnings = flowResidue(files(true));
    expect(warnings.map((w) => [w.file, w.line])).toEqual([['a-flow.yaml', 4]]);
    expect(warnings[0]?.message).toContain(
      'writes /posts (POST c4) in a flow that runs before b-reads.yaml, which reads /posts/1 (GET c3)',
    );
  });

  it('says nothing when the reads run first', () => {
    expect(flowResidue(files(false))).toEqual([]);
  });

  it("cuts a step's path before its first capture", () => {
    expect(resourceBeforeCaptures('/posts/{{id}}/comments?x=1')).toBe('/posts');
    expect(resourceBeforeCaptures('/posts/')).toBe('/posts');
    expect(resourceBeforeCaptures('/v1/{{tenant}}')).toBe('/v1');
  });
});
