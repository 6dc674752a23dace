/** `parity completion bash|zsh|fish`: prints the shell's completion script. */
import { ParityError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { Io } from '../io.js';

function shellOf(word: string | undefined): Shell {
  const shell = SHELLS.find((s) => s === word);
  if (shell === undefined) {
    throw new ParityError(
      'PARITY_USAGE',
      `completion for which shell? name one of ${SHELLS.join(', ')} (got "${word ?? ''}")${didYouMean(word, SHELLS)}`,
    );
  }
  return shell;
}

export async function completionCommand(operands: readonly string[], io: Io): Promise<ExitCode> {
  io.stdout.write(completionScript(shellOf(operands[0])));
  return EXIT.ok;
}
