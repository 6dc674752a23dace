/**
 * `parity fuzz` end to end, in a temp project against real servers: the case
 * files it writes (minimal, commented, one per input rule — three rules share
 * one root cause at POST /v1/notes — and one per other root cause), the
 * replay that makes them a run (report, one tracker row per root cause listing
 * its rules' cases, exit code), `parity run` reproducing them, byte-identical
 * files for the same seed and budget, nothing when both servers share their
 * rules, and the safety switches (writes, reset hook, gentleness); on the
 * bundled serde and Go servers, each planted input-acceptance rule written as
 * a case of its own.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RunningServer, startServer as startBundled } from '../../examples/servers/start.js';
import { DEFAULT_BUDGET } from '../../src/judge/fuzz/budget.js';
import { latestReport, runCli, tempProject } from '../helpers/cli.js';
import {
  BASELINE_RULES,
  CANDIDATE_RULES,
  PLANTED,
  SEED_CASES,
  startAcceptanceServer,
} from '../helpers/fuzz-servers.js';
import { closedPort, startCountingServer, type TestServer } from '../helpers/http.js';

const FUZZ = ['fuzz', '--seed', '2', '--budget', '800'];

/** A project whose config marks both targets disposable, with the seed cases. */
function project(baseline: string, candidate: string, disposable = true) {
  return tempProject({
    'cases/api.yaml': SEED_CASES,
    'parity.config.yaml': `targets:
  strict: { url: "${baseline}", disposable: ${disposable} }
  lenient: { url: "${candidate}", disposable: ${disposable} }
baseline: strict
candidate: lenient
`,
  });
}

async function writtenFiles(cwd: string): Promise<Map<string, string>> {
  const dir = join(cwd, 'cases/fuzz');
  const names = (await readdir(dir)).sort();
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)),
  );
}

interface WrittenCase {
  readonly id: string;
  readonly description: string;
  readonly request: { path: string; text?: string; json?: unknown; base64?: string };
}

/** The body a written case sends, its bytes read as Latin-1 (JSON as `JSON.stringify` writes it). */
function sentBody({ request }: WrittenCase): string | undefined {
  if (request.base64 !== undefined) return Buffer.from(request.base64, 'base64').toString('latin1');
  return request.text ?? (request.json === undefined ? undefined : JSON.stringify(request.json));
}

function caseOf(text: string): WrittenCase {
  const file: { cases: WrittenCase[] } = parse(text);
  const [only] = file.cases;
  if (only === undefined) throw new Error('no case');
  return only;
}

