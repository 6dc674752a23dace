/**
 * GitHub Actions' output as a reporter (`--reporter github`, `--github`, or
 * on by itself under GitHub Actions: `choose.ts`): once the run or the merge
 * ended, the annotations for new root causes (`::error …` lines, which the
 * runner turns into annotations; printed with `--quiet` too, on stderr with
 * `--json`, whose stdout stays one JSON document: the runner reads workflow
 * commands from both), and the run's decisions appended to the job summary
 * (`$GITHUB_STEP_SUMMARY`, or the path `--reporter github=PATH` gave). A
 * summary that could not be written is this reporter's failure.
 */
import { resolve } from 'node:path';
import { appendRegularFile } from '../util/fs.js';
import type { ConsoleIo, OutputFlags } from './console-reporters.js';
import { renderGithubAnnotations, renderStepSummary } from './report/github.js';
import type { RunReporter } from './reporter.js';

export const GITHUB_REPORTER = 'github';

export function githubReporter(
  io: ConsoleIo,
  flags: OutputFlags,
  where: { readonly path?: string },
): RunReporter {
  return {
    name: GITHUB_REPORTER,
    onEnd: async ({ report }) => {
      (flags.json === true ? io.stderr : io.stdout).write(renderGithubAnnotations(report));
      const summaryFile = where.path ?? io.env['GITHUB_STEP_SUMMARY'];
      if (summaryFile === undefined || summaryFile === '') return;
      try {
        await appendRegularFile(resolve(io.cwd, summaryFile), renderStepSummary(report), {
          createFolder: where.path !== undefined,
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`could not append the job summary to ${summaryFile}: ${why}`);
      }
    },
  };
}
