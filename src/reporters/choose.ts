/**
 * Which reporters a run or a merge feeds, from `--reporter` / the config's
 * `reporters` (`io/config/reporters.ts`). With no list, the defaults: the
 * console, every report file in the run's folder, and GitHub Actions' output
 * under GitHub Actions. With a list, what it names: report.json and
 * results.ndjson are written in the run's folder all the same (the run's
 * record), and GitHub Actions' output is on only when named. `--github` adds
 * it and `--no-github` removes it, whatever the list says. Pure.
 */
import { resolve } from 'node:path';
import { REPORT_FORMATS } from '../io/config/report-formats.js';
import type { ReporterChoice } from '../io/config/reporters.js';
import { type FileReporter, fileReporter } from './files.js';

type Choices = readonly ReporterChoice[] | undefined;

const pathOf = (choices: Choices, name: string, cwd: string): string | undefined => {
  const path = choices?.find((choice) => choice.name === name)?.path;
  return path === undefined ? undefined : resolve(cwd, path);
};

/** The report files: every format (undefined), else report.json and those named, in format order. */
export function fileReportersFor(choices: Choices, cwd: string): FileReporter[] {
  const named = (name: string) => choices?.some((choice) => choice.name === name) ?? true;
  const files = REPORT_FORMATS.filter((format) => format === 'json' || named(format)).map(
    (format) => fileReporter(format, pathOf(choices, format, cwd)),
  );
  const ndjson = pathOf(choices, 'ndjson', cwd);
  return ndjson === undefined ? files : [...files, fileReporter('ndjson', ndjson)];
}

/** Whether the console prints (the summary, the progress bar): by default, or when named. */
export function consoleChosen(choices: Choices): boolean {
  return choices?.some((choice) => choice.name === 'console') ?? true;
}

/**
 * GitHub Actions' annotations and job summary: undefined when off, else
 * where the job summary goes (`path`, absolute; absent: `$GITHUB_STEP_SUMMARY`).
 * `--github` / `--no-github` decide first, then the list, then, with no
 * list, a job of GitHub Actions (`GITHUB_ACTIONS=true`).
 */
export function githubChoice(
  choices: Choices,
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): { readonly path?: string } | undefined {
  if (flag === false) return undefined;
  const path = pathOf(choices, 'github', cwd);
  const on =
    flag === true ||
    (choices === undefined
      ? env['GITHUB_ACTIONS'] === 'true'
      : choices.some((choice) => choice.name === 'github'));
  if (!on) return undefined;
  return path === undefined ? {} : { path };
}

/** The paths `--reporter NAME=PATH` gave (absolute), for the checks before the first request. */
export function reporterPaths(
  choices: Choices,
  cwd: string,
): { readonly name: string; readonly path: string }[] {
  return (choices ?? []).flatMap((choice) =>
    choice.path === undefined ? [] : [{ name: choice.name, path: resolve(cwd, choice.path) }],
  );
}
