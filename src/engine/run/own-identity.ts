/**
 * A server's own identity, once every answer is in
 * (`core/normalise/own-identity.ts`): a result whose value changes sit at a
 * member naming the answering process or installation (its version, working
 * directory, host, pid, start time, counters), with the same shape on both
 * sides, in no request of the run and one value per side across it, gets a
 * masking of those places with that evidence (`generated`), as the same pairs
 * found again do (`same-pairs.ts`): a reader sees it judged again without
 * them, the places listed under its `generated` with the evidence and no
 * longer under its `unsettled`.
 *
 * Then the same two values again: an id-like pair found so (a release
 * version: `3.1.15` against `4.1.15` at `/version`) is each side's own
 * wherever else the two sides answer it at one place, at a member of any
 * name and in a list's records too (every node set a module lists carries
 * the installation's version; a `modules` map names it under the module's
 * name), as a pair found generated is (`same-pairs.ts`). Pure.
 */

import type { Observation } from '../../contract/observation.js';
import { idFormat } from '../../core/normalise/generated.js';
import {
  type OwnIdentity,
  versionCallName,
  versionText,
} from '../../core/normalise/own-identity.js';
import { createSamePairs } from '../../core/normalise/same-pairs.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { Masking } from '../../judge/results/judged-again.js';
import { type JudgedChange, maskGenerated } from './generated-masking.js';
import { maskSamePairs } from './same-pairs.js';

/** `masking` with a step for each result whose value changes are each side's own identity. */
export function maskOwnIdentity(input: {
  readonly results: readonly Observation[];
  readonly identity: OwnIdentity;
  /** The run's maskings so far. */
  readonly masking: Masking;
  readonly redact: Redactor;
}): Masking {
  const pairs = createSamePairs();
  const calls = versionCalls(input);
  const masking = maskGenerated(input, (change, current) => {
    const { baseline, candidate, path } = change;
    const found =
      input.identity.evidenceOf(path, baseline, candidate) ??
      calls.evidenceOf(change, current, input.identity);
    // Only id-like pairs are found again: a number or a word two places share by chance.
    if (
      found !== undefined &&
      idFormat(baseline) !== undefined &&
      idFormat(candidate) !== undefined
    ) {
      pairs.addProven({
        baseline: String(baseline),
        candidate: String(candidate),
        caseId: current.caseId,
        path,
      });
    }
    return found;
  });
  return maskSamePairs({ results: input.results, pairs, masking, redact: input.redact });
}

/** The operation an endpoint names (`POST / web3_clientVersion` → `web3_clientVersion`), else its path's last segment. */
function operationOf(endpoint: string): string {
  const [, path = '', operation] = endpoint.split(' ');
  return operation ?? path.split('/').at(-1) ?? '';
}

/**
 * Where an answer holds the call's one value: the whole body, or a JSON-RPC
 * answer's `result` (`{"jsonrpc": "2.0", "id": 1, "result": …}`).
 */
function callValueAt(path: string, result: Observation): boolean {
  if (path === '') return true;
  if (path !== '/result') return false;
  const body = result.bodies?.baseline;
  return body !== null && typeof body === 'object' && !Array.isArray(body) && 'jsonrpc' in body;
}

/**
 * A server's version answered to a call that asks for it: the value a call
 * named for the server's own version (`web3_clientVersion`, `GET /version`:
 * `versionCallName`) answers alone (its whole body, or a JSON-RPC `result`)
 * is that side's own when both sides answer a version text
 * (`EthereumJS TestRPC/v2.13.2/ethereum-js` against
 * `Ganache/v7.9.2/EthereumJS TestRPC/v7.9.2/ethereum-js`: `versionText`), in
 * no request of the run, and one value per side across the endpoint's answers
 * that differ. A version text against a word, a protocol's or an API's
 * version, or a call answering two versions on one side stays a divergence.
 */
function versionCalls(input: {
  readonly results: readonly Observation[];
  readonly masking: { of(result: Observation): Observation };
}) {
  // endpoint → each side's distinct values at the call's value.
  const seen = new Map<string, [Set<string>, Set<string>]>();
  for (const result of input.results) {
    const current = input.masking.of(result);
    if (current.verdict !== 'divergent' || !versionCallName(operationOf(current.endpoint)))
      continue;
    for (const change of current.changes) {
      if (change.op !== 'value' || !callValueAt(change.path, current)) continue;
      const sides = seen.get(current.endpoint) ?? [new Set<string>(), new Set<string>()];
      sides[0].add(JSON.stringify(change.baseline));
      sides[1].add(JSON.stringify(change.candidate));
      seen.set(current.endpoint, sides);
    }
  }
  return {
    evidenceOf(change: JudgedChange, current: Observation, identity: OwnIdentity) {
      const { baseline, candidate, path } = change;
      const sides = seen.get(current.endpoint);
      if (sides === undefined || change.op !== 'value' || !callValueAt(path, current)) {
        return undefined;
      }
      if (!versionText(baseline) || !versionText(candidate)) return undefined;
      if (sides[0].size > 1 || sides[1].size > 1) return undefined;
      if (identity.asked(baseline) || identity.asked(candidate)) return undefined;
      return `the server's own version, answered to a call that asks for it (${operationOf(current.endpoint)}): a version text on both sides, in no request of the run`;
    },
  };
}
