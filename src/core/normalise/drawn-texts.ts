/**
 * A whole text body that is one drawn id (tracker rule 32, extended in
 * session sixteen to whole text bodies): a server that answers a fresh id as
 * its whole body (a peer id, a session token, a short link's code) draws it
 * for itself, so its value is no difference, but its format is, as it is at
 * a JSON member (`drawn-formats.ts`). The text, trimmed of whitespace, is
 * read as that id where it is one value of a format class (`drawnClassOf`:
 * a UUID, decimal or hex digits, a token of letters and digits) on both
 * sides; anything else is a text, still rule 9's (a sentence, two tokens, an
 * id after a label such as `id:abc`: a client reads the label too, so the
 * body is a format of its own, not an id).
 *
 * The evidence that the body is drawn is the second look
 * (`engine/run/second-look.ts`), as for a JSON value that changed between
 * two requests (`changed.ts`): a safe request whose two bodies are such ids
 * is sent once more, and where a side answered another id of the same class
 * the second time (and no side answered one of another class), the body is
 * each side's own:
 *
 * - one class on both sides: compared as `{{generated}}`, listed with its
 *   evidence (no row);
 * - two classes: compared as its class (`{{body drawn as token}}` against
 *   `{{body drawn as uuid}}`), so the `drawn-format` pattern keys the row by
 *   the two classes wherever it shows, and the run's end masks it where the
 *   run does not show those classes in two answers or more
 *   (`drawn-bodies.ts`).
 *
 * Kept apart (reviewed in session sixteen, issue 43): two bodies of digits
 * that each read as an instant of the run's own window, in two units (epoch
 * seconds against epoch milliseconds: `GET /time`), are each side's clock
 * written in a format of its own, not drawn ids: both are `decimal`, so
 * they would be masked as one class, and the unit, a decision (the
 * `timestamp-format` pattern's at a JSON member), hidden. They stay rule
 * 9's text (`instantKind`).
 *
 * Pure.
 */
import type { Exchange, SideOutcome } from '../../contract/model/exchange.js';
import type { TwoLooks } from './changed.js';
import { DRAWN_CLASS_WORDS, type DrawnClass, drawnAs, drawnClassOf } from './drawn-formats.js';
import { GENERATED_TOKEN } from './generated.js';
import type { RunWindow } from './stamps.js';
import { parseTimestamp, type TimestampFormat } from './timestamps.js';

/** The name a whole body's drawn id is compared under (`{{body drawn as uuid}}`). */
const BODY = 'body';

/** The methods a second look may send again: they change nothing on the server. */
const LOOKS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A whole text body read as one drawn id: its text trimmed and its class. */
interface DrawnText {
  readonly text: string;
  readonly drawn: DrawnClass;
}

/** A side's whole text body as one drawn id (trimmed), or undefined for any other answer. */
export function drawnTextOf(side: SideOutcome | undefined): DrawnText | undefined {
  if (side?.outcome !== 'response') return undefined;
  const { body } = side.response;
  if (body.kind !== 'text') return undefined;
  const text = body.text.trim();
  const drawn = drawnClassOf(text);
  return drawn === undefined ? undefined : { text, drawn };
}

/** Both sides' whole bodies as drawn ids that differ, on a safe request answered one status. */
function bothDrawn(exchange: Exchange): [DrawnText, DrawnText] | undefined {
  if (!LOOKS.has(exchange.case.request.method)) return undefined;
  const { baseline, candidate } = exchange;
  if (baseline.outcome !== 'response' || candidate.outcome !== 'response') return undefined;
  if (baseline.response.status !== candidate.response.status) return undefined;
  const [b, c] = [drawnTextOf(baseline), drawnTextOf(candidate)];
  return b === undefined || c === undefined || b.text === c.text ? undefined : [b, c];
}

/** Whether a second look could show `exchange`'s whole text bodies drawn (see the module comment). */
export function needsDrawnTextLook(exchange: Exchange): boolean {
  return bothDrawn(exchange) !== undefined;
}

