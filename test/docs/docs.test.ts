/**
 * The README and the guide's pages (`docs/*.md`) are executable: every shell
 * block in them runs (in a fresh copy of
 * the project, `npx parity` being the bin on a bundle of the current sources,
 * the example ports the bundled servers) and must do what the
 * `<!-- doctest … -->` comment above it says, or exit 0 throughout when it has
 * none. A block not meant to run says why (`<!-- doctest: skip WHY -->`). The
 * convention is in docs/development.md, "The README is a test". A block's
 * `output:` sample lives in the same document as the command that shows it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyBundle } from '../helpers/bundle.js';
import { commandsOf, parseDoc, SHELL_LANGUAGES } from '../helpers/doctest/parse.js';
import { type DoctestContext, runBlock } from '../helpers/doctest/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The documents whose shell blocks are run: the README and every page of docs/ that has one. */
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`)
    .filter((doc) =>
      parseDoc(readFileSync(join(ROOT, doc), 'utf8')).blocks.some((block) =>
        SHELL_LANGUAGES.has(block.language),
      ),
    ),
];

// The bin loads dist/parity.cjs: the current sources bundled (once per run), never touching dist/.
let dist: string;
beforeAll(async () => {
  dist = join(await mkdtemp(join(tmpdir(), 'parity-doctest-dist-')), 'dist');
  await copyBundle(dist);
  // As installed, the package's dependencies sit beside it: the bundle imports the
  // ones it leaves out (@readme/openapi-parser) from there.
  await symlink(join(ROOT, 'node_modules'), join(dirname(dist), 'node_modules'), 'dir');
});

it('leaves out only pages of docs/ without doctest markup', () => {
  const left = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md') && !DOCS.includes(`docs/${name}`))
    .filter((name) => /<!--\s*doctest\b/.test(readFileSync(join(ROOT, 'docs', name), 'utf8')));
  expect(left).toEqual([]);
  expect(DOCS.length).toBeGreaterThan(1);
});

for (const doc of DOCS) {
  const parsed = parseDoc(readFileSync(join(ROOT, doc), 'utf8'));
  const outputs = new Map<string, string>();
  for (const block of parsed.blocks) {
    if (block.spec !== undefined && 'output' in block.spec)
      outputs.set(block.spec.output, block.text);
  }
  const shell = parsed.blocks.filter((block) => SHELL_LANGUAGES.has(block.language));

  describe(`${doc}: every shell block runs as written`, () => {
    let context: DoctestContext;
    beforeAll(() => {
      context = { root: ROOT, dist, outputs };
    });

    it('has well-formed doctest comments, each above a block', () => {
      expect(parsed.problems.map((p) => `${doc}:${p.line}: ${p.message}`)).toEqual([]);
    });

    it('checks every output block against some command', () => {
      const shown = new Set(
        parsed.blocks.flatMap((block) => {
          const spec = block.spec;
          if (spec === undefined || 'skip' in spec || 'output' in spec) return [];
          return [
            spec.shows,
            ...(spec.commands ?? []).map((c) => ('shows' in c ? c.shows : undefined)),
          ];
        }),
      );
      expect([...outputs.keys()].filter((name) => !shown.has(name))).toEqual([]);
    });

    it.each(shell.map((block) => [`${doc}:${block.line}`, block] as const))(
      '%s',
      async (_where, block) => {
        const spec = block.spec;
        if (spec !== undefined && 'skip' in spec) {
          // Not run, and says why; an empty block is a mistake either way.
          expect(commandsOf(block.text).length).toBeGreaterThan(0);
          return;
        }
        const hint =
          block.spec === undefined
            ? `\n(${doc}:${block.line} has no doctest comment, so every command must exit 0; add <!-- doctest … --> with its expectations, or <!-- doctest: skip WHY --> — see docs/development.md)`
            : '';
        const problems = await runBlock(block, context);
        expect(problems.join('\n\n') + (problems.length > 0 ? hint : '')).toBe('');
      },
      180_000,
    );
  });
}