describe('parity fuzz, end to end', () => {
  let strict: TestServer & { resets(): number };
  let lenient: TestServer & { resets(): number };
  let twin: TestServer & { resets(): number };
  let cwd: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    [strict, lenient, twin] = await Promise.all([
      startAcceptanceServer(BASELINE_RULES),
      startAcceptanceServer(CANDIDATE_RULES),
      startAcceptanceServer(BASELINE_RULES),
    ]);
    cwd = await project(strict.url, lenient.url);
    first = await runCli(cwd, [...FUZZ, '--allow-writes'], {
      now: new Date('2026-11-20T10:00:00Z'),
    });
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close(), twin.close()]));

  it('writes one minimal case per planted rule, says what it found, and exits 1 as run does', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/parity fuzz: strict vs lenient · seed 2 · budget 800 inputs/);
    expect(first.stdout).toMatch(
      /\n {2}(\d+) new root causes, (\d+) input rules: \2 cases written to cases\/fuzz\//,
    );
    expect(first.stdout).toMatch(
      /input acceptance: one side accepts what the other rejects \(\d+ root causes, \d+ input rules\)/,
    );
    expect(first.stdout).toMatch(
      /lenient rejects \(400\) what strict accepts \(200\) at GET \/v1\/items\/:id/,
    );
    expect(first.stdout).toContain(
      'strict rejects (400) what lenient accepts (201) at POST /v1/notes (3 input rules)',
    );
    const files = [...(await writtenFiles(cwd)).values()].map((text) => ({
      text,
      spec: caseOf(text),
    }));
    for (const planted of PLANTED) {
      const [b, c] = planted.statuses;
      const match = files.find(
        ({ spec }) =>
          spec.id.endsWith(`-${b}-vs-${c}-${planted.family}`) &&
          spec.description.endsWith(`at ${planted.endpoint}`),
      );
      expect(match, planted.rule).toBeDefined();
      const spec = match?.spec ?? caseOf('cases: [{}]');
      if ('path' in planted) expect(spec.request.path).toBe(planted.path);
      else if (typeof planted.body === 'string') {
        expect(sentBody(spec), planted.rule).toBe(planted.body);
      } else expect(sentBody(spec), planted.rule).toMatch(planted.body);
      expect(match?.text).toMatch(/^# Found by `parity fuzz --seed 2 --budget 800` \(input \d+;/);
      expect(match?.text).toMatch(
        /\n# Seed: api\/[a-z-]+ \(cases\/api\.yaml:\d+:\d+\)\n# Mutation: [a-z-0-9]+ \(/,
      );
    }
  });

  it('replays the written cases as a run: report, tracker rows, every case divergent', async () => {
    const report = await latestReport(cwd);
    const files = await writtenFiles(cwd);
    expect(report.summary.cases).toBe(files.size);
    expect(report.summary.divergent).toBe(files.size);
    expect(report.results.every((r) => r.caseId.startsWith('fuzz/'))).toBe(true);
    const tracker = await readFile(join(cwd, 'docs/ARCHITECTURE_COMPARISON.md'), 'utf8');
    // One row per root cause, keyed by the findings' fingerprints.
    for (const result of report.results) {
      expect(result.findings?.length).toBeGreaterThan(0);
      for (const finding of result.findings ?? []) expect(tracker).toContain(finding.fingerprint);
    }
    expect(first.stdout).not.toMatch(/did not reproduce/);
    // One row for the three rules that share "400 → 201" at POST /v1/notes, listing each rule's case.
    const rows = tracker.split('\n').filter((line) => line.includes('400 → 201 on POST /v1/notes'));
    expect(rows).toHaveLength(1);
    for (const rule of ['trailing-data', 'lone-surrogate', 'invalid-utf8']) {
      expect(rows[0]).toContain(`\`fuzz/post-v1-notes-400-vs-201-${rule}\``);
    }
  });

  it('parity run on the written cases reproduces every divergence', async () => {
    const run = await runCli(cwd, ['run', 'cases/fuzz', '--no-tracker']);
    expect(run.code).toBe(1);
    const report = await latestReport(cwd);
    const files = await writtenFiles(cwd);
    expect(report.summary.divergent).toBe(files.size);
    for (const planted of PLANTED) {
      const statuses = report.results.map((r) => `${r.baseline.status}/${r.candidate.status}`);
      expect(statuses, planted.rule).toContain(planted.statuses.join('/'));
    }
  });

  it('reports again nothing the tracker already has a row for (a second fuzz writing elsewhere)', async () => {
    // The same seeds (not the cases written since), the same inputs: every root cause has a row.
    const again = await runCli(cwd, [
      ...FUZZ,
      'cases/api.yaml',
      '--allow-writes',
      '--out',
      'elsewhere',
    ]);
    expect(again.stderr).toBe('');
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/the seeds already show, \d+ more have a tracker row/);
    expect(again.stdout).toMatch(/no new root cause/);
    await expect(readdir(join(cwd, 'elsewhere'))).rejects.toThrow();
  });

  it('writes the same files, byte for byte, for the same seed and budget', async () => {
    const again = await project(strict.url, lenient.url);
    const rerun = await runCli(again, [
      ...FUZZ,
      '--allow-writes',
      '--no-tracker',
      '--concurrency',
      '3',
    ]);
    expect(rerun.code).toBe(1);
    expect(await writtenFiles(again)).toEqual(await writtenFiles(cwd));
  });

  it('finds nothing, writes nothing and exits 0 when both servers share their rules', async () => {
    const same = await project(strict.url, twin.url);
    const run = await runCli(same, [...FUZZ, '--allow-writes']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/no new root cause/);
    await expect(readdir(join(same, 'cases/fuzz'))).rejects.toThrow();
  });

  it('--json prints the findings and the replay for machines', async () => {
    const other = await project(strict.url, lenient.url);
    const args = ['fuzz', '--seed', '9', '--budget', '100', '--filter', 'api/get-item'];
    const run = await runCli(other, [...args, '--json', '--no-tracker']);
    const out = JSON.parse(run.stdout);
    expect(out.fuzz).toMatchObject({
      seed: 9,
      budget: { kind: 'inputs', count: 100 },
      inputs: 100,
    });
    expect(out.fuzz).toMatchObject({ rootCauses: 1, rules: 1 });
    expect(out.fuzz.findings).toHaveLength(1);
    expect(out.fuzz.findings[0]).toMatchObject({
      group: 'input-acceptance',
      rule: 'path-segment',
      splitByRule: true,
      rootCause: expect.stringMatching(/^status-[0-9a-f]{12}$/),
      caseId: 'fuzz/get-v1-items-id-200-vs-400-path-segment',
      reproduced: true,
    });
    expect(out.run.summary.divergent).toBeGreaterThan(0);
  });
  it('--reporter chooses the outputs of the fuzz run and its replay, as for run', async () => {
    const args = ['fuzz', '--seed', '9', '--budget', '100', '--filter', 'api/get-item'];
    // The replay's JUnit file where its path says; no console chosen: nothing on stdout.
    const quiet = await project(strict.url, lenient.url);
    const filed = await runCli(quiet, [
      ...args,
      '--no-tracker',
      '--reporter',
      'junit=out/junit.xml',
    ]);
    expect(filed.code, filed.stderr).toBe(1);
    expect(filed.stdout).toBe('');
    const junit = await readFile(join(quiet, 'out/junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites');
    expect(junit).toContain('fuzz/get-v1-items-id-200-vs-400-path-segment');
    // The run's record is in its folder all the same; the formats not chosen are not.
    const folder = await readdir(join(quiet, 'reports', 'latest'));
    expect(folder).toContain('report.json');
    expect(folder).not.toContain('report.html');
    // The console and GitHub Actions' output (an annotation, the job summary at its path).
    const loud = await project(strict.url, lenient.url);
    const both = await runCli(loud, [
      ...args,
      '--no-tracker',
      '--reporter',
      'console,github=out/summary.md',
    ]);
    expect(both.code, both.stderr).toBe(1);
    expect(both.stdout).toContain('path-segment');
    expect(both.stdout).toMatch(/^::error /m);
    expect(await readFile(join(loud, 'out/summary.md'), 'utf8')).toContain('fuzz/get-v1-items-id');
    // A name parity does not know is refused before anything is sent.
    const before = strict.requests.length;
    const typo = await runCli(loud, [...args, '--reporter', 'junt']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('junit');
    expect(strict.requests.length).toBe(before);
  });
});

