/**
 * `parity record --target NAME=URL [CASES...]`: sends every case to one
 * target, in the run's order and units (flows with the target's own
 * captures: `record-send.ts`), and writes each answer to a recording
 * (`recording/`), so a later `parity run --baseline-recording DIR` can
 * compare a live candidate with it after the old runtime is gone. With
 * `noise`, each plain case is sent twice and what differs between the two
 * answers is stored as per-endpoint noise that every run against the
 * recording applies.
 */
import { join, relative, resolve } from 'node:path';
import type { Target } from '../contract/model/case.js';
import type { CaseSource } from '../io/cases/source.js';
import type { EndpointNoiseSpec } from '../io/config/noise-schema.js';
import { DEFAULT_THRESHOLDS } from '../io/config/noise-settings.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { resolveTargets, targetName } from '../io/config/targets.js';
import { createClient } from '../io/http/client.js';
import { clientOptionsOf } from '../io/http/clients.js';
import { entryPath, MANIFEST, readManifest } from '../io/recording/read.js';
import { RECORDING_SCHEMA_VERSION, type RecordingManifest } from '../io/recording/schema.js';
import { discardRecording, pruneFlows, writeManifest } from '../io/recording/write.js';
import { rulesByEndpoint } from '../judge/noise/config-doc.js';
import { ParityError } from '../util/errors.js';
import { checkFilesToWrite } from '../util/files-to-write.js';
import { asWriteFailure, refusedWriteCode } from '../util/write-failure.js';
import { inspectWriteTarget } from '../util/write-target.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { type SkippedStep, sendAndWrite } from './run/record-send.js';
import { selectedCases } from './run/selected.js';

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
      /** Cases recorded, one per flow step (as a run counts them). */
      readonly cases: number;
      /** Cases the target did not answer (recorded as such). */
      readonly failed: number;
      /** Of `cases`, the steps of flows. */
      readonly flowSteps: number;
      /** Flow steps not sent (recorded as skipped, with the reason), in run order. */
      readonly skipped: readonly SkippedStep[];
      /** Endpoints with learned noise (with `noise`). */
      readonly noisyEndpoints: number | undefined;
      readonly updated: boolean;
    }
  /** A new recording the target answered none of (sent cases only): nothing was kept. */
  | { readonly kind: 'unanswered'; readonly target: Target; readonly cases: number };

function usage(message: string): ParityError {
  return new ParityError('PARITY_USAGE', message);
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

/**
 * The manifest's noise: what this recording learned for the endpoints it
 * sent twice, and what an earlier one learned for the others (an `--update`
 * of some cases, or of flows, whose steps are sent once, keeps it).
 */
function manifestNoise(
  before: Readonly<Record<string, EndpointNoiseSpec>> | undefined,
  learned: Record<string, EndpointNoiseSpec> | undefined,
  measured: ReadonlySet<string>,
): Record<string, EndpointNoiseSpec> | undefined {
  if (learned === undefined) return before;
  const kept = Object.entries(before ?? {}).filter(([endpoint]) => !measured.has(endpoint));
  return { ...Object.fromEntries(kept), ...learned };
}

async function prepare(request: RecordRequest, context: AppContext) {
  if (request.target === undefined) {
    throw usage(
      'no target to record: pass --target NAME=URL (e.g. --target rust=http://127.0.0.1:3100) or a configured name',
    );
  }
  // `NAME=URL` or a configured name: only that target's `${env:…}` must be set.
  const project = await openProject(request, context, { only: targetName(request.target) });
  const config = {
    ...project.config,
    targets: { ...project.config.targets, baseline: request.target },
  };
  const { baseline: target } = resolveTargets(config, 'baseline');
  const { source, redact } = await selectedCases(project, request, context);
  const dir = resolve(context.cwd, request.out ?? join('recordings', target.name));
  return { config, target, source, redact, dir, label: relative(context.cwd, dir) || dir };
}

/** The id of every selected case, in run order (a flow's steps one by one). */
async function caseIdsOf(source: CaseSource): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of source.batches()) {
    for (const unit of batch) {
      if (unit.kind !== 'sequence') ids.push(unit.id);
      else for await (const cases of unit.cases()) for (const c of cases) ids.push(c.id);
    }
  }
  return ids;
}

