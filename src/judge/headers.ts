/**
 * Volatile headers: values that change on every response (dates, request and
 * trace ids, timings) are compared for presence only, as Keploy's flaky
 * header list does. Applied to an exchange before it is judged.
 */
import type { Exchange, Response, SideOutcome } from '../contract/model/exchange.js';
import type { Rules } from '../contract/rules/types.js';
import { VOLATILE_HEADERS } from '../contract/rules/volatile-headers.js';

/** What a volatile header's value is replaced with before comparing. */
export const PRESENT = '(present)';

const volatileByRules = new WeakMap<Rules, ReadonlySet<string>>();

/**
 * The volatile header names that matter for a case: its rules' list (or the
 * defaults) among the allow-listed headers, since no other header is compared.
 * Cached per rules object (cases of a file share one): this runs per exchange.
 */
export function volatileHeadersOf(rules: Rules): ReadonlySet<string> {
  let names = volatileByRules.get(rules);
  if (names === undefined) {
    const volatile = new Set(rules.volatileHeaders ?? VOLATILE_HEADERS);
    names = new Set(rules.headers.filter((name) => volatile.has(name)));
    volatileByRules.set(rules, names);
  }
  return names;
}

function maskResponse(response: Response, names: ReadonlySet<string>): Response {
  let changed = false;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    const volatile = names.has(name.toLowerCase());
    changed ||= volatile;
    headers[name] = volatile ? PRESENT : value;
  }
  return changed ? { ...response, headers } : response;
}

/** One side with its volatile header values replaced by {@link PRESENT}. */
export function maskVolatileSide(side: SideOutcome, names: ReadonlySet<string>): SideOutcome {
  if (side.outcome !== 'response' || names.size === 0) return side;
  const response = maskResponse(side.response, names);
  return response === side.response ? side : { outcome: 'response', response };
}

/**
 * The exchange with volatile header values replaced on every side, so an
 * allow-listed `date` or `x-request-id` diverges only when one side lacks it.
 */
export function maskVolatileHeaders(exchange: Exchange): Exchange {
  const names = volatileHeadersOf(exchange.case.rules);
  if (names.size === 0) return exchange;
  const { replica } = exchange;
  return {
    ...exchange,
    baseline: maskVolatileSide(exchange.baseline, names),
    candidate: maskVolatileSide(exchange.candidate, names),
    ...(replica === undefined ? {} : { replica: maskVolatileSide(replica, names) }),
  };
}