describe('parity fuzz safety', () => {
  let strict: TestServer & { resets(): number };
  let lenient: TestServer & { resets(): number };
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([
      startAcceptanceServer(BASELINE_RULES),
      startAcceptanceServer(CANDIDATE_RULES),
    ]);
  });
  afterAll(async () => Promise.all([strict.close(), lenient.close()]));
  const sent = (server: TestServer) => server.requests.filter((r) => r.url !== '/__reset');

  it('fuzzes only the safe seeds without --allow-writes, and says how many it left out', async () => {
    const cwd = await project(strict.url, lenient.url);
    const before = strict.requests.length;
    const run = await runCli(cwd, ['fuzz', '--seed', '9', '--budget', '100', '--no-tracker']);
    expect(run.stdout).toMatch(/1 seed \(5 writing seeds skipped: see --allow-writes\)/);
    expect(strict.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expect(run.stdout).toMatch(/at GET \/v1\/items\/:id/);
  });

  it('refuses --allow-writes unless both targets are disposable, before sending anything', async () => {
    const cwd = await project(strict.url, lenient.url, false);
    const before = strict.requests.length;
    const run = await runCli(cwd, ['fuzz', '--allow-writes', '--budget', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--allow-writes: target "strict" is not marked disposable; set targets\.strict\.disposable: true/,
    );
    expect(strict.requests.length).toBe(before);
  });

  it('says so when every seed writes and writes are not allowed', async () => {
    const cwd = await project(strict.url, lenient.url);
    const run = await runCli(cwd, ['fuzz', '--filter', 'api/create-*', '--budget', '10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/every selected seed case writes \(POST\): pass --allow-writes/);
  });

  it('--reset-request runs before every input on both targets', async () => {
    const cwd = await project(strict.url, lenient.url);
    const [resets, requests] = [strict.resets(), sent(strict).length];
    const run = await runCli(cwd, [
      'fuzz',
      '--filter',
      'api/get-item',
      '--budget',
      '40',
      '--reset-request',
      'POST /__reset',
      '--no-tracker',
    ]);
    expect(run.code).toBe(1);
    // One check before anything, then one before every send (seed, inputs, shrink replays); the
    // replay of the written cases is a plain run, without resets.
    const replayed = (await readdir(join(cwd, 'cases/fuzz'))).length;
    const fuzzed = sent(strict).length - requests - replayed;
    expect(strict.resets() - resets).toBe(fuzzed + 1);
    expect(lenient.resets()).toBe(strict.resets());
  });

  it('--reset-command runs before every input; a failing one stops before anything is sent', async () => {
    const cwd = await project(strict.url, lenient.url);
    const requests = sent(strict).length;
    const run = await runCli(cwd, [
      'fuzz',
      '--filter',
      'api/get-item',
      '--budget',
      '20',
      '--reset-command',
      'echo reset >> resets.log',
      '--no-tracker',
    ]);
    expect(run.code).toBe(1);
    const lines = (await readFile(join(cwd, 'resets.log'), 'utf8')).trim().split('\n');
    const replayed = (await readdir(join(cwd, 'cases/fuzz'))).length;
    // A reset command can restart a target, so every input is followed by the liveness probe, without a reset.
    const probes = Number(/(\d+) inputs? in/.exec(run.stdout)?.[1]);
    expect(probes).toBe(20);
    expect(lines.length).toBe(sent(strict).length - requests - replayed - probes + 1);

    const before = strict.requests.length;
    const failing = await runCli(cwd, ['fuzz', '--reset-command', 'echo broken >&2; exit 3']);
    expect(failing.code).toBe(2);
    expect(failing.stderr).toMatch(
      /the reset hook --reset-command "echo broken >&2; exit 3" failed: exit 3: broken/,
    );
    expect(strict.requests.length).toBe(before);
  });

  it('exits 3 when a target answers no seed case, exploring nothing', async () => {
    const cwd = await project(strict.url, `http://127.0.0.1:${await closedPort()}`);
    const run = await runCli(cwd, ['fuzz', '--filter', 'api/get-item', '--no-tracker']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/parity: unreachable: lenient answered no seed case/);
    expect(run.stdout).toMatch(/0 inputs in/);
  });

  it('--budget 300ms explores the same stream for a time instead of a count', async () => {
    const cwd = await project(strict.url, lenient.url);
    const run = await runCli(cwd, [
      'fuzz',
      '--filter',
      'api/get-item',
      '--budget',
      '300ms',
      '--json',
    ]);
    const out = JSON.parse(run.stdout);
    expect(out.fuzz.budget).toEqual({ kind: 'time', ms: 300 });
    expect(out.fuzz.inputs).toBeGreaterThan(0);
    const bad = await runCli(cwd, ['fuzz', '--budget', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--budget must be a number of inputs \(e\.g\. 5000\) or a duration/);
  });

  it('--max-in-flight bounds the requests in flight to each target', async () => {
    const counting = [await startCountingServer(), await startCountingServer()];
    try {
      const cwd = await tempProject({
        'cases/g.yaml': 'suite: g\ncases:\n  - id: one\n    request: { method: GET, path: /r/1 }\n',
      });
      const [a, b] = counting.map((c) => c.server.url);
      const run = await runCli(cwd, [
        'fuzz',
        '--baseline',
        `a=${a}`,
        '--candidate',
        `b=${b}`,
        '--budget',
        '30',
        '--concurrency',
        '8',
        '--max-in-flight',
        '1',
        '--no-tracker',
      ]);
      expect(run.code).toBe(0);
      expect(counting.map((c) => c.peak())).toEqual([1, 1]);
    } finally {
      await Promise.all(counting.map((c) => c.server.close()));
    }
  });
});

describe('parity fuzz on the bundled example (serde vs Go servers, cases/)', () => {
  let serde: RunningServer;
  let go: RunningServer;
  beforeAll(async () => {
    [serde, go] = await Promise.all([startBundled('serde'), startBundled('go')]);
  });
  afterAll(async () => Promise.all([serde.close(), go.close()]));

  /** A temp project holding the bundled case library, its config marking both servers disposable. */
  async function bundled(): Promise<string> {
    const cwd = await tempProject({
      'parity.config.yaml': `targets:
  rust: { url: "${serde.url}", disposable: true }
  go: { url: "${go.url}", disposable: true }
baseline: rust
candidate: go
`,
    });
    await cp(fileURLToPath(new URL('../../cases', import.meta.url)), join(cwd, 'cases'), {
      recursive: true,
    });
    return cwd;
  }

  // A count budget sends a prefix of the same stream: what a smaller count finds, the default finds.
  const fuzzWithin = (cwd: string, budget: number, ...args: string[]) =>
    runCli(cwd, ['fuzz', ...args, '--budget', String(budget), '--no-tracker']);
  const written = async (cwd: string, name: string) =>
    caseOf(await readFile(join(cwd, `cases/fuzz/${name}.yaml`), 'utf8'));

  it('finds the planted input-acceptance rules of the safe endpoints within the default budget, a case each', async () => {
    expect(DEFAULT_BUDGET).toEqual({ kind: 'inputs', count: 5000 });
    const cwd = await bundled();
    const run = await fuzzWithin(cwd, 600);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/seed 1 · budget 600 inputs/);
    expect(run.stdout).toContain('go rejects (400) what rust accepts (200) at GET /v1/records/:id');
    expect(run.stdout).toContain(
      'rust rejects (400) what go accepts (200) at GET /v1/records (2 input rules)',
    );
    // u64::from_str takes `+1`; serde_urlencoded refuses an empty and a negative `limit` (a usize).
    const plus = await written(cwd, 'get-v1-records-id-200-vs-400-path-segment');
    expect(plus.request.path).toBe('/v1/records/+1');
    const empty = await written(cwd, 'get-v1-records-400-vs-200-query-empty');
    expect(empty.request.path).toBe('/v1/records?limit=');
    const negative = await written(cwd, 'get-v1-records-400-vs-200-query-value');
    expect(negative.request.path).toBe('/v1/records?limit=-1');
  });

  it('--openapi seeds from the operations of an OpenAPI document instead of the cases', async () => {
    const cwd = await bundled();
    await cp(
      fileURLToPath(new URL('../../examples/openapi.yaml', import.meta.url)),
      join(cwd, 'api.yaml'),
    );
    const run = await fuzzWithin(cwd, 600, '--openapi', 'api.yaml');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('seeds: the operations of api.yaml');
    expect(run.stdout).toContain('go rejects (400) what rust accepts (200) at GET /v1/records/:id');
    const plus = await readFile(
      join(cwd, 'cases/fuzz/get-v1-records-id-200-vs-400-path-segment.yaml'),
      'utf8',
    );
    expect(plus).toMatch(/# Seed: [\w/-]+ \(api\.yaml#[\w.-]+\.yaml:\d+:\d+\)/);
    const both = await runCli(cwd, ['fuzz', 'cases/records', '--openapi', 'api.yaml']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give seed cases or --openapi, not both');
  });

  it('with --allow-writes on the validator: each rule serde refuses and Go takes is a minimal case of its own', async () => {
    const cwd = await bundled();
    const run = await fuzzWithin(cwd, 1500, 'cases/validator', '--allow-writes');
    expect(run.code).toBe(1);
    // Three rules share "rust 400, go 200", two "rust 422, go 200": one root cause each, a case per rule.
    expect(run.stdout).toContain(
      'rust rejects (400) what go accepts (200) at POST /v1/validate (3 input rules)',
    );
    expect(run.stdout).toContain(
      'rust rejects (422) what go accepts (200) at POST /v1/validate (2 input rules)',
    );
    expect(run.stdout).toContain('rust rejects (415) what go accepts (200) at POST /v1/validate');
    expect(run.stdout).toContain('rust answers 415, go answers 400 at POST /v1/validate');
    const minimal: Record<string, string | RegExp> = {
      '400-vs-200-trailing-data': /^\{"record":\{"name":"\w?"\}\}.$/,
      '400-vs-200-invalid-utf8': '{"record":{"name":"\xff"}}',
      '400-vs-200-lone-surrogate': '{"record":{"name":"\\ud800"}}',
      '422-vs-200-duplicate-key': /^\{"record":\{\},"record":\{"name":"\w?"\}\}$/,
      '422-vs-200-key-case': /^\{"(RECORD|Record)":\{"name":"\w?"\}\}$/,
    };
    for (const [rule, body] of Object.entries(minimal)) {
      const spec = await written(cwd, `post-v1-validate-${rule}`);
      if (typeof body === 'string') expect(sentBody(spec), rule).toBe(body);
      else expect(sentBody(spec), rule).toMatch(body);
    }
  });
});
