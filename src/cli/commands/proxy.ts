/** `parity proxy`: the inline proxy (see `shadow.ts`, which runs both placements). */
import type { ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';
import type { ShadowFlags } from '../options.js';
import { shadowCommand } from './shadow.js';

export function proxyCommand(flags: ShadowFlags, io: Io): Promise<ExitCode> {
  return shadowCommand('proxy', flags, io);
}
