/**
 * `parity run --list`: the cases a run would send, as it would read and
 * select them (the same library, `--filter`, `--tag` and `--shard`, in run
 * order, a flow's steps one by one), sending nothing. Needs no target, so a
 * library can be listed where its servers are not.
 */

import type { Case } from '../contract/model/case.js';
import type { ShardInfo } from '../contract/report.js';
import { openRunLibrary } from '../io/cases/library.js';
import type { ConfigFlags } from '../io/config/resolve.js';
import type { AppContext } from './run/context.js';
import { caseOptions, openProject } from './run/project.js';
import type { Selection } from './run/selected.js';

export interface ListRequest extends ConfigFlags, Selection {
  readonly shard?: ShardInfo | undefined;
}

/** Calls `each` with every selected case in run order; resolves with how many there were. */
export async function listCases(
  request: ListRequest,
  context: AppContext,
  each: (item: Case) => void,
): Promise<number> {
  const project = await openProject(request, context, 'none');
  const { config } = project;
  const library = await openRunLibrary(
    config.casePaths,
    caseOptions(config, context.cwd, project.env),
    { filter: request.filter, tags: request.tag, shard: request.shard },
    { readOnce: true },
  );
  let count = 0;
  for await (const batch of library.source.batches()) {
    for (const unit of batch) {
      if (unit.kind !== 'sequence') {
        each(unit);
        count++;
        continue;
      }
      for await (const steps of unit.cases()) {
        for (const step of steps) each(step);
        count += steps.length;
      }
    }
  }
  return count;
}
