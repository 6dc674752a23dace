/**
 * One line per root cause, in the targets' names: what a written case's
 * description says and what the summary lists. Pure.
 */
import { STOPS_ANSWERING } from './crash.js';
import type { FuzzCause, SideOutcomeLabel } from './root-cause.js';

/** The two targets' names. */
export interface SideNames {
  readonly baseline: string;
  readonly candidate: string;
}

const answer = (label: SideOutcomeLabel) =>
  typeof label === 'number' ? `answers ${label}` : `fails (${label})`;

/**
 * `rust rejects (400) what go accepts (200) at POST /v1/validate`,
 * `rust answers 422, go answers 400 at …`, or the pattern's title at the endpoint.
 */
export function explainRootCause(cause: FuzzCause, names: SideNames): string {
  const { baseline: b, candidate: c, endpoint } = cause;
  switch (cause.group) {
    case 'crash': {
      const down = (['baseline', 'candidate'] as const).filter(
        (side) => cause[side] === STOPS_ANSWERING,
      );
      const who = down.map((side) => names[side]).join(' and ');
      return `${who} ${down.length === 2 ? 'stop' : 'stops'} answering after an input to ${endpoint}`;
    }
    case 'input-acceptance': {
      const baselineRejects = typeof b === 'number' && b >= 400;
      const [rejecting, rejected, accepting, accepted] = baselineRejects
        ? [names.baseline, b, names.candidate, c]
        : [names.candidate, c, names.baseline, b];
      return `${rejecting} rejects (${rejected}) what ${accepting} accepts (${accepted}) at ${endpoint}`;
    }
    case 'status-mapping':
    case 'server-error':
      return `${names.baseline} ${answer(b)}, ${names.candidate} ${answer(c)} at ${endpoint}`;
    case 'error-envelope':
    case 'response-body':
    case 'headers': {
      // A finding's summary may name its endpoint already (a residual change).
      const where = cause.title.includes(endpoint) ? '' : ` at ${endpoint}`;
      const answers =
        b === c ? `both answer ${b}` : `${names.baseline} ${b}, ${names.candidate} ${c}`;
      return `${cause.title} (${answers})${where}`;
    }
    default: {
      const never: never = cause.group;
      throw new Error(`unknown group ${String(never)}`);
    }
  }
}
