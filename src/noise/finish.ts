/**
 * The end of a noise-learning run: endpoint-level decisions, the results they
 * change, the summary adjusted to match, and the report section.
 */

import type { Redactor } from '../redact/redact.js';
import { adjustSummary, type RunSummary } from '../results/summary.js';
import type { CaseResult } from '../results/types.js';
import { applyEndpointNoise, noiseSection } from './post-pass.js';
import type { NoiseSettings } from './settings.js';
import type { NoiseStep } from './step.js';
import type { NoiseSection } from './types.js';

export interface FinishedNoise {
  readonly results: CaseResult[];
  readonly summary: RunSummary;
  readonly section: NoiseSection | undefined;
}

/**
 * Apply endpoint-level noise to the results a run kept (every divergent result
 * is kept, so every result noise can change is here) and build the section;
 * without noise learning, everything passes through.
 */
export function finishNoise(input: {
  readonly step: NoiseStep;
  readonly settings: NoiseSettings;
  readonly baselineName: string;
  readonly results: readonly CaseResult[];
  readonly summary: RunSummary;
  readonly redact: Redactor;
}): FinishedNoise {
  const { settings, redact } = input;
  if (!settings.enabled) {
    return { results: [...input.results], summary: input.summary, section: undefined };
  }
  const entries = input.step.entries();
  const results = applyEndpointNoise({
    results: input.results,
    entries,
    orderOnly: input.step.orderOnly(),
    redact,
  });
  const section = noiseSection({
    source:
      settings.replica === undefined
        ? `baseline ${input.baselineName}`
        : `replica ${settings.replica.name}`,
    thresholds: settings.thresholds,
    entries,
    flakyBaselines: input.step.flakyBaselines(),
    redact,
  });
  const summary = {
    ...adjustSummary(input.summary, input.results, results),
    flakyBaselines: section.flakyBaselines.length,
  };
  return { results, summary, section };
}
