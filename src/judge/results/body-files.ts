/**
 * Request bodies too large for a repro command line: written once each
 * (named by their sha256) into the run folder's `bodies/`, so the curl repro
 * reads them with `--data-binary @file` instead of every report format
 * carrying a copy. The bytes written are the redacted body, as every other
 * output shows it.
 */

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Text } from './preview.js';

function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface BodyFiles {
  /** Stores `body` (once per content) and returns the path a repro names it by. */
  store(body: string | Uint8Array): string;
  /** Waits for every write; throws the first that failed. */
  flush(): Promise<void>;
}

/**
 * Files go to `dir/bodies/` now; repros name them as `shownDir/bodies/<sha256>`
 * (the run folder as it will be called once published, relative to the project).
 */
export function createBodyFiles(dir: string, shownDir: string): BodyFiles {
  const written = new Map<string, Promise<void>>();
  let folder: Promise<unknown> | undefined;
  return {
    store(body) {
      const name = `${typeof body === 'string' ? sha256Text(body) : sha256Bytes(body)}.body`;
      if (!written.has(name)) {
        folder ??= mkdir(join(dir, 'bodies'), { recursive: true });
        const write = folder.then(() => writeFile(join(dir, 'bodies', name), body));
        // Failures surface in flush(); until then the promise must not be unhandled.
        write.catch(() => undefined);
        written.set(name, write);
      }
      return `${shownDir}/bodies/${name}`;
    },
    async flush() {
      await Promise.all(written.values());
    },
  };
}
