/**
 * Tracks which environment variables a run read through `${env:NAME}`, so
 * their values can be scrubbed from every output.
 */
import type { Env } from '../../util/env.js';

export interface TrackedEnv {
  readonly env: Env;
  /** Secret value → the placeholder shown instead (`${env:NAME}`). */
  secrets(): Map<string, string>;
}

export function trackEnv(env: Env): TrackedEnv {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, name, receiver) {
      if (typeof name === 'string' && target[name] !== undefined) read.add(name);
      return Reflect.get(target, name, receiver);
    },
  });
  return {
    env: proxy,
    secrets: () => new Map([...read].map((name) => [env[name] ?? '', `\${env:${name}}`] as const)),
  };
}
