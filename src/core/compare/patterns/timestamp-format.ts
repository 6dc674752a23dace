/**
 * `timestamp-format`: the same instant (to within one unit of the coarser
 * side's precision) written differently: RFC 3339 with or without fractional seconds, `Z` vs an
 * offset, epoch seconds vs milliseconds vs RFC 3339. An epoch number
 * against an RFC 3339 string is the family whatever the two instants are:
 * keyed on the types, with instants that differ left as a value question.
 * Two timestamps each side stamped for itself during the run, in two
 * formats, are compared as their formats (`core/normalise/stamps.ts`): the
 * family, with no instants left (they are each side's own).
 */

import type { SideRuntimes } from '../../../contract/model/runtime.js';
import type { Change } from '../../../contract/observation.js';
import { codeSpan } from '../../../util/code-span.js';
import { plural } from '../../../util/words.js';
import { stampedFormatOf } from '../../normalise/stamps.js';
import {
  describeFormat,
  parseTimestamp,
  resolutionOf,
  type TimestampFormat,
  truncate,
} from '../../normalise/timestamps.js';
import { type Advice, phrase, theField } from './advice.js';
import type { FixHint, Pattern, PatternHintInput, PatternKind, PatternMatch } from './types.js';
import { patternPath } from './util.js';

function label(format: TimestampFormat): string {
  if (format.kind !== 'rfc3339') return format.kind;
  return `rfc3339${format.fractionDigits === 0 ? '' : '-fraction'}${format.zone === 'Z' ? '-z' : '-offset'}`;
}

/** `precision` when only the fractional digits differ, else `format (a vs b)`. */
function titleVariant(b: TimestampFormat, c: TimestampFormat): string {
  const onlyPrecision = b.kind === 'rfc3339' && c.kind === 'rfc3339' && b.zone === c.zone;
  return onlyPrecision ? 'precision' : `format (${label(b)} vs ${label(c)})`;
}

/** `timestamp precision (rfc3339-z vs rfc3339-fraction-z)`: from the two labels only. */
function detailOf(lb: string, lc: string): string {
  if (lb === lc) return 'timestamp precision';
  const zone = (label: string) => label.slice(label.lastIndexOf('-') + 1);
  const rfc = lb.startsWith('rfc3339') && lc.startsWith('rfc3339') && zone(lb) === zone(lc);
  return `timestamp ${rfc ? 'precision' : 'format'} (${lb} vs ${lc})`;
}

const LAYOUT_ADVICE: Readonly<Record<'fraction' | 'seconds', Advice>> = {
  fraction: {
    go: '`time.RFC3339Nano`',
    rust: "chrono's `SecondsFormat::AutoSi`",
    protobuf:
      'a `google.protobuf.Timestamp` field (protojson writes 0, 3, 6 or 9 fractional digits, as the value needs)',
  },
  seconds: {
    go: '`time.RFC3339`, or `t.Truncate(time.Second)`',
    rust: "chrono's `to_rfc3339_opts(SecondsFormat::Secs, true)`",
    protobuf:
      'a `google.protobuf.Timestamp` with no `nanos` (protojson writes whole seconds then), or a `string` field formatted by the service',
  },
};

function hint({ field, params, runtimes }: PatternHintInput): FixHint {
  const [variant = 'precision'] = params;
  const [b = '', c = ''] = variant.split(':');
  const write = (label: string, side: keyof SideRuntimes, as: string) => {
    const action = `write ${theField(field)} as the ${as} does`;
    if (variant === 'precision') return `${action}: the same precision`;
    if (label.startsWith('epoch')) {
      const unit = label.endsWith('ms') || label.endsWith('millis') ? 'milliseconds' : 'seconds';
      return `${action}: epoch ${unit}`;
    }
    const fraction = label.includes('fraction');
    const layout = fraction ? 'RFC 3339 with fractional seconds' : 'RFC 3339 in whole seconds';
    return phrase(
      `${action}: ${layout}`,
      runtimes[side],
      LAYOUT_ADVICE[fraction ? 'fraction' : 'seconds'],
    );
  };
  return {
    baseline: write(c, 'baseline', 'candidate'),
    candidate: write(b, 'candidate', 'baseline'),
    // The same instant to within the coarser side's precision: `second` covers it unless a second boundary lies between.
    rule: 'timestamps: second',
  };
}

/** Epoch timestamps are numbers, RFC 3339 ones strings: one of each is a type change. */
function timestampKind([variant = '']: readonly string[]): PatternKind {
  const epochs = variant.split(':').filter((label) => label.startsWith('epoch')).length;
  return epochs === 1 ? 'shape' : 'value';
}

