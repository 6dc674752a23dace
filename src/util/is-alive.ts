/**
 * Whether a process runs on this machine, as the host's `isAlive` says (a
 * run folder's lock names its writer's pid): the bin's and the shadow worker
 * thread's. The one module below the process edge that asks the process.
 */

/** Whether process `pid` runs on this machine (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
