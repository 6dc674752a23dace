/**
 * The kinds of command-line option the option table declares. Each option is
 * a zod schema of its value, registered in `optionMeta` with what commander
 * needs: flag syntax, help text and, for an option that takes a value, the
 * parser of the text after the flag (it throws commander's
 * `InvalidArgumentError`, which `main` maps to exit 2). A command's options
 * are a zod shape, so the type of its parsed flags is `z.infer`red from the
 * table and the values commander collected are checked by `z.strictObject`,
 * never cast.
 */
import { InvalidArgumentError } from 'commander';
import * as z from 'zod';

/** What commander needs to know of one option. */
export interface OptionMeta {
  /** Commander's syntax: `-c, --config <file>`, `--json`. */
  readonly flags: string;
  readonly help: string;
  /** Turns the text after the flag into the value; absent: the text itself (or `true` for a switch). */
  readonly parse?: (text: string) => unknown;
  /** Each occurrence appends its text to a list (`--tag a --tag b`). */
  readonly repeatable?: boolean;
  /** The only values commander accepts. */
  readonly choices?: readonly string[];
  /** Help of the `--no-…` form, which sets the value to `false`. */
  readonly negation?: string;
  /** Commander refuses the command without it. */
  readonly required?: boolean;
}

/** Option schema → its commander side. Filled as the table's modules load. */
export const optionMeta = z.registry<OptionMeta>();

function declare<S extends z.ZodType>(schema: S, meta: OptionMeta): S {
  optionMeta.add(schema, meta);
  return schema;
}

/** The commander side of `option`; throws when it was not made by one of the kinds below. */
export function metaOf(option: z.ZodType): OptionMeta {
  const meta = optionMeta.get(option);
  if (meta === undefined) throw new Error('an option of the table was not declared with a kind');
  return meta;
}

/** `--max-in-flight` of `--max-in-flight <n>`: how messages name the option. */
export function longFlag(flags: string): string {
  return /--[a-z][a-z-]*/.exec(flags)?.[0] ?? flags;
}

/** A switch: `true` when given. */
export function toggle(flags: string, help: string) {
  return declare(z.literal(true).optional(), { flags, help });
}

/** An option whose value is the text after the flag. */
export function text(flags: string, help: string) {
  return declare(z.string().optional(), { flags, help });
}

/** An option the command cannot do without. */
export function requiredText(flags: string, help: string) {
  return declare(z.string(), { flags, help, required: true });
}

/** One of a closed list of values (commander refuses the others and lists them). */
export function choice<const C extends readonly [string, ...string[]]>(
  flags: string,
  help: string,
  choices: C,
) {
  return declare(z.enum(choices).optional(), { flags, help, choices });
}

/** A repeatable option: every occurrence's text, in order. */
export function repeatable(flags: string, help: string) {
  return declare(z.array(z.string()).optional(), { flags, help, repeatable: true });
}

/** A text option with a `--no-…` form that turns the thing off (`--no-tracker`). */
export function negatable(option: z.ZodOptional<z.ZodString>, negation: string) {
  return declare(z.union([z.string(), z.literal(false)]).optional(), {
    ...metaOf(option),
    negation,
  });
}

/** Refuses the text after a flag: commander prints `message`, and `main` exits 2. */
export function refuse(message: string): never {
  throw new InvalidArgumentError(message);
}

/** An option whose text `parse` turns into a value of `schema` (or `refuse`s). */
export function parsed<T>(
  flags: string,
  help: string,
  schema: z.ZodType<T>,
  parse: (text: string) => T,
) {
  return declare(schema.optional(), { flags, help, parse });
}

/** `text` as a number of `schema`, or `refuse` with `expected` (`a number above 0`). */
function numberOf<T>(text: string, schema: z.ZodType<T>, name: string, expected: string): T {
  const checked = schema.safeParse(text.trim() === '' ? Number.NaN : Number(text));
  return checked.success ? checked.data : refuse(`${name} must be ${expected} (got "${text}")`);
}

/**
 * A whole number of at least `min` (`--concurrency`, `--timeout`, `--retries`),
 * and at most `max` where a larger one could only be a mistake (or exhaust memory).
 */
export function countOption(flags: string, help: string, min: 0 | 1, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const expected = min === 0 && max === undefined ? 'a whole number' : `a whole number ${range}`;
  const schema = max === undefined ? z.int().min(min) : z.int().min(min).max(max);
  return parsed(flags, help, schema, (value) => numberOf(value, schema, longFlag(flags), expected));
}

/** A number above 0 (`--rate`). */
export function positive(flags: string, help: string) {
  const schema = z.number().positive();
  return parsed(flags, help, schema, (value) =>
    numberOf(value, schema, longFlag(flags), 'a number above 0'),
  );
}

/** The same option with the help text one command needs (flag syntax and parser unchanged). */
export function withHelp<S extends z.ZodType>(option: S, help: string): S {
  return declare(option.clone(), { ...metaOf(option), help });
}

/** A command as the table declares it: its operands and its options (a zod shape). */
export interface CommandDecl<O extends z.core.$ZodLooseShape> {
  readonly name: string;
  readonly description: string;
  /** Commander's syntax of the operands (`[cases...]`, `<reports...>`) and their help. */
  readonly operands?: { readonly syntax: string; readonly help: string };
  readonly options: O;
}

/** The declaration plus the schema that checks the flags commander collected. */
export function command<const O extends z.core.$ZodLooseShape>(decl: CommandDecl<O>) {
  return { ...decl, flags: z.strictObject(decl.options) };
}

/** The parsed flags of a declared command: derived from its option table. */
export type FlagsOf<C extends { readonly flags: z.ZodType }> = z.output<C['flags']>;