/** The instant as RFC 3339 text (nanosecond digits kept). */
function instantText(nanos: bigint): string {
  const millis = nanos / 1_000_000n;
  const rest = ((nanos % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  const whole = new Date(Number(millis)).toISOString().slice(0, 19);
  return rest === 0n ? `${whole}Z` : `${whole}.${rest.toString().padStart(9, '0')}Z`;
}

/** Two instants that differ: the value question a format family leaves, both sides in one format. */
function instantsLeft(change: Change, baseline: bigint, candidate: bigint): Change {
  return {
    op: 'value',
    path: change.path,
    baseline: instantText(baseline),
    candidate: instantText(candidate),
  };
}

/**
 * The two formats of a change between two timestamps each side stamped for
 * itself during the run, written in two formats: compared as their formats'
 * placeholders (`core/normalise/stamps.ts` `stampedIn`). Undefined otherwise.
 */
function stampedPair(change: Change): readonly [TimestampFormat, TimestampFormat] | undefined {
  const b = stampedFormatOf(change.baseline);
  const c = stampedFormatOf(change.candidate);
  return b === undefined || c === undefined ? undefined : [b, c];
}

/** How the two instants relate: one instant, two, or each side's own stamp (no question). */
type Instants = 'same' | 'other' | 'stamped';

const INSTANT_WORDS: Readonly<Record<Instants, string>> = {
  same: 'is the same instant',
  other: 'is an instant',
  stamped: "is each side's own instant, stamped during this run,",
};

function matchOf(
  change: Change,
  [b, c]: readonly [TimestampFormat, TimestampFormat],
  instants: Instants,
): PatternMatch<'timestamp-format'> {
  const [lb, lc] = [label(b), label(c)];
  // Same format and same instant but other text (digit count, `t`/` ` separator): precision.
  const variant = lb === lc ? 'precision' : `${lb}:${lc}`;
  const path = patternPath(change.path);
  const words =
    lb !== lc
      ? `${describeFormat(b)} in baseline, ${describeFormat(c)} in candidate`
      : instants === 'stamped'
        ? `${plural(b.fractionDigits, 'fractional digit')} in baseline, ${c.fractionDigits} in candidate`
        : 'the same format with another precision';
  return {
    name: 'timestamp-format',
    title: `${codeSpan(path)} timestamp ${titleVariant(b, c)}`,
    anchor: change.path,
    params: [variant],
    detail: detailOf(lb, lc),
    explanation: `the timestamp at ${codeSpan(change.path)} ${INSTANT_WORDS[instants]} written differently: ${words} (${JSON.stringify(change.baseline)} vs ${JSON.stringify(change.candidate)})`,
    key: `timestamp-format:${path}:${variant}`,
    covers: [change],
  };
}

export const timestampFormat: Pattern<'timestamp-format'> = {
  name: 'timestamp-format',
  meaning:
    "the same instant, or each side's own time stamped during the run, in another timestamp format or precision (fractional seconds, offset vs `Z`, epoch s/ms)",
  kindOf: timestampKind,
  hint,
  ops: ['value', 'type'],
  recognise(changes) {
    const matches: PatternMatch<'timestamp-format'>[] = [];
    for (const change of changes) {
      if (change.op !== 'value' && change.op !== 'type') continue;
      const stamped = stampedPair(change);
      if (stamped !== undefined) {
        matches.push(matchOf(change, stamped, 'stamped'));
        continue;
      }
      const b = parseTimestamp(change.baseline);
      const c = parseTimestamp(change.candidate);
      if (b === undefined || c === undefined) continue;
      const [rb, rc] = [resolutionOf(b.format), resolutionOf(c.format)];
      const resolution = rb > rc ? rb : rc;
      // Within one unit of the coarser side: each side read its own clock (a
      // record stamped at write time on each), or one side rounds where the
      // other truncates, so `…:59.999` and `…:00` may be one second apart.
      const apart = truncate(b.nanos, resolution) - truncate(c.nanos, resolution);
      const same = apart <= resolution && apart >= -resolution;
      // Epoch numbers against RFC 3339 strings are the family whatever the instants:
      // other instants are a question of their own (`leaves`), not the reason it is missed.
      if (!same && change.op !== 'type') continue;
      const match = matchOf(change, [b.format, c.format], same ? 'same' : 'other');
      matches.push(same ? match : { ...match, leaves: [instantsLeft(change, b.nanos, c.nanos)] });
    }
    return matches;
  },
};
