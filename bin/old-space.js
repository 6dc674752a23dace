// The old-space limit `parity proxy` and `parity shadow` start with (set
// once, by the bin, when it starts the command's process: bin/parity.js).
// Why: a long session makes garbage faster than V8's default heap growth
// collects it: 200,000 requests through `parity proxy`, the candidate down,
// grew RSS 102 -> 123 MB while the live heap stayed 17.5 MB (heap snapshots
// after 40,000 and 200,000 requests); with --max-old-space-size=256 it stayed
// 89 -> 91 MB (100,000 requests), with 1024 94 -> 106 MB. V8 grows the heap
// by a smaller factor the smaller its limit, so the limit is set no higher
// than what the listening thread can legally hold at once:
// - a waiting mirrored request holds its body and the baseline's answer as
//   bytes outside the heap, counted in the byte budget (`--mirror-mb`, 64),
//   and its head (headers: at most node:http's 16 KB, a few times that as
//   strings);
// - the decoded copies are made on the worker thread (a heap of its own,
//   src/io/shadow/old-space.ts's threadOldSpaceMb); where no thread can
//   start, in this one, counted in the same budget: the budget again;
// - the rest: the live heap of an idle session (17.5 MB measured), the kept
//   repeats (32 MB), a run's notable results (about 15 MB).
// src/io/shadow/old-space.ts computes the same (a unit test checks both).
'use strict';

/** The defaults of `parity proxy`/`parity shadow` (src/engine/shadow-prepare.ts, src/io/shadow/old-space.ts). */
const DEFAULTS = { queue: 1000, budgetMb: 64 };
/** Heap of an idle session, the kept repeats and a run's notable results, in MB. */
const FIXED_MB = 48 + 32 + 16;
/** Heap a waiting request holds at most (its head), in MB. */
const PER_WAITING_MB = 64 / 1024;

/** The listening thread's old-space limit, in MB: a full queue's heads and the byte budget. */
const oldSpaceMb = ({ queue, budgetMb }) => Math.ceil(FIXED_MB + queue * PER_WAITING_MB + budgetMb);

/** The value of `--NAME N` or `--NAME=N` in `args`, when it is a whole number. */
const flagOf = (args, name) => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const text =
      arg === name
        ? args[i + 1]
        : arg.startsWith(`${name}=`)
          ? arg.slice(name.length + 1)
          : undefined;
    if (text !== undefined && /^\d+$/.test(text)) return Number(text);
  }
  return undefined;
};

/** The limit for a command's arguments: `--queue` and `--mirror-mb`, else their defaults. */
const oldSpaceForArgs = (args) =>
  oldSpaceMb({
    queue: flagOf(args, '--queue') ?? DEFAULTS.queue,
    budgetMb: flagOf(args, '--mirror-mb') ?? DEFAULTS.budgetMb,
  });

module.exports = { DEFAULTS, FIXED_MB, PER_WAITING_MB, oldSpaceMb, oldSpaceForArgs };
