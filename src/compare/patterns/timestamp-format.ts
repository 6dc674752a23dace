/**
 * `timestamp-format`: the same instant (to the coarser side's precision)
 * written differently: RFC 3339 with or without fractional seconds, `Z` vs an
 * offset, epoch seconds vs milliseconds vs RFC 3339.
 */
import {
  describeFormat,
  parseTimestamp,
  resolutionOf,
  type TimestampFormat,
  truncate,
} from '../../normalise/timestamps.js';
import { codeSpan } from '../../util/code-span.js';
import type { Pattern, PatternMatch } from './types.js';
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

export const timestampFormat: Pattern = {
  name: 'timestamp-format',
  meaning:
    'the same instant in another timestamp format or precision (fractional seconds, offset vs `Z`, epoch s/ms)',
  recognise(changes) {
    const matches: PatternMatch[] = [];
    for (const change of changes) {
      if (change.op !== 'value' && change.op !== 'type') continue;
      const b = parseTimestamp(change.baseline);
      const c = parseTimestamp(change.candidate);
      if (b === undefined || c === undefined) continue;
      const [rb, rc] = [resolutionOf(b.format), resolutionOf(c.format)];
      const resolution = rb > rc ? rb : rc;
      if (truncate(b.nanos, resolution) !== truncate(c.nanos, resolution)) continue;
      const [lb, lc] = [label(b.format), label(c.format)];
      // Same format and same instant but other text (digit count, `t`/` ` separator): precision.
      const variant = lb === lc ? 'precision' : `${lb}:${lc}`;
      const path = patternPath(change.path);
      const words =
        lb === lc
          ? 'the same format with another precision'
          : `${describeFormat(b.format)} in baseline, ${describeFormat(c.format)} in candidate`;
      matches.push({
        name: 'timestamp-format',
        title: `${codeSpan(path)} timestamp ${titleVariant(b.format, c.format)}`,
        anchor: change.path,
        params: [variant],
        detail: detailOf(lb, lc),
        explanation: `the timestamp at ${codeSpan(change.path)} is the same instant written differently: ${words} (${JSON.stringify(change.baseline)} vs ${JSON.stringify(change.candidate)})`,
        key: `timestamp-format:${path}:${variant}`,
        covers: [change],
      });
    }
    return matches;
  },
};
