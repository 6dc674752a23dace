/**
 * `parity record --target NAME=URL [CASES...]`: sends every case to one
 * target and writes each answer to a recording (`recording/`), so a later
 * `parity run --baseline-recording DIR` can compare a live candidate with it
 * after the old runtime is gone. With `noise`, each case is sent twice and
 * what differs between the two answers is stored as per-endpoint noise that
 * every run against the recording applies.
 */
import { join, relative, resolve } from 'node:path';
import { clientOptionsOf } from '../config/clients.js';
import type { ConfigFlags } from '../config/resolve.js';
import { resolveTargets } from '../config/targets.js';
import { createClient, type TargetClient } from '../execute/client.js';
import { planRequest } from '../execute/plan.js';
import type { Case, Target } from '../model/case.js';
import { createCalibration } from '../noise/calibration.js';
import { rulesByEndpoint } from '../noise/config-doc.js';
import type { EndpointNoiseSpec } from '../noise/config-schema.js';
import { DEFAULT_THRESHOLDS } from '../noise/stats.js';
import { toEntry } from '../recording/entry.js';
import { readManifest } from '../recording/read.js';
import { RECORDING_SCHEMA_VERSION, type RecordingManifest } from '../recording/schema.js';
import { writeEntry, writeManifest } from '../recording/write.js';
import type { Redactor } from '../redact/redact.js';
import { ParityError } from '../util/errors.js';
import type { AppContext } from './context.js';
import { openProject } from './project.js';
import { selectedCases } from './selected.js';

export type RecordRequest = ConfigFlags & {
  /** `NAME=URL` or a configured target name. */
  readonly target?: string | undefined;
  /** The recording folder (default `recordings/<target name>`). */
  readonly out?: string | undefined;
  /** Refresh an existing recording (without it, an existing one is refused). */
  readonly update?: boolean | undefined;
  readonly filter?: readonly string[] | undefined;
  readonly tag?: readonly string[] | undefined;
};

export type RecordOutcome =
  | { readonly kind: 'no-cases' }
  | {
      readonly kind: 'recorded';
      readonly target: Target;
      /** The folder, relative to the working folder. */
      readonly dir: string;
      readonly cases: number;
      /** Cases the target did not answer (recorded as such). */
      readonly failed: number;
      /** Endpoints with learned noise (with `noise`). */
      readonly noisyEndpoints: number | undefined;
      readonly updated: boolean;
    };

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
}

/** Runs `work` on every item, at most `limit` at once. */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** Learned endpoint noise as the manifest stores it (empty lists left out). */
function noiseSection(
  rules: ReturnType<typeof rulesByEndpoint>,
): Record<string, EndpointNoiseSpec> {
  const out: Record<string, EndpointNoiseSpec> = {};
  for (const [endpoint, r] of rules) {
    out[endpoint] = {
      ...(r.ignore.length > 0 ? { ignore: [...r.ignore] } : {}),
      ...(r.sortArrays.length > 0 ? { sortArrays: [...r.sortArrays] } : {}),
      ...(r.volatileHeaders.length > 0 ? { volatileHeaders: [...r.volatileHeaders] } : {}),
    };
  }
  return out;
}

async function prepare(request: RecordRequest, context: AppContext) {
  if (request.target === undefined) {
    throw usage(
      'no target to record: pass --target NAME=URL (e.g. --target rust=http://127.0.0.1:3100) or a configured name',
    );
  }
  const project = await openProject(request, context);
  const config = {
    ...project.config,
    targets: { ...project.config.targets, baseline: request.target },
  };
  const { baseline: target } = resolveTargets(config, 'baseline');
  const { cases, redact } = await selectedCases(project, request, context);
  const dir = resolve(context.cwd, request.out ?? join('recordings', target.name));
  return { config, target, cases, redact, dir, label: relative(context.cwd, dir) || dir };
}

interface Sending {
  readonly first: TargetClient;
  readonly second: TargetClient | undefined;
  readonly redact: Redactor;
  readonly dir: string;
  readonly now: () => Date;
}

/** Sends each case (twice with noise learning) and writes its entry; returns the failures and the calibration. */
async function send(cases: readonly Case[], concurrency: number, sending: Sending) {
  const calibration = createCalibration();
  let failed = 0;
  await forEachLimited(cases, concurrency, async (testCase) => {
    const plan = planRequest(testCase);
    const first = await sending.first.send(plan, undefined, testCase);
    if (first.outcome === 'transport-error') failed++;
    if (sending.second !== undefined) {
      const second = await sending.second.send(plan, undefined, testCase);
      calibration.add({ case: testCase, baseline: first, candidate: second });
    }
    await writeEntry(
      sending.dir,
      toEntry(testCase, plan, first, { redact: sending.redact, now: sending.now() }),
    );
  });
  return { failed, calibration };
}

/** Records the selected cases (see the module comment); bad input throws before anything is sent. */
export async function record(request: RecordRequest, context: AppContext): Promise<RecordOutcome> {
  const prepared = await prepare(request, context);
  const { config, target, cases, redact, dir, label } = prepared;
  if (cases.length === 0) return { kind: 'no-cases' };
  const existing = await readManifest(dir, label);
  if (existing !== undefined && request.update !== true) {
    throw new ParityError(
      'PARITY_WOULD_OVERWRITE',
      `${label} holds a recording already; pass --update to refresh it (or --out DIR)`,
    );
  }
  const options = { ...clientOptionsOf(config), keepBytes: true };
  const first = createClient(target, options);
  const second = request.noise === true ? createClient(target, options) : undefined;
  const result = await send(cases, config.concurrency, {
    first,
    second,
    redact,
    dir,
    now: context.now,
  }).finally(() => Promise.all([first.close(), second?.close()]));
  const now = context.now().toISOString();
  const learned =
    second === undefined
      ? undefined
      : noiseSection(rulesByEndpoint(result.calibration.entries(DEFAULT_THRESHOLDS)));
  const manifest: RecordingManifest = {
    schemaVersion: RECORDING_SCHEMA_VERSION,
    target: { name: target.name, url: redact.text(target.url.href.replace(/\/$/, '')) },
    recordedAt: existing?.recordedAt ?? now,
    ...(existing === undefined ? {} : { updatedAt: now }),
    ...(learned !== undefined
      ? { noise: { endpoints: learned } }
      : existing?.noise === undefined
        ? {}
        : { noise: existing.noise }),
  };
  await writeManifest(dir, manifest);
  return {
    kind: 'recorded',
    target,
    dir: label,
    cases: cases.length,
    failed: result.failed,
    noisyEndpoints: learned === undefined ? undefined : Object.keys(learned).length,
    updated: existing !== undefined,
  };
}
