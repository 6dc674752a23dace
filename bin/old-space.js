// The old-space limit `parity proxy` and `parity shadow` start with (set
// once, by the bin, when it starts the command's process: bin/parity.js).
// Why: a long session makes garbage faster than V8's default heap growth
// collects it: 200,000 requests through `parity proxy`, the candidate down,
// grew RSS 102 -> 123 MB while the live heap stayed 17.5 MB (heap snapshots
// after 40,000 and 200,000 requests); with --max-old-space-size=256 it stayed
// 89 -> 91 MB (100,000 requests), with 1024 94 -> 106 MB. V8 grows the heap
// by a smaller factor the smaller its limit, so the limit is set no higher
// than what the session can legally hold at once, which is sized here, so a
// burst of max-size bodies never ends the process out of memory:
// - a waiting mirrored request holds its body and the baseline's answer as
//   bytes outside the heap (Buffers: decoded only once a worker takes it), and
//   its head (headers: at most node:http's 16 KB, a few times that as strings);
// - each of the queue's workers holds up to three decoded bodies (baseline,
//   candidate, replica), each its text (1 byte a character, 2 for non-Latin-1:
//   2x the cap at most) and its tree (measured: a 990,000-member object of
//   11 MB held 50 MB, about 52 bytes a value, up to the node budget and at
//   most one value per 3 bytes of text), and its judged copy (normalised
//   values: counted as much again, an upper bound);
// - the rest: the live heap of an idle session (17.5 MB measured), the kept
//   repeats (32 MB), a run's notable results (about 15 MB).
// src/io/shadow/old-space.ts computes the same (a unit test checks both), and
// the session gives the queue fewer workers when the config asks for more than
// the limit it runs under holds.
'use strict';

const MB = 1024 * 1024;
/** The defaults of `parity proxy`/`parity shadow` (src/io/config/resolve.ts, src/engine/shadow-prepare.ts). */
const DEFAULTS = { queue: 1000, workers: 8, bodyCapBytes: 16 * MB, nodes: 1_000_000 };
/** Heap of an idle session, the kept repeats and a run's notable results, in MB. */
const FIXED_MB = 48 + 32 + 16;
/** Heap a waiting request holds at most (its head), in MB. */
const PER_WAITING_MB = 64 / 1024;
/** Heap one value of a decoded body holds (measured 50 MB for 990,000 values). */
const BYTES_PER_VALUE = 52;

/** Bytes of body text one value takes at least (`{}` and a comma). */
const TEXT_PER_VALUE = 3;
/** Heap one decoded body holds at most, in bytes: its text and its tree. */
const perBody = ({ bodyCapBytes, nodes }) =>
  2 * bodyCapBytes + BYTES_PER_VALUE * Math.min(nodes, bodyCapBytes / TEXT_PER_VALUE);
/** Heap one worker holds at most, in MB: three bodies, each decoded and judged. */
const perWorkerMb = (budget) => (3 * 2 * perBody(budget)) / MB;

/** The old-space limit, in MB, that holds a full queue and every worker at its largest bodies. */
const oldSpaceMb = ({ queue, workers, bodyCapBytes, nodes }) =>
  Math.ceil(FIXED_MB + queue * PER_WAITING_MB + workers * perWorkerMb({ bodyCapBytes, nodes }));

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

/** The limit for a command's arguments: `--queue` and `--concurrency`, the rest at their defaults. */
const oldSpaceForArgs = (args) =>
  oldSpaceMb({
    ...DEFAULTS,
    queue: flagOf(args, '--queue') ?? DEFAULTS.queue,
    workers: flagOf(args, '--concurrency') ?? DEFAULTS.workers,
  });

module.exports = {
  DEFAULTS,
  FIXED_MB,
  PER_WAITING_MB,
  BYTES_PER_VALUE,
  oldSpaceMb,
  oldSpaceForArgs,
};
