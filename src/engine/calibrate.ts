/**
 * `parity calibrate`: an A/A run of the baseline against itself (or its
 * replica). Learns the noise per endpoint and the flaky baselines, and with
 * `write` merges the noise into the config file (created when missing) so
 * later runs need no second call.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { NoiseEntry } from '../contract/report.js';
import { maskExchange } from '../core/flow/mask.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { resolveTargets } from '../io/config/targets.js';
import { createClient } from '../io/http/client.js';
import { clientOptionsOf } from '../io/http/clients.js';
import { executeCases } from '../io/http/pool.js';
import { createCalibration, type FlakyCase } from '../judge/noise/calibration.js';
import {
  mergeNoiseIntoJson,
  mergeNoiseIntoYaml,
  rulesByEndpoint,
} from '../judge/noise/config-doc.js';
import { ParityError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { checkFileTarget } from '../util/write-target.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { selectedCases } from './run/selected.js';

/** What a calibration is asked to do. */
export type CalibrateRequest = ConfigFlags & {
  /** Case id globs; any may match. */
  readonly filter?: readonly string[] | undefined;
  /** Case tags; any may match. */
  readonly tag?: readonly string[] | undefined;
  /** Merge the learned noise into the config file. */
  readonly write?: boolean | undefined;
};

/** What the A/A run learned (sample values redacted). */
export interface Learned {
  /** Cases sent, each twice. */
  readonly cases: number;
  readonly entries: readonly NoiseEntry[];
  readonly flaky: readonly FlakyCase[];
}

export type CalibrationOutcome =
  /** The paths, filter and tags select no case. */
  | { readonly kind: 'no-cases' }
  /** The baseline answered no case: nothing was learned, nothing written. */
  | { readonly kind: 'unreachable'; readonly baseline: string; readonly learned: Learned }
  /** `wrote`: the config file the noise was merged into (absolute), when asked to write. */
  | { readonly kind: 'calibrated'; readonly learned: Learned; readonly wrote: string | undefined };

async function writeConfig(file: string, entries: readonly NoiseEntry[]): Promise<void> {
  if (basename(file) === 'package.json') {
    throw new ParityError(
      'PARITY_USAGE',
      'the config is the "parity" key of package.json, which --write does not rewrite: move it to parity.config.yaml first',
    );
  }
  const learned = rulesByEndpoint(entries);
  // A config that is a symlink is written through (the link stays); anything but a file is refused.
  const checked = await checkFileTarget(file, file);
  if (!checked.ok) {
    throw new ParityError('PARITY_USAGE', `${checked.problem}; --write refuses to replace it`);
  }
  const { target } = checked;
  let text = '';
  try {
    text = await readFile(target.real, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const merged = file.endsWith('.json')
    ? mergeNoiseIntoJson(text.trim() === '' ? {} : JSON.parse(text), learned)
    : mergeNoiseIntoYaml(text, learned);
  await writeFileAtomic(target.real, merged, { keep: target });
}

/** The selected cases and the setup of the A/A run. */
async function prepare(request: CalibrateRequest, context: AppContext) {
  const project = await openProject(request, context, 'all');
  const { config } = project;
  const { baseline, noise } = resolveTargets(config, 'baseline');
  const { source, redact } = await selectedCases(project, request, context, [
    ...(baseline.secrets ?? []),
    ...(noise.replica?.secrets ?? []),
  ]);
  return { config, baseline, noise, source, redact };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/** Sends every case twice to the baseline (the second call to its replica, if any). */
async function measure(prepared: Prepared) {
  const { config, baseline, noise, source } = prepared;
  const clientOptions = clientOptionsOf(config);
  const first = createClient(baseline, clientOptions);
  const second = createClient(noise.replica ?? baseline, clientOptions);
  const calibration = createCalibration();
  try {
    await executeCases({
      cases: source.batches(),
      baseline: first,
      candidate: second,
      concurrency: config.concurrency,
      // A flow's captured values differ between the two calls by design: not noise.
      onExchange: (exchange) => calibration.add(maskExchange(exchange)),
    });
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
  return calibration;
}

/** Runs the calibration (see the module comment); bad input throws before anything is sent. */
export async function calibrate(
  request: CalibrateRequest,
  context: AppContext,
): Promise<CalibrationOutcome> {
  const prepared = await prepare(request, context);
  const { source, redact } = prepared;
  if (source.count === 0) return { kind: 'no-cases' };
  const calibration = await measure(prepared);
  const entries = calibration.entries(prepared.noise.thresholds).map((entry) => ({
    ...entry,
    samples: entry.samples.map((s) => ({
      baseline: redact.value(s.baseline),
      replica: redact.value(s.replica),
    })),
  }));
  const learned = { cases: source.count, entries, flaky: calibration.flaky() };
  if (calibration.failed() === source.count) {
    return { kind: 'unreachable', baseline: prepared.baseline.name, learned };
  }
  if (request.write !== true) return { kind: 'calibrated', learned, wrote: undefined };
  await writeConfig(prepared.config.configFile, entries);
  return { kind: 'calibrated', learned, wrote: prepared.config.configFile };
}
