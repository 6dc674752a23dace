/**
 * A GitHub Actions workflow's jobs run locally, step by step, as the runner
 * would: `run:` steps in bash (`${{ matrix.* }}` substituted; any other
 * expression is refused), a step after a failed one only with `if: always()`,
 * `actions/upload-artifact` and `actions/download-artifact` as copies through
 * a folder of artifacts (v4's layout: an upload's files relative to its
 * paths' folder, a download by pattern into `PATH/<artifact name>/`), the
 * other actions (checkout, setup-node) as no-ops.
 */
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as z from 'zod';
import { runScript, type ScriptResult } from './ci-jobs.js';

const Step = z.looseObject({
  name: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type WorkflowStep = z.infer<typeof Step>;

const Job = z.looseObject({
  strategy: z.object({ matrix: z.record(z.string(), z.array(z.number())) }).optional(),
  steps: z.array(Step),
});

export const Workflow = z.looseObject({
  env: z.record(z.string(), z.string()).default({}),
  jobs: z.record(z.string(), Job),
});

/** What one step did: a `run:` step's result, or what an action did. */
export interface StepOutcome {
  readonly step: string;
  readonly skipped: boolean;
  readonly result?: ScriptResult;
}

export interface JobContext {
  /** The job's workspace (its checkout). */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** `matrix.NAME` values of this job instance. */
  readonly matrix: Readonly<Record<string, number>>;
  /** Where artifacts live between jobs: one folder per artifact name. */
  readonly artifacts: string;
}

function substitute(text: string, matrix: Readonly<Record<string, number>>): string {
  const done = text.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = matrix[name];
    return value === undefined ? whole : String(value);
  });
  if (done.includes('${{')) throw new Error(`unsupported expression in: ${done}`);
  return done;
}

function withText(step: WorkflowStep, key: string, matrix: JobContext['matrix']): string {
  const value = step.with?.[key];
  if (value === undefined) throw new Error(`${step.uses} needs with.${key}`);
  return substitute(String(value), matrix);
}

/** `actions/upload-artifact`: the listed paths (minus the `!` ones) copied under the artifact's name. */
async function upload(step: WorkflowStep, context: JobContext): Promise<void> {
  const name = withText(step, 'name', context.matrix);
  const lines = withText(step, 'path', context.matrix)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const excluded = new Set(
    lines
      .filter((line) => line.startsWith('!'))
      .map((line) => join(context.cwd, line.slice(1)).replace(/\/$/, '')),
  );
  const target = join(context.artifacts, name);
  await mkdir(target, { recursive: true });
  let found = 0;
  for (const line of lines.filter((l) => !l.startsWith('!'))) {
    const source = join(context.cwd, line).replace(/\/$/, '');
    const info = await stat(source).catch(() => undefined);
    if (info === undefined) continue;
    found += 1;
    const to = info.isDirectory() ? target : join(target, basename(source));
    await cp(source, to, { recursive: true, filter: (path) => !excluded.has(path) });
  }
  if (found === 0) throw new Error(`upload-artifact ${name}: no files found`);
}

/** `actions/download-artifact` with `pattern`: each matching artifact into `path/<name>/`. */
async function download(step: WorkflowStep, context: JobContext): Promise<void> {
  const pattern = withText(step, 'pattern', context.matrix);
  const into = join(context.cwd, withText(step, 'path', context.matrix));
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const matches = new RegExp(`^${pattern.split('*').map(literal).join('.*')}$`);
  for (const name of await readdir(context.artifacts)) {
    if (matches.test(name))
      await cp(join(context.artifacts, name), join(into, name), { recursive: true });
  }
}

/** Runs a job's steps in order (see the module comment); resolves with what each did. */
export async function runJob(
  steps: readonly WorkflowStep[],
  context: JobContext,
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  let failed = false;
  for (const step of steps) {
    const label = step.name ?? step.uses ?? step.run ?? '?';
    if (failed && !(step.if ?? '').includes('always()')) {
      outcomes.push({ step: label, skipped: true });
      continue;
    }
    if (step.run !== undefined) {
      const result = await runScript(substitute(step.run, context.matrix), context);
      failed ||= result.code !== 0;
      outcomes.push({ step: substitute(label, context.matrix), skipped: false, result });
    } else {
      if (step.uses?.startsWith('actions/upload-artifact@') === true) await upload(step, context);
      if (step.uses?.startsWith('actions/download-artifact@') === true)
        await download(step, context);
      outcomes.push({ step: label, skipped: false });
    }
  }
  return outcomes;
}
