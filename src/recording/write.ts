/**
 * Writes a recording: one entry file per case (atomically, so an interrupted
 * recording never leaves half a file) and the manifest last.
 */

import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';
import { displayJson } from '../wire/display.js';
import { entryPath, MANIFEST } from './read.js';
import type { RecordedEntry, RecordingManifest } from './schema.js';

function pretty(value: unknown): string {
  return `${displayJson(value, 2) ?? 'null'}\n`;
}

/** Writes one case's entry (already redacted). */
export function writeEntry(dir: string, entry: RecordedEntry): Promise<void> {
  return writeFileAtomic(entryPath(dir, entry.caseId), pretty(entry), { durable: false });
}

/** Writes the manifest (after the entries: a recording without one is not a recording yet). */
export function writeManifest(dir: string, manifest: RecordingManifest): Promise<void> {
  return writeFileAtomic(join(dir, MANIFEST), pretty(manifest));
}
