/**
 * The `noise` section of parity.config.yaml: the `--noise` switch, the replica,
 * Diffy's thresholds, and the per-endpoint noise `parity calibrate --write` learned.
 */
import * as z from 'zod';
import { rulesSpecSchema } from '../../contract/rules/schema.js';
import { once } from '../../util/once.js';

/** Learned noise of one endpoint, as rules `run` applies to every case of it. */
// Lazy as the rules schema is: built when a config's noise is first checked.
export const endpointNoiseSchema = once(() =>
  z.lazy(() =>
    rulesSpecSchema()
      .unwrap()
      .pick({ ignore: true, sortArrays: true, volatileHeaders: true })
      .describe(
        'Noise of one endpoint: paths ignored, arrays sorted, headers compared for presence',
      ),
  ),
);

/** The `noise` section's schema: built with the config's (io/config/schema.ts), on first use. */
function buildNoiseConfigSchema() {
  const fraction = z.number().min(0).max(1);
  return z
    .union([
      z.boolean().describe('true: learn noise from a second baseline call on every run (--noise)'),
      z
        .strictObject({
          enabled: z
            .boolean()
            .optional()
            .describe('Learn noise from a second baseline call on every run (like --noise)'),
          replica: z
            .string()
            .optional()
            .describe('Second instance of the baseline for that call: NAME=URL or a target name'),
          relative: fraction
            .optional()
            .describe(
              'Candidate differences at a path count only if (raw−noise)/(raw+noise) > this (default 0.2)',
            ),
          absolute: fraction
            .optional()
            .describe('… and (raw−noise)/cases of the endpoint > this (default 0.0003)'),
          endpoints: z
            .record(z.string().describe('`METHOD /path/:id`'), endpointNoiseSchema())
            .optional()
            .describe(
              'Noise per endpoint (written by `parity calibrate --write`), applied on every run',
            ),
        })
        .describe('Noise learning settings'),
    ])
    .describe('Learned noise: `true`, or settings and per-endpoint noise');
}

let built: ReturnType<typeof buildNoiseConfigSchema> | undefined;

/**
 * The `noise` section's schema. Built on first use, as the config schema that
 * holds it is: a command with no config file (a `validate` of case files)
 * never builds its 28 zod schemas.
 */
export function noiseConfigSchema(): ReturnType<typeof buildNoiseConfigSchema> {
  built ??= buildNoiseConfigSchema();
  return built;
}

export type NoiseConfig = z.infer<ReturnType<typeof noiseConfigSchema>>;
export type EndpointNoiseSpec = z.infer<ReturnType<typeof endpointNoiseSchema>>;
