/**
 * What a `<!-- doctest … -->` comment may say about the block below it
 * (YAML; strict, so a typo in a comment is an error, not an expectation
 * silently dropped). See docs/development.md, "The README is a test".
 */
import * as z from 'zod';

/** A string, or strings, that must each appear; `/…/` is a regular expression. */
const texts = z.union([z.string(), z.array(z.string())]);

/** What one command must do. Unset fields: exit 0, nothing else checked. */
const commandShape = {
  exit: z.number().int().min(0).max(255).optional().describe('expected exit code (default 0)'),
  stdout: texts.optional().describe('text(s) stdout must contain'),
  stderr: texts.optional().describe('text(s) stderr must contain'),
  shows: z
    .string()
    .optional()
    .describe(
      'the name of a block marked `output: NAME` whose lines the output (stdout, then stderr) must show, in order',
    ),
};

const commandSchema = z.union([
  z.strictObject(commandShape),
  z.strictObject({ skip: z.string().min(1).describe('why this command is not run') }),
]);

/** The fields of a block's comment. */
export const BLOCK_FIELDS = {
  ...commandShape,
  setup: texts
    .optional()
    .describe('shell commands run first, in the same folder; each must exit 0'),
  files: z.record(z.string(), z.string()).optional().describe('files written first'),
  env: z.record(z.string(), z.string()).optional().describe('environment of every command'),
  commands: z
    .array(commandSchema)
    .optional()
    .describe('one entry per command of the block, in order (instead of the fields above)'),
  unchanged: z
    .array(z.string())
    .optional()
    .describe('project files the block must leave byte for byte as committed'),
  timeout: z.number().positive().optional().describe('seconds per command (default 60)'),
};

const blockSchema = z.strictObject(BLOCK_FIELDS);

export const doctestSpecSchema = z.union([
  z.strictObject({ skip: z.string().min(1).describe('why the block is not run') }),
  z.strictObject({
    output: z.string().min(1).describe('this block is the output a command `shows:`'),
  }),
  blockSchema,
]);

export type DoctestSpec = z.infer<typeof doctestSpecSchema>;
export type BlockSpec = z.infer<typeof blockSchema>;
export type CommandSpec = z.infer<typeof commandSchema>;

/** The block's own expectations, when it is run (not skipped, not a sample). */
export function blockSpecOf(spec: DoctestSpec | undefined): BlockSpec | undefined {
  if (spec === undefined) return {};
  if ('skip' in spec) return undefined;
  if ('output' in spec) return undefined;
  return spec;
}

/** The list form of `texts`. */
export function textList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
