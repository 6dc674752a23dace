/**
 * Evidence without sending anything again, from the traffic itself: the
 * same read seen again (same method, target, headers and body) was answered
 * by each side twice, at two moments. What changed between the baseline's
 * two answers is noise, as a replica's answer shows it (`judge/noise/learn.ts`);
 * both sides' two answers are the evidence the second look of `run` gathers
 * for per-instance values (`core/normalise/changed.ts`). This keeps both sides'
 * last answers to each distinct read, bounded in entries and bytes (the
 * oldest forgotten first), and gives them back when the read comes again. The key leaves out the headers that name one request rather than
 * what is asked (tracing ids). Writes are never kept: a write changes what
 * the next read sees. Pure apart from its own map.
 */
import { createHash } from 'node:crypto';
import { isWriteMethod } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import type { TrafficRequest } from './traffic.js';

/** Headers that differ per request without changing what is asked. */
const PER_REQUEST: ReadonlySet<string> = new Set([
  'x-request-id',
  'x-correlation-id',
  'request-id',
  'traceparent',
  'tracestate',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'b3',
  'date',
]);

export const REPEAT_LIMITS = { entries: 1000, bytes: 32 * 1024 * 1024 } as const;

/** What makes two reads the same request; undefined for a write. */
export function repeatKey(request: TrafficRequest): string | undefined {
  if (isWriteMethod(request.method)) return undefined;
  const hash = createHash('sha256');
  hash.update(`${request.method} ${request.target}\n`);
  const headers = request.headers
    .filter(([name]) => !PER_REQUEST.has(name))
    .map(([name, value]) => `${name}: ${value}`)
    .sort();
  hash.update(headers.join('\n'));
  hash.update('\n\n');
  hash.update(request.body);
  return hash.digest('base64');
}

/** Both sides' answers to one read. */
export interface Answers {
  readonly baseline: SideOutcome;
  readonly candidate: SideOutcome;
}

export interface Repeats {
  /** Both sides' previous answers to this same read, if kept. */
  previous(key: string): Answers | undefined;
  /** Keeps `answers` as the latest to this read. */
  keep(key: string, answers: Answers): void;
  readonly size: number;
}

/** About what an answer holds in memory: its decoded body (a few times its bytes), its headers. */
const answerSize = (answer: SideOutcome): number =>
  answer.outcome === 'response' ? answer.response.wireBytes * 4 + 1024 : 1024;
const sizeOf = (answers: Answers): number =>
  answerSize(answers.baseline) + answerSize(answers.candidate);

export function createRepeats(limits: { entries: number; bytes: number } = REPEAT_LIMITS): Repeats {
  const kept = new Map<string, { answers: Answers; bytes: number }>();
  let bytes = 0;
  const forget = (key: string): void => {
    const entry = kept.get(key);
    if (entry === undefined) return;
    kept.delete(key);
    bytes -= entry.bytes;
  };
  return {
    previous: (key) => kept.get(key)?.answers,
    keep(key, answers) {
      forget(key);
      const size = sizeOf(answers);
      if (size > limits.bytes) return;
      kept.set(key, { answers, bytes: size });
      bytes += size;
      for (const oldest of kept.keys()) {
        if (kept.size <= limits.entries && bytes <= limits.bytes) break;
        forget(oldest);
      }
    },
    get size() {
      return kept.size;
    },
  };
}
