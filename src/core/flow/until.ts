/**
 * A flow step's `until`: whether one side's answer meets the condition the
 * step is sent again for (its status, a value found where a capture would
 * read it, that value's text), and the condition in words. Pure.
 */

import type { Until } from '../../contract/model/case.js';
import type { SideOutcome } from '../../contract/model/exchange.js';
import { capture, describeSource } from './capture.js';

/** Whether an answer meets a step's `until`, and why not. */
export type UntilOutcome =
  | { readonly met: true }
  | { readonly met: false; readonly reason: string };

const MET: UntilOutcome = Object.freeze({ met: true });

/** Whether `answer` meets every part of `until` (a transport error meets none). */
export function untilMet(until: Until, answer: SideOutcome): UntilOutcome {
  if (answer.outcome !== 'response') {
    return { met: false, reason: `it failed in transport (${answer.error.code})` };
  }
  const { response } = answer;
  if (until.status !== undefined && response.status !== until.status) {
    return { met: false, reason: `it answered ${response.status}` };
  }
  if (until.found === undefined) return MET;
  const found = capture(until.found, response);
  if (!found.ok) return { met: false, reason: found.reason };
  if (until.equals !== undefined && found.captured.text !== until.equals) {
    return { met: false, reason: `${quoted(found.captured.text)} is not ${quoted(until.equals)}` };
  }
  return MET;
}

/** The condition in words: `status 200, json /Streams/0 equals "orders"`. */
export function describeUntil(until: Until): string {
  const parts: string[] = [];
  if (until.status !== undefined) parts.push(`status ${until.status}`);
  if (until.found !== undefined) {
    const where = describeSource(until.found);
    parts.push(
      until.equals === undefined ? `${where} found` : `${where} equals ${quoted(until.equals)}`,
    );
  }
  return parts.join(', ');
}

/** A value's text as messages show it, cut short. */
function quoted(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return JSON.stringify(cut);
}
