/**
 * A GitLab CI job run locally as the runner would: `before_script` and
 * `script` in one bash (stopping at the first failing line), `after_script`
 * in another whatever happened, then `artifacts:paths` (minus `exclude`,
 * `$VARIABLES` expanded) copied into a folder that the next stage's jobs
 * receive at the same paths.
 */
import { cp, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { runScript, type ScriptResult } from './ci-jobs.js';

const Job = z.looseObject({
  parallel: z.number().optional(),
  before_script: z.array(z.string()).default([]),
  script: z.array(z.string()),
  after_script: z.array(z.string()).default([]),
  artifacts: z
    .looseObject({
      paths: z.array(z.string()),
      exclude: z.array(z.string()).default([]),
      reports: z.looseObject({ junit: z.string().optional() }).optional(),
    })
    .optional(),
});
export type GitlabJob = z.infer<typeof Job>;

export const Pipeline = z.looseObject({
  variables: z.record(z.string(), z.string()).default({}),
});

/** One job of the parsed pipeline, checked. */
export function jobOf(pipeline: Record<string, unknown>, name: string): GitlabJob {
  return Job.parse(pipeline[name]);
}

export interface JobRun {
  readonly script: ScriptResult;
  readonly afterScript: ScriptResult;
}

/** `$NAME` and `${NAME}` in an artifact path, from the job's variables. */
function expand(path: string, env: Readonly<Record<string, string>>): string {
  return path.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => env[name] ?? whole);
}

/** Runs one job in `cwd` and copies its artifacts into `artifacts` (see the module comment). */
export async function runGitlabJob(
  job: GitlabJob,
  context: {
    readonly cwd: string;
    readonly env: Readonly<Record<string, string>>;
    readonly artifacts: string;
  },
): Promise<JobRun> {
  const script = await runScript([...job.before_script, ...job.script].join('\n'), context);
  const afterScript = await runScript(job.after_script.join('\n'), context);
  const spec = job.artifacts;
  if (spec !== undefined) {
    const excluded = new Set(
      spec.exclude.map((path) => join(context.cwd, expand(path, context.env)).replace(/\/$/, '')),
    );
    for (const path of spec.paths.map((p) => expand(p, context.env).replace(/\/$/, ''))) {
      const source = join(context.cwd, path);
      if ((await stat(source).catch(() => undefined)) === undefined) continue;
      await mkdir(dirname(join(context.artifacts, path)), { recursive: true });
      await cp(source, join(context.artifacts, path), {
        recursive: true,
        filter: (from) => !excluded.has(from),
      });
    }
  }
  return { script, afterScript };
}