/**
 * The files a recording writes (its manifest and one entry per selected
 * case) checked as every writer checks its files, before the manifest is
 * read (a FIFO there would never answer) and before anything is sent.
 */
async function checkRecordingFiles(
  dir: string,
  label: string,
  source: CaseSource,
  project: string,
) {
  const file = (path: string) => ({ path, shown: join(label, relative(dir, path)) });
  const entries = (await caseIdsOf(source)).map((id) => file(entryPath(dir, id)));
  // A symlink in the project must not carry the recording out of it.
  await checkFilesToWrite([file(join(dir, MANIFEST)), ...entries], { within: project });
}

/** Records the selected cases (see the module comment); bad input throws before anything is sent. */
export async function record(request: RecordRequest, context: AppContext): Promise<RecordOutcome> {
  const prepared = await prepare(request, context);
  const { config, target, source, redact, dir, label } = prepared;
  if (source.count === 0) return { kind: 'no-cases' };
  await checkRecordingFiles(dir, label, source, context.cwd);
  const existing = await readManifest(dir, label);
  if (existing !== undefined && request.update !== true) {
    throw new ParityError(
      'PARITY_WOULD_OVERWRITE',
      `${label} holds a recording already; pass --update to refresh it (or --out DIR)`,
    );
  }
  // Only a folder this command creates may be removed again (see below).
  const fresh = existing === undefined && (await inspectWriteTarget(dir)).kind === 'missing';
  // A disk that takes no more (full, `ulimit -f`, read-only): no recording without its manifest.
  try {
    const options = { ...clientOptionsOf(config), keepBytes: true };
    const first = createClient(target, options);
    const second = request.noise === true ? createClient(target, options) : undefined;
    const result = await sendAndWrite({
      source,
      concurrency: config.concurrency,
      client: first,
      second,
      redact,
      dir,
      now: context.now,
    }).finally(() => Promise.all([first.close(), second?.close()]));
    const sent = source.count - result.skipped.length;
    if (fresh && sent > 0 && result.failed === sent) {
      await discardRecording(dir);
      return { kind: 'unanswered', target, cases: sent };
    }
    await pruneFlows(dir, result.flows);
    const now = context.now().toISOString();
    const learned =
      second === undefined
        ? undefined
        : noiseSection(rulesByEndpoint(result.calibration.entries(DEFAULT_THRESHOLDS)));
    const noise = manifestNoise(existing?.noise?.endpoints, learned, result.measured);
    const manifest: RecordingManifest = {
      schemaVersion: RECORDING_SCHEMA_VERSION,
      target: { name: target.name, url: redact.text(target.url.href.replace(/\/$/, '')) },
      recordedAt: existing?.recordedAt ?? now,
      ...(existing === undefined ? {} : { updatedAt: now }),
      ...(noise === undefined ? {} : { noise: { endpoints: noise } }),
    };
    await writeManifest(dir, manifest);
    return {
      kind: 'recorded',
      target,
      dir: label,
      cases: source.count,
      failed: result.failed,
      flowSteps: [...result.flows.values()].reduce((sum, steps) => sum + steps.length, 0),
      skipped: result.skipped,
      noisyEndpoints: learned === undefined ? undefined : Object.keys(learned).length,
      updated: existing !== undefined,
    };
  } catch (error) {
    if (refusedWriteCode(error) === undefined) throw error;
    if (fresh) await discardRecording(dir).catch(() => undefined);
    const after = fresh
      ? '; the recording was removed'
      : '; the recording keeps its earlier manifest, and the entries written before it stopped';
    throw asWriteFailure(error, `${label}: the recording`, after);
  }
}
