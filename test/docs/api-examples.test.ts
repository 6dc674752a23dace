/**
 * The API page's examples are type-checked (issue 46 item 5): every ```ts
 * block of docs/api.md is compiled, strict, against the package's own
 * declarations (`dist/index.d.ts`, as a project that installed it sees
 * them), so an example that calls a name the API lacks, or with options it
 * does not take, fails here. The names the page leaves to the reader (two
 * running servers, two captured answers, a test runner's `it` and `expect`)
 * are declared once below.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** What the examples take as given. */
const GIVEN = `type Answer = Parameters<typeof import('http-parity').judge>[0]['baseline'];
declare const rust: { readonly url: string };
declare const go: { readonly url: string };
declare const rustAnswer: Answer;
declare const goAnswer: Answer;
declare function it(name: string, test: () => Promise<void>): void;
declare function expect(value: unknown): {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
};
`;

function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

/** Compiles each block as a module of its own; resolves with tsc's error lines. */
async function typeErrors(blocks: readonly string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'parity-api-examples-'));
  try {
    const files = blocks.map((_, index) => `example-${index + 1}.mts`);
    await Promise.all(
      blocks.map((block, index) =>
        // The given names first, then the example as written (its own imports are hoisted).
        writeFile(join(dir, files[index] ?? ''), `${GIVEN}\n${block}\nexport {};\n`),
      ),
    );
    const compilerOptions = {
      strict: true,
      module: 'nodenext',
      target: 'es2022',
      noEmit: true,
      skipLibCheck: true,
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      types: ['node'],
      paths: { 'http-parity': [join(ROOT, 'dist', 'index.d.ts')] },
    };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    return await exec(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir }).then(
      () => [],
      (error: { stdout?: string }) =>
        (error.stdout ?? '').split('\n').filter((line) => line.includes('error TS')),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Two misuses the check must catch, compiled with the page's examples (one tsc run). */
const WRONG = [
  "import { runLibrary } from 'http-parity';\nconst run = await runLibrary({ baseline: 1 });\n",
  "import { fuzzLibrary } from 'http-parity';\nawait fuzzLibrary({ budget: 500 });\n",
];

describe('docs/api.md examples', () => {
  it('type-check against the package declarations, and a misuse would not', {
    timeout: 120_000,
  }, async () => {
    const blocks = tsBlocks(await readFile(join(ROOT, 'docs', 'api.md'), 'utf8'));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const errors = await typeErrors([...blocks, ...WRONG]);
    const inFile = (index: number) =>
      errors.filter((line) => line.startsWith(`example-${index + 1}.mts(`));
    expect(blocks.flatMap((_, index) => inFile(index))).toEqual([]);
    for (const index of WRONG.keys()) expect(inFile(blocks.length + index)).not.toEqual([]);
  });
});
