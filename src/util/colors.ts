/**
 * Colours for one stream: off when it is not a TTY or NO_COLOR is set (any
 * value). The five parity uses, written as picocolors writes them (a nested
 * colour's close code is replaced so the outer colour resumes after it). Not
 * picocolors itself: it reads `process.stdout.isTTY` when it loads, which
 * makes Node create the stream even for a quiet run that never writes there.
 */

/** Wraps a value's text in one colour (or, with colour off, returns the text). */
type Paint = (input: string | number | null | undefined) => string;

export interface Colors {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
}

function paint(open: string, close: string, replace = open): Paint {
  return (input) => {
    const text = `${input}`;
    let index = text.indexOf(close, open.length);
    if (index === -1) return open + text + close;
    let inner = '';
    let cursor = 0;
    do {
      inner += text.substring(cursor, index) + replace;
      cursor = index + close.length;
      index = text.indexOf(close, cursor);
    } while (index !== -1);
    return open + inner + text.substring(cursor) + close;
  };
}

const plain: Colors = { bold: String, dim: String, green: String, red: String, yellow: String };

let colored: Colors | undefined;

/** The colours, on or off. */
export function createColors(enabled: boolean): Colors {
  if (!enabled) return plain;
  colored ??= {
    bold: paint('\x1b[1m', '\x1b[22m', '\x1b[22m\x1b[1m'),
    dim: paint('\x1b[2m', '\x1b[22m', '\x1b[22m\x1b[2m'),
    green: paint('\x1b[32m', '\x1b[39m'),
    red: paint('\x1b[31m', '\x1b[39m'),
    yellow: paint('\x1b[33m', '\x1b[39m'),
  };
  return colored;
}

export function colorsFor(
  stream: { write(text: string): unknown; readonly isTTY?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Colors {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const force = env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0';
  return createColors(!noColor && (force || stream.isTTY === true));
}