/** How a side's second answer reads beside its first: another id of its class, the same, or no evidence. */
function againOf(first: DrawnText, again: SideOutcome | undefined): 'changed' | 'same' | 'against' {
  if (again === undefined) return 'same';
  const second = drawnTextOf(again);
  if (second === undefined || second.drawn !== first.drawn) return 'against';
  return second.text === first.text ? 'same' : 'changed';
}

/** The unit of a body of digits that reads as an instant of the run's window (epoch seconds or milliseconds). */
function instantKind(text: string, window: RunWindow): TimestampFormat['kind'] | undefined {
  if (!/^\d{9,13}$/.test(text)) return undefined;
  const stamp = parseTimestamp(Number(text));
  if (stamp === undefined) return undefined;
  const at = Number(stamp.nanos / 1_000_000n);
  return at >= window.from && at <= window.to ? stamp.format.kind : undefined;
}

/** True where both bodies are instants of the run's window in two units: times, not drawn ids. */
function stampedInTwoUnits(b: DrawnText, c: DrawnText, window: RunWindow | undefined): boolean {
  if (window === undefined || b.drawn !== 'decimal' || c.drawn !== 'decimal') return false;
  const [onB, onC] = [instantKind(b.text, window), instantKind(c.text, window)];
  return onB !== undefined && onC !== undefined && onB !== onC;
}

const EVIDENCE = {
  baseline: 'changed between two requests to the baseline',
  candidate: 'changed between two requests to the candidate',
  both: 'changed between two requests to each side',
} as const;

/** A side's answer with its whole text body written as `text`. */
function withText(side: SideOutcome, text: string): SideOutcome {
  if (side.outcome !== 'response' || side.response.body.kind !== 'text') return side;
  return { ...side, response: { ...side.response, body: { kind: 'text', text } } };
}

/** What `maskDrawnTexts` made of an exchange: it, and where two classes show, both sides' ids. */
export interface DrawnTexts {
  readonly exchange: Exchange;
  readonly show?: { readonly baseline: string; readonly candidate: string };
}

/**
 * `exchange` with whole text bodies that are each side's own drawn id, by
 * the second look's evidence, compared as `{{generated}}` (one class) or as
 * their classes (two), listed under `generated` with the evidence; as it was
 * where the bodies are no such ids or the second look shows nothing, and
 * where they are instants of the run's `window` in two units (see the module
 * comment).
 */
export function maskDrawnTexts(
  exchange: Exchange,
  looks: TwoLooks | undefined,
  window?: RunWindow,
): DrawnTexts {
  const both = looks === undefined ? undefined : bothDrawn(exchange);
  if (looks === undefined || both === undefined) return { exchange };
  const [b, c] = both;
  if (stampedInTwoUnits(b, c, window)) return { exchange };
  const [onB, onC] = [againOf(b, looks.again.baseline), againOf(c, looks.again.candidate)];
  if (onB === 'against' || onC === 'against' || (onB !== 'changed' && onC !== 'changed')) {
    return { exchange };
  }
  const evidence = EVIDENCE[onB === onC ? 'both' : onB === 'changed' ? 'baseline' : 'candidate'];
  const same = b.drawn === c.drawn;
  const classes = same
    ? ''
    : `, ${DRAWN_CLASS_WORDS[b.drawn]} in baseline and ${DRAWN_CLASS_WORDS[c.drawn]} in candidate`;
  const masked: Exchange = {
    ...exchange,
    baseline: withText(exchange.baseline, same ? GENERATED_TOKEN : drawnAs(BODY, b.drawn)),
    candidate: withText(exchange.candidate, same ? GENERATED_TOKEN : drawnAs(BODY, c.drawn)),
    generated: [...(exchange.generated ?? []), `/ (the whole body, ${evidence}${classes})`],
  };
  return same
    ? { exchange: masked }
    : { exchange: masked, show: { baseline: b.text, candidate: c.text } };
}
