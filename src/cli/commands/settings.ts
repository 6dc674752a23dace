/**
 * The project settings that `parity tracker` and `parity merge` need from the
 * config file, without the targets a run requires.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { DEFAULTS } from '../../config/resolve.js';
import type { FailPolicy } from '../../config/schema.js';
import type { Io } from '../io.js';

export interface ProjectSettings {
  /** Absolute; undefined when the tracker is disabled (`--no-tracker`, or `tracker: false`). */
  readonly trackerPath: string | undefined;
  /** Absolute. */
  readonly reportsDir: string;
  readonly failOn: FailPolicy;
  /** `failOnEncoding` from the config: wire-only differences fail too. */
  readonly failOnEncoding: boolean;
}

export interface SettingsFlags {
  readonly config?: string | undefined;
  readonly tracker?: string | false | undefined;
  readonly reports?: string | undefined;
  readonly failOn?: FailPolicy | undefined;
}

/** Flags over the config file over the defaults, as `parity run` resolves them. */
export async function projectSettings(flags: SettingsFlags, io: Io): Promise<ProjectSettings> {
  const { config } = await loadConfig({ file: flags.config, cwd: io.cwd, env: io.env });
  const tracker = flags.tracker ?? config.tracker ?? DEFAULTS.tracker;
  return {
    trackerPath: tracker === false ? undefined : resolve(io.cwd, tracker),
    reportsDir: resolve(io.cwd, flags.reports ?? config.reports ?? DEFAULTS.reports),
    failOn: flags.failOn ?? config.failOn ?? DEFAULTS.failOn,
    failOnEncoding: config.failOnEncoding ?? false,
  };
}
