/**
 * When a target stopped answering during `parity fuzz` and no reset command
 * could bring it back to find which input did it: the inputs that may have
 * (`judge/fuzz/crash.ts` `suspectsOf`) written as one serial case file in the
 * output folder, so that none of them is lost.
 */
import { resolve } from 'node:path';
import type { Redactor } from '../../core/redact/redact.js';
import type { RunConfig } from '../../io/config/targets.js';
import { suspectsFileOf } from '../../judge/fuzz/case-file.js';
import type { Stopped } from '../../judge/fuzz/engine.js';
import type { WrittenSuspects } from '../../judge/fuzz/summary.js';
import { takenNames, writeCaseFiles } from '../../judge/fuzz/write.js';
import type { Env } from '../../util/env.js';
import { displayPath } from '../../util/paths.js';
import { DEFAULT_OUT } from './fuzz-cases.js';

export interface SuspectsWriteInput {
  readonly stopped: Stopped;
  readonly config: RunConfig;
  readonly outDir: string | undefined;
  readonly command: string;
  readonly redact: Redactor;
  readonly env: Env;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** Writes the suspects file (see the module comment). */
export async function writeSuspects(input: SuspectsWriteInput): Promise<WrittenSuspects> {
  const { stopped, config } = input;
  const base = {
    sides: stopped.sides,
    firstFailure: stopped.firstFailure,
    count: stopped.suspects.length,
    notSent: stopped.notSent,
  };
  const [first] = stopped.suspects;
  if (first === undefined) return { ...base, file: undefined };
  const dir = resolve(config.cwd, input.outDir ?? DEFAULT_OUT);
  const taken = await takenNames(dir);
  const stem = `${slug(first.seed.endpoint) || 'root'}-stops-answering-suspects`;
  let name = stem;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}`;
  const who = stopped.sides.map((side) => config[side].name).join(' and ');
  const text = suspectsFileOf(
    {
      suspects: stopped.suspects.map((gen) => ({
        seed: gen.seed,
        request: gen.value.value.request,
        index: gen.index,
      })),
      name,
      why: `${who} stopped answering during \`${input.command}\` (first failed at input ${stopped.firstFailure + 1}).`,
      command: input.command,
      redact: input.redact,
    },
    {
      file: `${displayPath(config.cwd, dir)}/${name}.yaml`,
      env: input.env,
      globalRules: config.rules,
    },
  );
  if (text === undefined) return { ...base, file: undefined };
  const [path] = await writeCaseFiles(dir, [{ name, text }]);
  return { ...base, file: path === undefined ? undefined : displayPath(config.cwd, path) };
}
