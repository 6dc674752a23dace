/**
 * `parity calibrate`: A/A runs of the baseline against itself (or its replica),
 * prints the noise it learned and the flaky baselines, and with `--write`
 * merges the noise into the config so later runs need no second call.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadCases } from '../../cases/load.js';
import { selectCases } from '../../cases/select.js';
import { loadConfig } from '../../config/load.js';
import { DEFAULTS, resolveTarget } from '../../config/resolve.js';
import { createClient } from '../../execute/client.js';
import { executeCases } from '../../execute/pool.js';
import { createCalibration } from '../../noise/calibration.js';
import { mergeNoiseIntoJson, mergeNoiseIntoYaml, rulesByEndpoint } from '../../noise/config-doc.js';
import { replicaTarget, resolveNoise } from '../../noise/settings.js';
import { trackEnv } from '../../redact/env-secrets.js';
import { createRedactor } from '../../redact/redact.js';
import { renderCalibration } from '../../report/noise-text.js';
import { writeFileAtomic } from '../../util/fs.js';
import { colorsFor } from '../colors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface CalibrateOptions {
  readonly config?: string;
  readonly baseline?: string;
  readonly baselineReplica?: string;
  readonly write?: boolean;
  readonly filter?: string[];
  readonly tag?: string[];
  readonly json?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Adds `parity calibrate` to the program. */
export function registerCalibrate(
  program: Command,
  io: Io,
  setCode: (code: ExitCode) => void,
): void {
  program
    .command('calibrate')
    .description(
      'A/A run: send each case twice to the baseline, print the noise learned; --write saves it in the config',
    )
    .argument('[cases...]', 'case files or folders (default: cases/, or "cases" in the config)')
    .option('--baseline <target>', 'the target to calibrate: NAME=URL, or a configured name')
    .option(
      '--baseline-replica <target>',
      'send the second call to this instance: NAME=URL or a name',
    )
    .option('-c, --config <file>', 'config file (default: parity.config.yaml|yml|json if present)')
    .option('--write', 'merge the learned noise into the config file (created when missing)')
    .option('--filter <glob>', 'only cases whose id matches (repeatable; * is a wildcard)', collect)
    .option('--tag <tag>', 'only cases with this tag (repeatable: any of them)', collect)
    .option('--json', 'print the learned noise as JSON')
    .action(async (cases: string[], options: CalibrateOptions) =>
      setCode(await calibrateCommand(cases, options, io)),
    );
}

async function prepare(paths: readonly string[], options: CalibrateOptions, io: Io) {
  const tracked = trackEnv(io.env);
  const loaded = await loadConfig({ file: options.config, cwd: io.cwd, env: tracked.env });
  const { config } = loaded;
  const baseline = resolveTarget('baseline', options.baseline, config);
  const settings = resolveNoise(config.noise, { replica: options.baselineReplica }, (spec) =>
    replicaTarget(spec, config.targets ?? {}),
  );
  const casePaths = paths.length > 0 ? paths : (config.cases ?? DEFAULTS.cases);
  const all = await loadCases(
    casePaths.map((p) => resolve(io.cwd, p)),
    { cwd: io.cwd, env: tracked.env, globalRules: config.rules },
  );
  const cases = selectCases(all, {
    ...(options.filter === undefined ? {} : { filter: options.filter }),
    ...(options.tag === undefined ? {} : { tags: options.tag }),
  });
  const configFile =
    loaded.file === undefined
      ? resolve(io.cwd, options.config ?? 'parity.config.yaml')
      : resolve(io.cwd, loaded.file);
  const redact = createRedactor({
    headerNames: [...new Set(cases.flatMap((c) => c.rules.redactHeaders))],
    secrets: tracked.secrets(),
  });
  return { config, baseline, settings, cases, configFile, redact };
}

async function writeConfig(file: string, learned: ReturnType<typeof rulesByEndpoint>) {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const merged = file.endsWith('.json')
    ? mergeNoiseIntoJson(text.trim() === '' ? {} : JSON.parse(text), learned)
    : mergeNoiseIntoYaml(text, learned);
  await writeFileAtomic(file, merged);
}

export async function calibrateCommand(
  paths: readonly string[],
  options: CalibrateOptions,
  io: Io,
): Promise<ExitCode> {
  const { config, baseline, settings, cases, configFile, redact } = await prepare(
    paths,
    options,
    io,
  );
  const err = colorsFor(io.stderr, io.env);
  if (cases.length === 0) {
    io.stderr.write(
      `${err.yellow('parity: no cases selected')} (check the paths, --filter and --tag)\n`,
    );
    return EXIT.badInput;
  }
  const clientOptions = {
    connections: config.concurrency ?? DEFAULTS.concurrency,
    timeoutMs: config.timeoutMs ?? DEFAULTS.timeoutMs,
    bodyCapBytes: config.bodyCapBytes ?? DEFAULTS.bodyCapBytes,
    retries: config.retries ?? DEFAULTS.retries,
  };
  const first = createClient(baseline, clientOptions);
  const second = createClient(settings.replica ?? baseline, clientOptions);
  const calibration = createCalibration();
  try {
    await executeCases({
      cases,
      baseline: first,
      candidate: second,
      concurrency: clientOptions.connections,
      onExchange: (exchange) => calibration.add(exchange),
    });
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
  const entries = calibration.entries(settings.thresholds).map((entry) => ({
    ...entry,
    samples: entry.samples.map((s) => ({
      baseline: redact.value(s.baseline),
      replica: redact.value(s.replica),
    })),
  }));
  const flaky = calibration.flaky();
  if (options.json === true) {
    io.stdout.write(
      `${JSON.stringify({ cases: cases.length, entries, flakyBaselines: flaky }, null, 2)}\n`,
    );
  } else {
    io.stdout.write(renderCalibration(entries, flaky, cases.length));
  }
  if (calibration.failed() === cases.length) {
    io.stderr.write(`${err.red('parity: unreachable:')} ${baseline.name} answered no case\n`);
    return EXIT.unreachable;
  }
  if (options.write === true) {
    await writeConfig(configFile, rulesByEndpoint(entries));
    const shown = relative(io.cwd, configFile) || configFile;
    if (options.json !== true)
      io.stdout.write(`  wrote the learned noise to ${shown} (noise.endpoints)\n`);
  }
  return EXIT.ok;
}
