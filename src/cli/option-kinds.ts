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
import { once } from '../util/once.js';

const isText = (value: unknown): value is string => typeof value === 'string';

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

/**
 * One option of the table: what commander needs, and the zod schema of its
 * value, built when a value is first checked by it. `plain` says, without the
 * schema, whether a value commander collected is one the schema gives back as
 * it is (a text, a switch, a list of texts, a choice): a command whose flags
 * are all such values (`validate`, a run with the usual flags) checks them
 * without zod, which it then never loads (scripts/bundle.mjs).
 */
export interface OptionDecl<S extends z.ZodType = z.ZodType> {
  readonly meta: OptionMeta;
  readonly schema: () => S;
  readonly plain?: (value: unknown) => boolean;
}

function declare<S extends z.ZodType>(
  schema: () => S,
  meta: OptionMeta,
  plain?: (value: unknown) => boolean,
): OptionDecl<S> {
  return plain === undefined
    ? { meta, schema: once(schema) }
    : { meta, schema: once(schema), plain };
}

/** The commander side of `option`. */
export function metaOf(option: OptionDecl): OptionMeta {
  return option.meta;
}

/** `--max-in-flight` of `--max-in-flight <n>`: how messages name the option. */
export function longFlag(flags: string): string {
  return /--[a-z][a-z-]*/.exec(flags)?.[0] ?? flags;
}

/** A switch: `true` when given. */
export function toggle(flags: string, help: string) {
  return declare(
    () => z.literal(true).optional(),
    { flags, help },
    (value) => value === true,
  );
}

/** A switch with a `--no-…` form: `true` when given, `false` when turned off, else undecided. */
export function negatableToggle(flags: string, help: string, negation: string) {
  return declare(
    () => z.boolean().optional(),
    { flags, help, negation },
    (value) => typeof value === 'boolean',
  );
}

/** An option whose value is the text after the flag. */
export function text(flags: string, help: string) {
  return declare(() => z.string().optional(), { flags, help }, isText);
}

/** An option the command cannot do without. */
export function requiredText(flags: string, help: string) {
  return declare(() => z.string(), { flags, help, required: true }, isText);
}

/** One of a closed list of values (commander refuses the others and lists them). */
export function choice<const C extends readonly [string, ...string[]]>(
  flags: string,
  help: string,
  choices: C,
) {
  const known: readonly unknown[] = choices;
  return declare(
    () => z.enum(choices).optional(),
    { flags, help, choices },
    (value) => known.includes(value),
  );
}

/** A repeatable option: every occurrence's text, in order. */
export function repeatable(flags: string, help: string) {
  return declare(
    () => z.array(z.string()).optional(),
    { flags, help, repeatable: true },
    (value) => Array.isArray(value) && value.every(isText),
  );
}

/** A text option with a `--no-…` form that turns the thing off (`--no-tracker`). */
export function negatable(option: OptionDecl<z.ZodOptional<z.ZodString>>, negation: string) {
  return declare(
    () => z.union([z.string(), z.literal(false)]).optional(),
    { ...option.meta, negation },
    (value) => value === false || isText(value),
  );
}

/** Refuses the text after a flag: commander prints `message`, and `main` exits 2. */
export function refuse(message: string): never {
  throw new InvalidArgumentError(message);
}

/** An option whose text `parse` turns into a value of `schema` (or `refuse`s); built on first use. */
export function parsed<T>(
  flags: string,
  help: string,
  schema: () => z.ZodType<T>,
  parse: (text: string) => T,
) {
  return declare(() => schema().optional(), { flags, help, parse });
}

/** `text` as a number of `schema`, or `refuse` with `expected` (`a number above 0`). */
function numberOf<T>(text: string, schema: z.ZodType<T>, name: string, expected: string): T {
  const checked = schema.safeParse(numberIn(text));
  return checked.success ? checked.data : refuse(`${name} must be ${expected} (got "${text}")`);
}

