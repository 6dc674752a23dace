/**
 * Builds commander's program from the option table: one commander option per
 * declared option (two for a negatable one), with the table's parser, and an
 * action that checks the collected values against the command's flags schema
 * before handing them, typed, to the command.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import * as z from 'zod';
import { didYouMean } from '../util/suggest.js';
import { exitCodesText } from './exit-codes.js';
import { examplesText } from './help-examples.js';
import {
  type CommandDecl,
  type FlagsOf,
  longFlag,
  metaOf,
  type OptionMeta,
  type OptionShape,
  plainFlags,
} from './option-kinds.js';

/** The commander options of one declared option. */
function commanderOptions(meta: OptionMeta): Option[] {
  const option = new Option(meta.flags, meta.help);
  if (meta.choices !== undefined) {
    const { choices } = meta;
    // commander's own check, with "did you mean" for a near miss (`--fail-on opne`).
    option.choices(choices).argParser((value: string) => {
      if (choices.includes(value)) return value;
      throw new InvalidArgumentError(
        `Allowed choices are ${choices.join(', ')}${didYouMean(value, choices)}.`,
      );
    });
  }
  if (meta.required === true) option.makeOptionMandatory();
  if (meta.repeatable === true) {
    option.argParser((value: string, previous: readonly string[] | undefined) => [
      ...(previous ?? []),
      value,
    ]);
  } else if (meta.parse !== undefined) {
    option.argParser(meta.parse);
  }
  if (meta.negation === undefined) return [option];
  return [option, new Option(`--no-${longFlag(meta.flags).slice(2)}`, meta.negation)];
}

/**
 * The flags commander collected, checked: without zod when every value is
 * one its option's schema gives back as it is (`plainFlags`), else by the
 * command's schema (parsed once: zod's compiled fast path would cost more to
 * build than it saves).
 */
function flagsOf<F extends z.ZodType>(
  decl: Declared<F>,
  values: Record<string, unknown>,
): FlagsOf<Declared<F>> {
  return plainFlags(decl, values) ? values : z.parse(decl.flags(), values, { jitless: true });
}

/** A declared command, as `command()` returns it. */
type Declared<F extends z.ZodType> = CommandDecl<OptionShape> & { readonly flags: () => F };

/**
 * Adds `decl` to `program`; `action` gets the operands and the flags, typed by
 * the table. A key of the table may differ from commander's name for the flag
 * (`timeoutMs` for `--timeout`): values are read under commander's name.
 */
export function addCommand<F extends z.ZodType>(
  program: Command,
  decl: Declared<F>,
  action: (operands: readonly string[], flags: FlagsOf<Declared<F>>) => Promise<void>,
): Command {
  const cmd = program
    .command(decl.name)
    .description(decl.description)
    .addHelpText('after', `${examplesText(decl.name)}${exitCodesText()}`);
  // `<kind> [input]` declares two operands; the help text goes with the first.
  for (const [index, syntax] of (decl.operands?.syntax.split(' ') ?? []).entries()) {
    cmd.argument(syntax, index === 0 ? (decl.operands?.help ?? '') : '');
  }
  const names = new Map<string, string>();
  for (const [key, schema] of Object.entries(decl.options)) {
    const options = commanderOptions(metaOf(schema));
    for (const option of options) cmd.addOption(option);
    names.set(key, options[0]?.attributeName() ?? key);
  }
  cmd.action(async () => {
    const values = Object.fromEntries(
      [...names].flatMap(([key, name]) => {
        const value: unknown = cmd.getOptionValue(name);
        return value === undefined ? [] : [[key, value]];
      }),
    );
    await action(cmd.args, flagsOf(decl, values));
  });
  return cmd;
}
