/**
 * Everything `parity proxy` and `parity shadow` do before they listen: the
 * config and targets, the write policy checked (`--mirror-writes` sends
 * writes only to targets the config marks `disposable`), the redactor, the
 * writers' preconditions (tracker, reports folder), the sampling.
 */

import type { Target } from '../contract/model/case.js';
import { createRedactor } from '../core/redact/redact.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import { type RunConfig, resolveTargets } from '../io/config/targets.js';
import { BUSY_DEFAULTS } from '../io/shadow/busy.js';
import { DEFAULT_FORWARDED, type ForwardedNames } from '../io/shadow/forwarded.js';
import { DEFAULT_MIRROR_MB, DEFAULT_QUEUE } from '../io/shadow/old-space.js';
import { parseRate, parseSampleBy, type SampleSpec } from '../io/shadow/sample.js';
import type { ShadowMode } from '../io/shadow/traffic.js';
import { ParityError } from '../util/errors.js';
import type { AppContext } from './run/context.js';
import { openProject } from './run/project.js';
import { newRunId } from './run/run-id.js';
import { preflightWriters } from './run/writers.js';
import type { ShadowInput } from './shadow.js';

export type ShadowRequest = ConfigFlags & {
  readonly mode: ShadowMode;
  /** `HOST:PORT` to listen on (port 0: any free port). */
  readonly listen: string;
  readonly sample?: string | undefined;
  readonly sampleBy?: string | undefined;
  readonly mirrorWrites?: boolean | undefined;
  readonly queue?: number | undefined;
  /** `--mirror-mb`: the megabytes the mirrored pairs hold at most, together. */
  readonly mirrorMb?: number | undefined;
  readonly candidateRate?: number | undefined;
  readonly shed?: string | undefined;
  readonly runSize?: number | undefined;
  readonly capture?: string | undefined;
  readonly forwardedFor?: string | undefined;
  readonly forwardedHost?: string | undefined;
  readonly originalUri?: string | undefined;
};

const usage = (message: string) => new ParityError('PARITY_USAGE', message);

/** `127.0.0.1:8080`, `[::1]:8080` or `:8080` (all interfaces). */
export function parseListen(text: string): { host: string; port: number } {
  const colon = text.lastIndexOf(':');
  const host = colon <= 0 ? '0.0.0.0' : text.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(text.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw usage(`--listen ${text}: give HOST:PORT, e.g. 127.0.0.1:8080`);
  }
  return { host, port };
}

function sampleOf(request: ShadowRequest): SampleSpec {
  const rate = request.sample === undefined ? 1 : parseRate(request.sample);
  if (rate === undefined)
    throw usage(`--sample ${request.sample}: give a share such as 10% or 0.1`);
  if (request.sampleBy === undefined) return { rate };
  const by = parseSampleBy(request.sampleBy);
  if (by === undefined)
    throw usage(`--sample-by ${request.sampleBy}: give header:NAME or query:NAME`);
  return { rate, by };
}

/** With `--mirror-writes`, every target a write would reach must be marked `disposable`. */
function checkWrites(config: RunConfig, mode: ShadowMode, mirrorWrites: boolean): void {
  if (!mirrorWrites) return;
  const reached: Target[] = [config.candidate];
  // The sink sends to its own baseline instance; a replica gets every request too.
  if (mode === 'sink') reached.push(config.baseline);
  if (config.noise.replica !== undefined) reached.push(config.noise.replica);
  const unsafe = reached.filter((target) => target.disposable !== true);
  if (unsafe.length === 0) return;
  throw usage(
    `--mirror-writes sends POST, PUT, PATCH, DELETE, … to ${unsafe.map((t) => t.name).join(' and ')}, which the config does not mark disposable: set "disposable: true" on ${unsafe.length === 1 ? 'that target' : 'those targets'} in parity.config.yaml (targets.<name>.disposable) and pass it at its configured URL, or drop --mirror-writes`,
  );
}

/** `--shed 50%`: the event loop utilisation past which new mirrored requests are refused. */
function shedOf(text: string | undefined): number {
  if (text === undefined) return BUSY_DEFAULTS.threshold;
  const rate = parseRate(text);
  if (rate === undefined || rate === 0)
    throw usage(`--shed ${text}: give a share above 0 such as 50% (100%: never refuse)`);
  return rate;
}

function forwardedOf(request: ShadowRequest): ForwardedNames {
  const lower = (text: string | undefined, fallback: string) => text?.toLowerCase() ?? fallback;
  return {
    client: lower(request.forwardedFor, DEFAULT_FORWARDED.client),
    host: lower(request.forwardedHost, DEFAULT_FORWARDED.host),
    uri: lower(request.originalUri, DEFAULT_FORWARDED.uri),
  };
}

/** Prepares a shadow session (see the module comment); throws for bad input before listening. */
export async function prepareShadow(
  request: ShadowRequest,
  context: AppContext,
): Promise<{ readonly input: ShadowInput; readonly notes: readonly string[] }> {
  const project = await openProject(request, context, 'all');
  const config: RunConfig = {
    ...project.config,
    ...resolveTargets(project.config, 'baseline+candidate'),
  };
  const mirrorWrites = request.mirrorWrites === true;
  checkWrites(config, request.mode, mirrorWrites);
  const listen = parseListen(request.listen);
  const sample = sampleOf(request);
  const targets = [config.baseline, config.candidate, config.noise.replica];
  const known = new Map([
    ...project.secrets(),
    ...targets.flatMap((target) => [...(target?.secrets ?? [])]),
  ]);
  const redact = createRedactor({ headerNames: config.rules?.redactHeaders ?? [], secrets: known });
  const queueCapacity = request.queue ?? DEFAULT_QUEUE;
  const { folder, notes } = await preflightWriters(config, newRunId(context.now()), context.host, {
    live: true,
  });
  return {
    input: {
      config,
      redact,
      known,
      now: context.now,
      host: context.host,
      folder,
      mode: request.mode,
      listen,
      forwarded: forwardedOf(request),
      sample,
      mirrorWrites,
      queueCapacity,
      budgetBytes: (request.mirrorMb ?? DEFAULT_MIRROR_MB) * 1024 * 1024,
      workers: config.concurrency,
      candidateRate: request.candidateRate,
      shedAt: shedOf(request.shed),
      runSize: request.runSize ?? 100_000,
      capture: request.capture,
    },
    notes,
  };
}
