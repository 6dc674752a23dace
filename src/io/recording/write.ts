/**
 * Writes a recording: one entry file per case (atomically, so an interrupted
 * recording never leaves half a file) and the manifest last.
 */

import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { displayJson } from '../../core/wire/display.js';
import { writeThrough } from '../../util/files-to-write.js';
import { pruneFolder } from '../../util/fs.js';
import { entryPath, MANIFEST } from './read.js';
import type { RecordedEntry, RecordingManifest } from './schema.js';

function pretty(value: unknown): string {
  return `${displayJson(value, 2) ?? 'null'}\n`;
}

/** Writes one case's entry (already redacted), through a symlink as every writer does. */
export function writeEntry(dir: string, entry: RecordedEntry): Promise<void> {
  return writeThrough(entryPath(dir, entry.caseId), pretty(entry), { durable: false });
}

/** Writes the manifest (after the entries: a recording without one is not a recording yet). */
export function writeManifest(dir: string, manifest: RecordingManifest): Promise<void> {
  return writeThrough(join(dir, MANIFEST), pretty(manifest));
}

/**
 * Removes the entries of steps the recorded flows no longer have: a flow's
 * folder (`<suite>/<flow>/`) holds its steps only, and a flow is recorded
 * whole, so after `--update` it holds exactly the flow's steps of today.
 * `flows`: the case ids of each flow's steps, by flow id.
 */
export async function pruneFlows(
  dir: string,
  flows: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  for (const [flow, steps] of flows) {
    const names = new Set(steps.map((id) => basename(entryPath(dir, id))));
    await pruneFolder(entryPath(dir, flow).replace(/\.json$/, ''), names, '.json');
  }
}

/**
 * Removes a recording folder this command created and that holds nothing
 * worth keeping (the target answered none of the cases sent): left behind,
 * it would make the next attempt need `--update`.
 */
export function discardRecording(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
