import { describe, expect, it } from 'vitest';
import { NO_NOISE } from '../../../../src/io/config/noise-settings.js';
import { type ConfigFlags, resolveConfig } from '../../../../src/io/config/resolve.js';
import type { RunConfig } from '../../../../src/io/config/targets.js';
import { openClients } from '../../../../src/io/http/clients.js';
import { inFlightLimit } from '../../../../src/io/http/in-flight.js';

const target = (name: string) => ({ name, url: new URL('http://127.0.0.1:9'), headers: [] });

function runConfig(flags: ConfigFlags): RunConfig {
  return {
    ...resolveConfig({ config: {}, file: undefined }, flags, '/nowhere'),
    baseline: target('a'),
    candidate: target('b'),
    noise: NO_NOISE,
  };
}

describe("a run's clients", () => {
  it('share one bound on body bytes in flight, sized from the body cap and the concurrency', async () => {
    const config = runConfig({ concurrency: 4 });
    const clients = openClients(config);
    expect(clients.inFlight.limit).toBe(inFlightLimit(config.bodyCapBytes, 4));
    await clients.close();
  });

  it('only count with --max-in-flight: a waiting answer would hold a slot the oldest case may need', async () => {
    const clients = openClients(runConfig({ concurrency: 4, maxInFlight: 2 }));
    expect(clients.inFlight.limit).toBe(Number.POSITIVE_INFINITY);
    await clients.close();
  });
});
