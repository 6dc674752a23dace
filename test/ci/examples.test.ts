/**
 * The CI examples in `examples/ci/` run as scripts: every shell line of their
 * jobs, in order, with the runner's variables set (`CI`, `GITHUB_STEP_SUMMARY`,
 * the matrix; `CI_NODE_INDEX`/`CI_NODE_TOTAL`), each job in a workspace of its
 * own, artifacts carried from the shard jobs to the merge job, against the two
 * bundled reference servers on free loopback ports (see `helpers/ci-jobs.ts`).
 */
import { cp, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunningServer, startServer } from '../../examples/servers/start.js';
import { baseEnv, bundledBin, filesUnder, withTargets, workspace } from '../helpers/ci-jobs.js';
import { runJob, type StepOutcome, Workflow } from '../helpers/github-workflow.js';
import { jobOf, Pipeline, runGitlabJob } from '../helpers/gitlab-pipeline.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let bin: string;
let serde: RunningServer;
let go: RunningServer;
beforeAll(async () => {
  bin = await bundledBin(ROOT);
  [serde, go] = await Promise.all([startServer('serde'), startServer('go')]);
}, 60_000);
afterAll(async () => {
  await Promise.all([serde?.close(), go?.close()]);
});

const targets = () => ({ serde: serde.url, go: go.url });
const annotations = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::'));

/** The example's text with the servers' ports, and its variables the same way. */
async function example(name: string): Promise<unknown> {
  return parse(withTargets(await readFile(join(ROOT, 'examples/ci', name), 'utf8'), targets()));
}

/** The one outcome of the `run:` step named `name`. */
function stepNamed(outcomes: readonly StepOutcome[], name: string): StepOutcome {
  const found = outcomes.find((o) => o.step === name);
  if (found === undefined) throw new Error(`no step ${name}: ${outcomes.map((o) => o.step)}`);
  return found;
}

describe('examples/ci/github-actions.yml', () => {
  it('shards as a matrix, merges, annotates new root causes, writes the job summary and the artifacts', async () => {
    const workflow = Workflow.parse(await example('github-actions.yml'));
    const shard = workflow.jobs['shard'];
    const merge = workflow.jobs['merge'];
    if (shard === undefined || merge === undefined) throw new Error('jobs shard and merge');
    const base = await mkdtemp(join(tmpdir(), 'parity-ci-github-'));
    const artifacts = join(base, 'artifacts');
    await mkdir(artifacts);
    const env = (job: string) => ({
      ...baseEnv(bin, base),
      ...workflow.env,
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: join(base, `${job}-summary.md`),
    });

    const shards = shard.strategy?.matrix['shard'] ?? [];
    expect(shards).toEqual([1, 2, 3, 4]);
    for (const n of shards) {
      const cwd = await workspace(ROOT, base, `shard-${n}`);
      const outcomes = await runJob(shard.steps, {
        cwd,
        env: env(`shard-${n}`),
        matrix: { shard: n },
        artifacts,
      });
      const run = stepNamed(outcomes, `Run shard ${n}`).result;
      expect(run?.code, run?.stderr).toBe(0);
    }

    /** The merge job in a fresh workspace; `main` is the report of main's last run, if any. */
    const mergeJob = async (name: string, main?: string) => {
      const cwd = await workspace(ROOT, base, name);
      if (main !== undefined) await cp(main, join(cwd, 'main-report', 'report.json'));
      const outcomes = await runJob(merge.steps, { cwd, env: env(name), matrix: {}, artifacts });
      const result = stepNamed(outcomes, 'Merge the shards, update the tracker').result;
      return { cwd, outcomes, result, summary: join(base, `${name}-summary.md`) };
    };

    // The first run: no report of main, no tracker yet: every root cause is new.
    const first = await mergeJob('merge');
    expect(first.result?.code, first.result?.stderr).toBe(1);
    expect(first.result?.stdout).toContain('merged from 4 report(s)');
    expect(annotations(first.result?.stdout ?? '')).toHaveLength(7);
    expect(annotations(first.result?.stdout ?? '')[0]).toMatch(
      /^::error title=parity%3A new root cause PAR-\d{3} /,
    );
    const summary = await readFile(first.summary, 'utf8');
    expect(summary).toContain('## Parity: rust vs go');
    expect(summary).toContain('7 root causes: 7 open');
    // The uploads after the failing step ran (if: always()).
    const report = await filesUnder(join(artifacts, 'parity-report'));
    expect(report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[^/]+\/report\.json$/),
        expect.stringMatching(/\/junit\.xml$/),
      ]),
    );
    expect(report.some((path) => path.startsWith('latest'))).toBe(false);
    expect(
      await readFile(join(artifacts, 'parity-tracker', 'ARCHITECTURE_COMPARISON.md'), 'utf8'),
    ).toContain('PAR-007');

    // With main's last report (here the first merge's), nothing is new: no annotation, exit 0.
    const runFolder = report.find((path) => path.endsWith('/report.json')) ?? '';
    const second = await mergeJob('merge-again', join(artifacts, 'parity-report', runFolder));
    expect(second.result?.code, second.result?.stderr).toBe(0);
    expect(annotations(second.result?.stdout ?? '')).toEqual([]);
    expect(await readFile(second.summary, 'utf8')).toContain('0 new · 12 persisting');
  }, 120_000);
});

describe('examples/ci/gitlab-ci.yml', () => {
  it('runs the parallel shards, merges them and hands junit.xml to the test report', async () => {
    const pipeline = Pipeline.parse(await example('gitlab-ci.yml'));
    const shard = jobOf(pipeline, 'parity-shard');
    const merge = jobOf(pipeline, 'parity-merge');
    const base = await mkdtemp(join(tmpdir(), 'parity-ci-gitlab-'));
    const artifacts = join(base, 'artifacts');
    await mkdir(artifacts);
    const env = { ...baseEnv(bin, base), ...pipeline.variables, GITLAB_CI: 'true' };

    const total = shard.parallel ?? 1;
    expect(total).toBe(4);
    for (let index = 1; index <= total; index++) {
      const cwd = await workspace(ROOT, base, `shard-job-${index}`);
      const jobEnv = { ...env, CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) };
      const { script } = await runGitlabJob(shard, { cwd, env: jobEnv, artifacts });
      expect(script.code, script.stderr).toBe(0);
    }
    expect((await filesUnder(artifacts)).some((path) => path.includes('/latest'))).toBe(false);

    const cwd = await workspace(ROOT, base, 'merge-job');
    await cp(artifacts, cwd, { recursive: true });
    const { script, afterScript } = await runGitlabJob(merge, {
      cwd,
      env,
      artifacts: join(base, 'merged'),
    });
    expect(script.code, script.stderr).toBe(1); // every root cause new: --fail-on new fails
    expect(script.stdout).toContain('merged from 4 report(s)');
    expect(afterScript.code, afterScript.stderr).toBe(0);
    const junitPath = merge.artifacts?.reports?.junit ?? '';
    // A report GitLab collects from the workspace (artifacts:reports), whatever the script's exit.
    const junit = await readFile(join(cwd, junitPath), 'utf8');
    expect(junit).toContain('<testsuites');
    expect(junit.match(/<testcase /g)).toHaveLength(14);
    expect(
      await readFile(join(base, 'merged', 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8'),
    ).toContain('PAR-007');
  }, 120_000);
});
