/**
 * The reset hook of a stateful service, run before every input when given:
 * a shell command (`--reset-command`, which must exit 0) or a request sent to
 * both targets (`--reset-request "POST /__reset"`, which must answer 2xx).
 * A hook that fails stops the fuzzing with `PARITY_RESET_FAILED`.
 */
import { spawn } from 'node:child_process';
import { type HttpMethod, METHOD_TOKEN } from '../../contract/model/case.js';
import type { PlannedRequest } from '../../core/request/plan.js';
import type { TargetClient } from '../../io/http/client.js';
import { ParityError } from '../../util/errors.js';

export type ResetSpec =
  | { readonly kind: 'command'; readonly command: string }
  | { readonly kind: 'request'; readonly method: HttpMethod; readonly path: string };

export interface ResetHook {
  /** `--reset-command "…"` or `--reset-request "…"`, for messages. */
  readonly label: string;
  run(): Promise<void>;
}

/** `POST /__reset` → a request spec; anything else is a usage error. */
export function parseResetRequest(text: string): ResetSpec {
  const [method = '', path = '', ...rest] = text.trim().split(/\s+/);
  if (
    !METHOD_TOKEN.test(method) ||
    method === 'CONNECT' ||
    !path.startsWith('/') ||
    rest.length > 0
  ) {
    throw new ParityError(
      'PARITY_USAGE',
      `--reset-request must be "METHOD /path", e.g. "POST /__reset" (got "${text}")`,
    );
  }
  return { kind: 'request', method, path };
}

function failed(label: string, why: string): ParityError {
  return new ParityError('PARITY_RESET_FAILED', `the reset hook ${label} failed: ${why}`);
}

/** A reset command that runs longer than this has failed (a restart that never came back). */
const COMMAND_TIMEOUT_MS = 120_000;
/** How long after the shell exits its stderr may still be read. */
const OUTPUT_GRACE_MS = 200;

/**
 * Runs `command` in a shell; resolves on exit 0, else rejects with its exit
 * code and last stderr line. It is done when the shell exits, not when its
 * output closes: a command that restarts a server leaves that server running
 * in the background, holding the shell's stderr open for as long as it lives.
 */
function runCommand(
  command: string,
  where: { cwd: string; env: NodeJS.ProcessEnv },
  label: string,
) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      cwd: where.cwd,
      env: where.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(failed(label, `it did not exit within ${COMMAND_TIMEOUT_MS / 1000} s`));
    }, COMMAND_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(failed(label, error.message));
    });
    // Done at `close` (all output read), or shortly after `exit` when a background child keeps it open.
    let settle: NodeJS.Timeout | undefined;
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      clearTimeout(settle);
      child.stderr.destroy();
      if (code === 0) return resolve();
      const last = stderr.trim().split('\n').pop() ?? '';
      const status = code === null ? `killed by ${signal}` : `exit ${code}`;
      reject(failed(label, `${status}${last === '' ? '' : `: ${last}`}`));
    };
    child.once('exit', (code, signal) => {
      settle = setTimeout(() => done(code, signal), OUTPUT_GRACE_MS);
    });
    child.once('close', done);
  });
}

/** The hook for `spec`, sending reset requests through `clients`. */
export function createReset(
  spec: ResetSpec,
  clients: readonly TargetClient[],
  where: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>> },
): ResetHook {
  if (spec.kind === 'command') {
    const label = `--reset-command "${spec.command}"`;
    const env = { ...where.env };
    return { label, run: () => runCommand(spec.command, { cwd: where.cwd, env }, label) };
  }
  const label = `--reset-request "${spec.method} ${spec.path}"`;
  const plan: PlannedRequest = {
    method: spec.method,
    pathAndQuery: spec.path,
    headers: [],
    body: undefined,
  };
  return {
    label,
    async run() {
      const outcomes = await Promise.all(clients.map((client) => client.send(plan)));
      outcomes.forEach((outcome, i) => {
        const name = clients[i]?.target.name ?? '?';
        if (outcome.outcome === 'transport-error')
          throw failed(label, `${name}: ${outcome.error.code}`);
        const { status } = outcome.response;
        if (status < 200 || status > 299) throw failed(label, `${name} answered ${status}`);
      });
    },
  };
}
