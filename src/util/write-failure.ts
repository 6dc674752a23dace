/**
 * A write the system refused: a full disk, a quota, a file size limit, a
 * read-only or immutable file system, an I/O error. None is a bug of
 * parity's, and none deserves a stack trace: each becomes a sentence that
 * names the file and the reason (`PARITY_WRITE_FAILED`, exit 4).
 */
import { ParityError } from './errors.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the system allows (a file system limit, or `ulimit -f`)',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted (an immutable or read-only file or folder)',
  EIO: 'an I/O error',
};

/** The error's errno code when it is a refused write (`EFBIG`, `ENOSPC`, …); undefined otherwise. */
export function refusedWriteCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const code = error.code;
  return typeof code === 'string' && code in REASONS ? code : undefined;
}

/** `the disk is full (ENOSPC)`: what a refused write means; undefined for any other error. */
export function refusedWriteReason(error: unknown): string | undefined {
  const code = refusedWriteCode(error);
  return code === undefined ? undefined : `${REASONS[code]} (${code})`;
}

/**
 * `error` as `PARITY_WRITE_FAILED` (`what`: the file and what it is, e.g.
 * `docs/T.md: the tracker`) when it is a refused write; `error` itself otherwise.
 */
export function asWriteFailure(error: unknown, what: string, after = ''): unknown {
  const reason = refusedWriteReason(error);
  if (reason === undefined) return error;
  return new ParityError('PARITY_WRITE_FAILED', `${what} could not be written: ${reason}${after}`, {
    cause: error,
  });
}