/** The number the text after a numeric flag reads as (blank text is no number). */
const numberIn = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Whether `value` is a whole number from `min` to `max` as `z.int()` checks
 * it (a safe integer): one the count's schema gives back as it is. A count
 * given on the command line (`--concurrency 8`) is then parsed and checked
 * without zod, which a run with the usual flags never loads (~0.1 G
 * instructions of loading and compiling it, ~1% of a 20,000-case run).
 */
function isCount(value: unknown, min: number, max: number | undefined): value is number {
  return (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= min &&
    (max === undefined || value <= max)
  );
}

/** Whether `value` is a finite number above 0: one `z.number().positive()` gives back as it is. */
const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * A whole number of at least `min` (`--concurrency`, `--timeout`, `--retries`),
 * and at most `max` where a larger one could only be a mistake (or exhaust memory).
 */
export function countOption(flags: string, help: string, min: 0 | 1, max?: number) {
  const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
  const expected = min === 0 && max === undefined ? 'a whole number' : `a whole number ${range}`;
  const schema = once(() => (max === undefined ? z.int().min(min) : z.int().min(min).max(max)));
  const parse = (value: string) => {
    const count = numberIn(value);
    // The schema only when the plain check refuses: it says why, or accepts what it accepts.
    return isCount(count, min, max) ? count : numberOf(value, schema(), longFlag(flags), expected);
  };
  return declare(
    () => schema().optional(),
    { flags, help, parse },
    (value) => isCount(value, min, max),
  );
}

/** A number above 0 (`--rate`). */
export function positive(flags: string, help: string) {
  const schema = once(() => z.number().positive());
  const parse = (value: string) => {
    const number = numberIn(value);
    return isPositive(number)
      ? number
      : numberOf(value, schema(), longFlag(flags), 'a number above 0');
  };
  return declare(() => schema().optional(), { flags, help, parse }, isPositive);
}

/** The same option with the help text one command needs (flag syntax and parser unchanged). */
export function withHelp<S extends z.ZodType>(option: OptionDecl<S>, help: string): OptionDecl<S> {
  return { ...option, meta: { ...option.meta, help } };
}

/** A command's options, by the key its flags hold them under. */
export type OptionShape = Readonly<Record<string, OptionDecl>>;

/** The zod shape of a command's options. */
type SchemaShape<O extends OptionShape> = { -readonly [K in keyof O]: ReturnType<O[K]['schema']> };

/** A command as the table declares it: its operands and its options. */
export interface CommandDecl<O extends OptionShape> {
  readonly name: string;
  readonly description: string;
  /** Commander's syntax of the operands (`[cases...]`, `<reports...>`) and their help. */
  readonly operands?: { readonly syntax: string; readonly help: string };
  readonly options: O;
}

/**
 * The declaration plus the schema that checks the flags commander collected
 * (built on first use: see `plainFlags`).
 */
export function command<const O extends OptionShape>(decl: CommandDecl<O>) {
  const flags = once(() => {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, option] of Object.entries(decl.options)) shape[key] = option.schema();
    return z.strictObject(shape as SchemaShape<O>);
  });
  return { ...decl, flags };
}

/** The parsed flags of a declared command: derived from its option table. */
export type FlagsOf<C extends { readonly flags: () => z.ZodType }> = z.output<
  ReturnType<C['flags']>
>;

/**
 * Whether every value commander collected is one its option's schema gives
 * back as it is (`OptionDecl.plain`), keys in the table's order: the flags
 * the command's schema would give, checked without building it.
 */
export function plainFlags<
  C extends CommandDecl<OptionShape> & { readonly flags: () => z.ZodType },
>(decl: C, values: unknown): values is FlagsOf<C> {
  if (typeof values !== 'object' || values === null) return false;
  return Object.entries(values).every(([key, value]) => {
    const option = Object.hasOwn(decl.options, key) ? decl.options[key] : undefined;
    return option?.plain?.(value) === true;
  });
}
