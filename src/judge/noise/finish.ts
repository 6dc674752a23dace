/**
 * The end of a noise-learning run: endpoint-level decisions, the mask of each
 * result they change (the assessment's `masked`, `judge/results/assessment.ts`),
 * and the report section.
 */

import type { MaskStep } from '../../contract/assessment.js';
import type { Observation } from '../../contract/observation.js';
import type { NoiseSection } from '../../contract/report.js';
import type { Redactor } from '../../core/redact/redact.js';
import type { NoiseSettings } from '../../io/config/noise-settings.js';
import { endpointNoiseMasks, noiseSection } from './post-pass.js';
import type { NoiseStep } from './step.js';

export interface FinishedNoise {
  /** By case id: the mask of the learned endpoint noise, for each result it changes. */
  readonly masked: ReadonlyMap<string, readonly MaskStep[]>;
  readonly section: NoiseSection | undefined;
}

/**
 * Mask endpoint-level noise in the results a run kept (every divergent result
 * is kept, so every result noise can change is here) and build the section;
 * without noise learning, everything passes through.
 */
export function finishNoise(input: {
  readonly step: NoiseStep;
  readonly settings: NoiseSettings;
  readonly baselineName: string;
  readonly results: readonly Observation[];
  readonly redact: Redactor;
}): FinishedNoise {
  const { settings, redact } = input;
  if (!settings.enabled) return { masked: new Map(), section: undefined };
  const entries = input.step.entries();
  const masked = endpointNoiseMasks({
    results: input.results,
    entries,
    orderOnly: input.step.orderOnly(),
    redact,
  });
  const section = noiseSection({
    source:
      settings.replica !== undefined
        ? `replica ${settings.replica.name}`
        : settings.fromRepeats === true
          ? `baseline ${input.baselineName} (its previous answer to the same read in the traffic)`
          : `baseline ${input.baselineName}`,
    thresholds: settings.thresholds,
    entries,
    flakyBaselines: input.step.flakyBaselines(),
    redact,
  });
  return { masked, section };
}
