import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../../../src/cli/help-examples.js';
import { COMMANDS } from '../../../src/cli/options.js';
import { runCli, tempProject } from '../../helpers/cli.js';

describe("each command's --help", () => {
  it.each(Object.keys(COMMANDS))('%s ends with two or three real examples', async (name) => {
    const cwd = await tempProject();
    const help = await runCli(cwd, [name, '--help']);
    expect(help.code).toBe(0);
    const examples =
      help.stdout.split('\nExamples:\n')[1]?.split('\n\n')[0]?.trimEnd().split('\n') ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
    for (const line of examples)
      expect(line.trim()).toMatch(new RegExp(`^parity ${name}\\b|^parity run\\b`));
    expect(examples).toEqual(
      HELP_EXAMPLES[name as keyof typeof HELP_EXAMPLES].map((l) => `  ${l}`),
    );
  });
});
