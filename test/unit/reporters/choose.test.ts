/** `--reporter` texts parsed, and which reporters a run feeds from them (pure). */
import { describe, expect, it } from 'vitest';
import { parseReporters } from '../../../src/io/config/reporters.js';
import { consoleChosen, fileReportersFor, githubChoice } from '../../../src/reporters/choose.js';
import { createReporters, type RunReporter } from '../../../src/reporters/reporter.js';

describe('parseReporters', () => {
  it('reads repeated options and comma lists, a path after "=", a name given twice once', () => {
    expect(parseReporters(['console,junit=out/j.xml', 'md', 'junit=ci/junit.xml'])).toEqual([
      { name: 'console' },
      { name: 'md' },
      { name: 'junit', path: 'ci/junit.xml' },
    ]);
  });

  it('refuses an unknown name with the closest, an empty path, and a path for the console', () => {
    expect(parseReporters(['jnuit'])).toContain('(did you mean "junit"?)');
    expect(parseReporters(['html='])).toContain('the path after "=" is empty');
    expect(parseReporters(['console=x'])).toContain('prints and writes no file');
    expect(parseReporters([','])).toContain('a reporter is one of');
  });
});

describe('the reporters a run feeds', () => {
  const env = { GITHUB_ACTIONS: 'true' };
  it('defaults to the console and every report file, GitHub under GitHub Actions', () => {
    expect(fileReportersFor(undefined, '/p').map((r) => r.name)).toEqual([
      'json',
      'md',
      'html',
      'junit',
    ]);
    expect(consoleChosen(undefined)).toBe(true);
    expect(githubChoice(undefined, undefined, env, '/p')).toEqual({});
    expect(githubChoice(undefined, undefined, {}, '/p')).toBeUndefined();
  });

  it('with a list, report.json always and what it names; GitHub only when named or --github', () => {
    const choices = [
      { name: 'html' as const, path: 'out/r.html' },
      { name: 'ndjson' as const, path: 'n.ndjson' },
    ];
    const files = fileReportersFor(choices, '/p');
    expect(files.map((r) => [r.name, r.path])).toEqual([
      ['json', undefined],
      ['html', '/p/out/r.html'],
      ['ndjson', '/p/n.ndjson'],
    ]);
    expect(consoleChosen(choices)).toBe(false);
    expect(githubChoice(choices, undefined, env, '/p')).toBeUndefined();
    expect(githubChoice(choices, true, {}, '/p')).toEqual({});
    expect(githubChoice([{ name: 'github', path: 's.md' }], undefined, {}, '/p')).toEqual({
      path: '/p/s.md',
    });
    expect(githubChoice([{ name: 'github' }], false, env, '/p')).toBeUndefined();
  });
});

describe('the multiplexer', () => {
  it('tells every reporter of the assessment, and keeps a failure to its reporter', async () => {
    const heard: string[] = [];
    const ok = (name: string): RunReporter => ({
      name,
      onAssessment: () => {
        heard.push(`${name} assessment`);
      },
      onEnd: () => {
        heard.push(`${name} end`);
      },
    });
    const broken: RunReporter = {
      name: 'broken',
      onAssessment: () => Promise.reject(new Error('disk full')),
      onEnd: () => {
        heard.push('broken end');
      },
    };
    const set = createReporters([ok('a'), broken, ok('b')]);
    const assessed = { report: {} as never, all: {} as never, dir: '/d' };
    await set.onAssessment(assessed);
    await set.onEnd(assessed);
    expect(heard).toEqual(['a assessment', 'b assessment', 'a end', 'b end']);
    expect(set.failures().map((f) => [f.name, f.hook, f.error.message])).toEqual([
      ['broken', 'onAssessment', 'disk full'],
    ]);
  });
});
