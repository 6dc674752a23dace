/**
 * A/A calibration without a candidate: each exchange holds two answers of the
 * baseline (`baseline` and `candidate` are both the old runtime), and what
 * differs between them is learned. Pure apart from its own tally.
 */

import type { Exchange } from '../../contract/model/exchange.js';
import type { FlakyBaseline } from '../../contract/observation.js';
import type { NoiseEntry, NoiseThresholds } from '../../contract/report.js';
import { requestEndpoint } from '../../core/compare/endpoint.js';
import { maskVolatileHeaders } from '../headers.js';
import { learnCase } from './learn.js';
import { createNoiseTally } from './stats.js';

export interface FlakyCase {
  readonly caseId: string;
  readonly endpoint: string;
  readonly flaky: FlakyBaseline;
}

export interface Calibration {
  /** Learn from one A/A exchange. */
  add(exchange: Exchange): void;
  /** Every noisy path per endpoint (with no candidate, all are decided `noise`). */
  entries(thresholds: NoiseThresholds): NoiseEntry[];
  flaky(): FlakyCase[];
  /** Exchanges whose first baseline call failed in transport. */
  readonly failed: () => number;
}

export function createCalibration(): Calibration {
  const tally = createNoiseTally();
  const flaky: FlakyCase[] = [];
  let failed = 0;
  return {
    add(raw) {
      const exchange = maskVolatileHeaders(raw);
      if (exchange.baseline.outcome === 'transport-error') failed++;
      const { request } = exchange.case;
      const endpoint = requestEndpoint(request);
      const learned = learnCase(exchange.case.rules, exchange.baseline, exchange.candidate);
      tally.record({ endpoint, findings: learned.findings });
      if (learned.flaky !== undefined) {
        flaky.push({ caseId: exchange.case.id, endpoint, flaky: learned.flaky });
      }
    },
    entries: (thresholds) => tally.entries(thresholds),
    flaky: () => [...flaky].sort((a, b) => (a.caseId < b.caseId ? -1 : 1)),
    failed: () => failed,
  };
}
