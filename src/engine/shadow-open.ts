/**
 * Opens a shadow session where it will listen: prepares it from the
 * command's flags (`prepareShadow`), then starts it (`startShadow`) with its
 * judging side on a worker thread of its own (`judgeFile`, the built
 * dist/shadow-thread.cjs, `shadow-remote.ts`), or in this thread when no file
 * is given (the TypeScript sources, the tests) or no thread can start. As
 * shipped, this runs on the listening thread (`shadow-listening.ts`); from
 * the sources, on the CLI's own.
 */
import { threadOldSpaceMb, YOUNG_GENERATION_MB } from '../io/shadow/old-space.js';
import { ByteBudget } from '../util/byte-budget.js';
import { printable } from '../util/code-span.js';
import { ParityError } from '../util/errors.js';
import type { AppContext } from './run/context.js';
import { type ShadowSession, startShadow } from './shadow.js';
import { openJudgeSide } from './shadow-judge.js';
import { prepareShadow, type ShadowRequest } from './shadow-prepare.js';
import { openThreadJudge } from './shadow-remote.js';

export interface OpenedShadow {
  readonly session: ShadowSession;
  /** What the command prints before it says where it listens (the writers' notes; a thread that could not start). */
  readonly notes: readonly string[];
  /** Whether the judging side runs on a worker thread of its own. */
  readonly judgeOnThread: boolean;
}

export async function openShadowSession(
  request: ShadowRequest,
  context: AppContext,
  judgeFile: string | undefined,
): Promise<OpenedShadow> {
  const { input, notes } = await prepareShadow(request, context);
  const said = [...notes];
  let judgeOnThread = false;
  const session = await startShadow(
    input,
    judgeFile === undefined
      ? openJudgeSide
      : async (prepared, budget) => {
          // The thread prepares its own run folder from the same flags.
          await prepared.folder.discard();
          const host = { pid: context.host.pid, hostname: context.host.hostname };
          const data = {
            request,
            budget: budget.shared,
            cwd: context.cwd,
            env: { ...context.env },
            host:
              context.host.startedAt === undefined
                ? host
                : { ...host, startedAt: context.host.startedAt },
          };
          try {
            const judge = await openThreadJudge(judgeFile, data, {
              maxOldGenerationSizeMb: threadOldSpaceMb({
                budgetMb: budget.limit / (1024 * 1024),
                bodyCapBytes: prepared.config.bodyCapBytes,
                nodes: prepared.config.bodyBudget.nodes,
              }),
              maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
            });
            judgeOnThread = true;
            return judge;
          } catch (error) {
            if (error instanceof ParityError) throw error;
            // No worker thread here: the judging side in this thread, on a folder of its own.
            said.push(`no worker thread (${printable(String(error))}); comparing in this thread`);
            // Its heap holds the budget, not a pair past it: such a pair is dropped, not taken alone.
            const alone = ByteBudget.of(budget.shared, { alone: false });
            return openJudgeSide((await prepareShadow(request, context)).input, alone);
          }
        },
  );
  return { session, notes: said, judgeOnThread };
}
