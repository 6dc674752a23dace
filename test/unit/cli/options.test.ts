/** The option table: it reaches commander whole, and the flags it types are what commander parsed. */
import { Command, type Option } from 'commander';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { buildProgram, OPERANDS_ONLY } from '../../../src/cli/main.js';
import { metaOf, plainFlags } from '../../../src/cli/option-kinds.js';
import {
  COMMANDS,
  isCommandName,
  type ReportFlags,
  type RunFlags,
  type TrackerFlags,
} from '../../../src/cli/options.js';
import { addCommand } from '../../../src/cli/program.js';
import { configSchema } from '../../../src/io/config/schema.js';
import { runCli, tempProject } from '../../helpers/cli.js';

const SILENT = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: '/' };

function commanderOf(name: string): Command {
  const found = buildProgram(SILENT, () => {}).commands.find((c) => c.name() === name);
  if (found === undefined) throw new Error(`no command ${name}`);
  return found;
}

/** Parses `argv` with the table's `run` command and returns the typed flags it produced. */
async function parseRun(argv: readonly string[]) {
  const program = new Command().exitOverride();
  let seen: { operands: readonly string[]; flags: RunFlags } | undefined;
  addCommand(program, COMMANDS.run, async (operands, flags) => {
    seen = { operands, flags };
  });
  await program.parseAsync(['run', ...argv], { from: 'user' });
  return seen;
}

