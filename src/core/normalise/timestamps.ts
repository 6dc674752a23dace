/**
 * Timestamps as runtimes write them: RFC 3339 text (with or without fractional
 * seconds, `Z` or an offset) and epoch numbers (seconds or milliseconds).
 * Instants are exact: nanoseconds since the epoch as a bigint.
 */

/** How a timestamp is written. */
export interface TimestampFormat {
  readonly kind: 'rfc3339' | 'epoch-seconds' | 'epoch-millis';
  /** Digits after the seconds (RFC 3339), 0 for none. */
  readonly fractionDigits: number;
  /** `Z`, an offset such as `+02:00`, or `` for epoch numbers. */
  readonly zone: string;
}

/** A parsed timestamp: its instant in nanoseconds and how it was written. */
export interface Timestamp {
  readonly nanos: bigint;
  readonly format: TimestampFormat;
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

// Epoch numbers are taken for timestamps only between 1990 and 2100, so ids and counts are not.
const SECONDS = { min: 631_152_000, max: 4_102_444_800 };

function parseRfc3339(text: string): Timestamp | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const nanos =
    BigInt(ms - offsetMinutes * 60_000) * 1_000_000n + BigInt(fraction.padEnd(9, '0') || '0');
  const normalisedZone = zone.toUpperCase() === 'Z' ? 'Z' : zone;
  return {
    nanos,
    format: { kind: 'rfc3339', fractionDigits: fraction.length, zone: normalisedZone },
  };
}

function parseEpoch(value: number): Timestamp | undefined {
  if (!Number.isInteger(value)) return undefined;
  if (value >= SECONDS.min && value <= SECONDS.max) {
    return {
      nanos: BigInt(value) * 1_000_000_000n,
      format: { kind: 'epoch-seconds', fractionDigits: 0, zone: '' },
    };
  }
  if (value >= SECONDS.min * 1000 && value <= SECONDS.max * 1000) {
    return {
      nanos: BigInt(value) * 1_000_000n,
      format: { kind: 'epoch-millis', fractionDigits: 3, zone: '' },
    };
  }
  return undefined;
}

/** Parse an RFC 3339 string or a plausible epoch number (1990–2100); `undefined` otherwise. */
export function parseTimestamp(value: unknown): Timestamp | undefined {
  if (typeof value === 'string') return parseRfc3339(value);
  if (typeof value === 'number') return parseEpoch(value);
  return undefined;
}

/** The resolution a format can express, in nanoseconds. */
export function resolutionOf(format: TimestampFormat): bigint {
  if (format.kind === 'epoch-seconds') return 1_000_000_000n;
  if (format.kind === 'epoch-millis') return 1_000_000n;
  return 10n ** BigInt(9 - format.fractionDigits);
}

/** The instant truncated down to a multiple of `resolution` (floor, also before 1970). */
export function truncate(nanos: bigint, resolution: bigint): bigint {
  const rest = ((nanos % resolution) + resolution) % resolution;
  return nanos - rest;
}

/** "RFC 3339 with fractional seconds, Z", "epoch seconds", …: a format in words. */
export function describeFormat(format: TimestampFormat): string {
  if (format.kind === 'epoch-seconds') return 'epoch seconds';
  if (format.kind === 'epoch-millis') return 'epoch milliseconds';
  const precision = format.fractionDigits === 0 ? 'whole seconds' : 'fractional seconds';
  const zone = format.zone === 'Z' ? 'Z' : 'an offset';
  return `RFC 3339, ${precision}, ${zone}`;
}

/** The digits of a zone offset in a picture: any offset is one format. */
const OFFSET_PICTURE = '±hh:mm';

/**
 * A format as a picture with no digit in it (`YYYY-MM-DDThh:mm:ss.fffZ`,
 * `epoch seconds`): what a value each side stamped for itself is compared as
 * when the two sides write it in two formats (`stamps.ts`).
 */
export function formatPicture(format: TimestampFormat): string {
  if (format.kind === 'epoch-seconds') return 'epoch seconds';
  if (format.kind === 'epoch-millis') return 'epoch milliseconds';
  const fraction = format.fractionDigits === 0 ? '' : `.${'f'.repeat(format.fractionDigits)}`;
  return `YYYY-MM-DDThh:mm:ss${fraction}${format.zone === 'Z' ? 'Z' : OFFSET_PICTURE}`;
}

const PICTURE = /^YYYY-MM-DDThh:mm:ss(?:\.(f{1,9}))?(Z|±hh:mm)$/;

/** The format a picture (`formatPicture`) shows; undefined for any other text. */
export function formatOfPicture(picture: string): TimestampFormat | undefined {
  if (picture === 'epoch seconds') return { kind: 'epoch-seconds', fractionDigits: 0, zone: '' };
  if (picture === 'epoch milliseconds') {
    return { kind: 'epoch-millis', fractionDigits: 3, zone: '' };
  }
  const m = PICTURE.exec(picture);
  if (m === null) return undefined;
  const [, fraction = '', zone = 'Z'] = m;
  return { kind: 'rfc3339', fractionDigits: fraction.length, zone };
}