describe('the option table', () => {
  it('declares every command the program has, and every option reaches commander with its parser', () => {
    const program = buildProgram(SILENT, () => {});
    expect(program.commands.map((c) => c.name())).toEqual(Object.keys(COMMANDS));
    for (const [name, decl] of Object.entries(COMMANDS)) {
      const options: readonly Option[] = commanderOf(name).options;
      for (const [key, schema] of Object.entries(decl.options)) {
        const meta = metaOf(schema);
        const option = options.find((o) => o.flags === meta.flags);
        expect(option, `${name} ${meta.flags}`).toBeDefined();
        expect(option?.description, `${name} ${key}`).toBe(meta.help);
        if (meta.parse !== undefined) expect(option?.parseArg, `${name} ${key}`).toBe(meta.parse);
        else if (meta.repeatable === true)
          expect(option?.parseArg?.('b', ['a'])).toEqual(['a', 'b']);
        // Commander checks choices in a parser of its own.
        else if (meta.choices === undefined)
          expect(option?.parseArg, `${name} ${key}`).toBeUndefined();
        expect(option?.argChoices, `${name} ${key} choices`).toEqual(meta.choices);
        expect(option?.mandatory, `${name} ${key} required`).toBe(meta.required === true);
        if (meta.negation !== undefined) {
          expect(options.find((o) => o.negate && o.attributeName() === key)?.description).toBe(
            meta.negation,
          );
        }
      }
      // Nothing reaches commander that the table does not declare (help and version aside).
      const declared = Object.values(decl.options).flatMap((s) => {
        const meta = metaOf(s);
        return meta.negation === undefined ? [meta.flags] : [meta.flags, 'negation'];
      });
      expect(options).toHaveLength(declared.length);
    }
  });

  it('builds, for the command the arguments name, that command alone with the same options and help', () => {
    const whole = buildProgram(SILENT, () => {});
    for (const name of Object.keys(COMMANDS)) {
      const only = buildProgram(SILENT, () => {}, isCommandName(name) ? name : undefined);
      expect(only.commands.map((c) => c.name())).toEqual([name]);
      const [alone] = only.commands;
      const full = whole.commands.find((c) => c.name() === name);
      expect(alone?.options.map((o) => [o.flags, o.description])).toEqual(
        full?.options.map((o) => [o.flags, o.description]),
      );
      expect(alone?.helpInformation()).toBe(full?.helpInformation());
    }
    expect(isCommandName('help')).toBe(false);
    expect(isCommandName('toString')).toBe(false);
  });

  it('names a flag by its commander name, or by the config field it overrides', () => {
    const fields = Object.keys(configSchema().unwrap().shape);
    for (const [name, decl] of Object.entries(COMMANDS)) {
      for (const [key, schema] of Object.entries(decl.options)) {
        const option = commanderOf(name).options.find((o) => o.flags === metaOf(schema).flags);
        const attribute = option?.attributeName();
        if (attribute !== key) expect(fields, `${name} ${key} (--${attribute})`).toContain(key);
      }
    }
  });

  it('hands the action typed flags: parsed numbers, lists, shards, --no-tracker', async () => {
    const seen = await parseRun([
      'cases/a.yaml',
      '--timeout',
      '250',
      '--concurrency',
      '3',
      '--rate',
      '2.5',
      '--filter',
      'a/*',
      '--filter',
      'b/*',
      '--shard',
      '2/4',
      '--no-tracker',
      '--fail-on',
      'new',
      '--json',
    ]);
    expect(seen).toEqual({
      operands: ['cases/a.yaml'],
      flags: {
        timeoutMs: 250,
        concurrency: 3,
        rate: 2.5,
        filter: ['a/*', 'b/*'],
        shard: { index: 2, total: 4 },
        tracker: false,
        failOn: 'new',
        json: true,
      },
    });
    expect((await parseRun([]))?.flags).toEqual({});
  });

  it('derives the flag types from the table', () => {
    expectTypeOf<RunFlags['concurrency']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RunFlags['tracker']>().toEqualTypeOf<string | false | undefined>();
    expectTypeOf<RunFlags['filter']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<RunFlags['json']>().toEqualTypeOf<true | undefined>();
    expectTypeOf<RunFlags['failOn']>().toEqualTypeOf<'new' | 'open' | 'any' | 'none' | undefined>();
    expectTypeOf<TrackerFlags['tracker']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ReportFlags['from']>().toEqualTypeOf<string>();
    expectTypeOf<ReportFlags['format']>().toEqualTypeOf<
      ('json' | 'md' | 'html' | 'junit')[] | undefined
    >();
  });

  it("checks a value without zod only where the option's schema gives it back as it is", () => {
    const samples: unknown[] = [
      ...[true, false, '', 'x', [], ['a', 'b'], ['a', 1], 3, null, {}],
      ...[0, -0, 1, 8, 1024, 1025, -1, 2.5, 0.001, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY],
    ];
    for (const [name, decl] of Object.entries(COMMANDS)) {
      for (const [key, option] of Object.entries(decl.options)) {
        const values = [...samples, ...(option.meta.choices ?? [])];
        for (const value of values) {
          const checked = option.schema().safeParse(value);
          if (option.plain?.(value) === true) {
            expect(checked.success, `${name} ${key} ${JSON.stringify(value)}`).toBe(true);
            expect(checked.data, `${name} ${key} ${JSON.stringify(value)}`).toEqual(value);
          }
        }
      }
    }
    const validate = COMMANDS.validate;
    expect(plainFlags(validate, { config: 'p.yaml' })).toBe(true);
    expect(plainFlags(validate, { config: 1 })).toBe(false);
    expect(plainFlags(validate, { typo: 'x' })).toBe(false);
    expect(plainFlags(COMMANDS.run, { tracker: false, failOn: 'none', quiet: true })).toBe(true);
    expect(plainFlags(COMMANDS.run, { failOn: 'sometimes' })).toBe(false);
    // A count or a rate its schema accepts is checked without it; shards and budgets by the schema.
    expect(plainFlags(COMMANDS.run, { concurrency: 3, rate: 2.5 })).toBe(true);
    expect(plainFlags(COMMANDS.run, { concurrency: 0 })).toBe(false);
    expect(plainFlags(COMMANDS.run, { concurrency: 2.5 })).toBe(false);
  });

  it('parses a count or a rate without zod as the schema would', () => {
    const numeric = Object.entries(COMMANDS).flatMap(([name, decl]) =>
      Object.entries(decl.options)
        .filter(([, option]) => option.meta.parse !== undefined && option.plain !== undefined)
        .map(([key, option]) => ({ name: `${name} ${key}`, option })),
    );
    expect(numeric.map((n) => n.name)).toEqual(
      expect.arrayContaining(['run concurrency', 'run rate']),
    );
    const texts = fc.oneof(
      fc.constantFrom('8', '0', '-0', '1024', '1025', '2.5', '1e3', ' 7 ', '', ' ', '0x10', 'x'),
      fc.integer({ min: -5, max: 5000 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        for (const { name, option } of numeric) {
          const parse = option.meta.parse;
          if (parse === undefined) continue;
          let parsed: unknown;
          let refused: unknown;
          try {
            parsed = parse(text);
          } catch (error) {
            refused = error;
          }
          const number = text.trim() === '' ? Number.NaN : Number(text);
          const checked = option.schema().safeParse(number);
          expect(refused === undefined, `${name} "${text}"`).toBe(checked.success);
          if (checked.success)
            expect(Object.is(parsed, checked.data), `${name} "${text}"`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('runs a command given operands alone as commander would: those operands, no flags', async () => {
    const listOnly = Object.entries(COMMANDS)
      .filter(
        ([, decl]) =>
          /^\[[a-z-]+\.\.\.\]$/.test(decl.operands?.syntax ?? '') &&
          Object.values(decl.options).every((option) => option.meta.required !== true),
      )
      .map(([name]) => name);
    expect(listOnly).toEqual([...OPERANDS_ONLY]);
    for (const name of OPERANDS_ONLY) {
      const program = new Command().exitOverride();
      let seen: unknown;
      addCommand(program, COMMANDS[name], async (operands, flags) => {
        seen = { operands, flags };
      });
      await program.parseAsync([name, 'a.yaml', 'b'], { from: 'user' });
      expect(seen, name).toEqual({ operands: ['a.yaml', 'b'], flags: {} });
    }
  });

  it('checks what commander collected against the flags schema', () => {
    expect(() => z.parse(COMMANDS.run.flags(), { concurrency: 'eight' })).toThrow();
    expect(() => z.parse(COMMANDS.run.flags(), { unknownFlag: true })).toThrow();
  });
});

describe('usage errors', () => {
  it('refuses --concurrency 0 with exit 2, says why and where to look', async () => {
    const cwd = await tempProject();
    const result = await runCli(cwd, ['run', '--concurrency', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--concurrency must be a whole number from 1 to 1024 (got "0")',
    );
    expect(result.stderr).toContain('(run parity --help for usage)');
  });

  it('refuses a bad shard, an unknown policy and an unknown format with exit 2', async () => {
    const cwd = await tempProject();
    for (const argv of [
      ['run', '--shard', '3/2'],
      ['run', '--fail-on', 'sometimes'],
      ['run', '--retries', '-1'],
      ['run', '--rate', 'fast'],
      ['report', '--from', 'latest', '--format', 'pdf'],
      ['report'],
      ['tracker', 'extra'],
    ]) {
      const result = await runCli(cwd, argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(/^error: /);
    }
  });

  it('takes --concurrency 1, then asks for the baseline the run lacks (exit 2)', async () => {
    const cwd = await tempProject();
    const result = await runCli(cwd, ['run', '--concurrency', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('parity: no baseline target: pass --baseline NAME=URL');
  });
});
