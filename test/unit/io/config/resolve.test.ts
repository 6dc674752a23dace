/** The one config resolver: flags over the file over the defaults; targets only when a command sends. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, resolveConfig } from '../../../../src/io/config/resolve.js';
import { type ConfigInput, configSchema } from '../../../../src/io/config/schema.js';
import { resolveTargets } from '../../../../src/io/config/targets.js';
import { ParityError } from '../../../../src/util/errors.js';

const CWD = '/work/project';

const FILE: ConfigInput = configSchema().parse({
  targets: {
    rust: { url: 'http://127.0.0.1:3100', headers: { authorization: 'Bearer x' } },
    go: { url: 'http://127.0.0.1:4110' },
    rust2: { url: 'http://127.0.0.1:3101' },
  },
  baseline: 'rust',
  candidate: 'go',
  cases: ['library'],
  tracker: 'docs/T.md',
  reports: 'out',
  concurrency: 4,
  rate: 10,
  maxInFlight: 2,
  timeoutMs: 500,
  retries: 1,
  bodyCapBytes: 4096,
  failOn: 'any',
  failOnEncoding: true,
  noise: { replica: 'rust2', relative: 0.5 },
});

const loaded = (config: ConfigInput, file?: string) => ({ config, file });

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ParityError && error.code === 'PARITY_USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('resolveConfig', () => {
  it('fills every default when there is neither file nor flag, with absolute paths', () => {
    expect(resolveConfig(loaded({}), {}, CWD)).toEqual({
      cwd: CWD,
      configFile: join(CWD, DEFAULTS.config),
      casePaths: [join(CWD, 'cases')],
      rules: undefined,
      serial: undefined,
      sideEffects: false,
      trackerPath: join(CWD, DEFAULTS.tracker),
      reportsDir: join(CWD, 'reports'),
      concurrency: 8,
      rate: undefined,
      maxInFlight: undefined,
      timeoutMs: 10_000,
      retries: 0,
      secondLook: 100,
      secondLookBytes: 1024 * 1024,
      bodyCapBytes: 16 * 1024 * 1024,
      bodyBudget: { nodes: 1_000_000, depth: 256 },
      failOn: 'open',
      failOnEncoding: false,
      targets: {
        configured: {},
        baseline: undefined,
        candidate: undefined,
        noise: { section: undefined, enabled: undefined, replica: undefined },
      },
    });
  });

  it('takes the file over the defaults', () => {
    const config = resolveConfig(loaded(FILE, 'parity.config.json'), {}, CWD);
    expect(config).toMatchObject({
      configFile: join(CWD, 'parity.config.json'),
      casePaths: [join(CWD, 'library')],
      trackerPath: join(CWD, 'docs/T.md'),
      reportsDir: join(CWD, 'out'),
      concurrency: 4,
      rate: 10,
      maxInFlight: 2,
      timeoutMs: 500,
      retries: 1,
      bodyCapBytes: 4096,
      failOn: 'any',
      failOnEncoding: true,
    });
    expect(config.targets).toMatchObject({ baseline: 'rust', candidate: 'go' });
  });

  it('takes the flags over the file', () => {
    const flags = {
      cases: ['other'],
      tracker: false,
      reports: 'elsewhere',
      concurrency: 16,
      rate: 1,
      maxInFlight: 1,
      timeoutMs: 50,
      retries: 0,
      failOn: 'none',
      baseline: 'a=http://127.0.0.1:1',
      candidate: 'go',
    } as const;
    const config = resolveConfig(loaded(FILE, 'parity.config.json'), flags, CWD);
    expect(config).toMatchObject({
      casePaths: [join(CWD, 'other')],
      trackerPath: undefined,
      reportsDir: join(CWD, 'elsewhere'),
      concurrency: 16,
      rate: 1,
      maxInFlight: 1,
      timeoutMs: 50,
      retries: 0,
      failOn: 'none',
      // A switch can only turn a setting on: the file's `true` stands.
      failOnEncoding: true,
    });
    expect(config.targets).toMatchObject({ baseline: 'a=http://127.0.0.1:1', candidate: 'go' });
  });

  it('treats empty case operands as none given, and names the config file it would create', () => {
    const config = resolveConfig(loaded({}), { cases: [], config: 'ci/parity.yaml' }, CWD);
    expect(config.casePaths).toEqual([join(CWD, 'cases')]);
    expect(config.configFile).toBe(join(CWD, 'ci/parity.yaml'));
  });

  it('resolves for commands that send nothing, without any target', () => {
    expect(() => resolveConfig(loaded({ noise: { replica: 'nowhere' } }), {}, CWD)).not.toThrow();
  });
});

describe('resolveTargets', () => {
  it('parses configured names and NAME=URL, with the configured headers', () => {
    const config = resolveConfig(loaded(FILE), { candidate: 'rust2' }, CWD);
    const { baseline, candidate, noise } = resolveTargets(config, 'baseline+candidate');
    expect(baseline).toEqual({
      name: 'rust',
      url: new URL('http://127.0.0.1:3100'),
      headers: [['authorization', 'Bearer x']],
    });
    expect(candidate.name).toBe('rust2');
    expect(noise.replica?.url.href).toBe('http://127.0.0.1:3101/');
    expect(noise.thresholds.relative).toBe(0.5);
    const inline = resolveConfig(loaded(FILE), { baseline: 'rust=http://10.0.0.1:9' }, CWD);
    expect(resolveTargets(inline, 'baseline').baseline).toMatchObject({
      url: new URL('http://10.0.0.1:9'),
      headers: [['authorization', 'Bearer x']],
    });
  });

  it('asks for the target a command lacks, as a usage error', () => {
    const none = resolveConfig(loaded({}), {}, CWD);
    expect(usageError(() => resolveTargets(none, 'baseline'))).toContain(
      'no baseline target: pass --baseline NAME=URL',
    );
    const baselineOnly = resolveConfig(loaded({}), { baseline: 'a=http://127.0.0.1:1' }, CWD);
    expect(resolveTargets(baselineOnly, 'baseline').baseline.name).toBe('a');
    expect(usageError(() => resolveTargets(baselineOnly, 'baseline+candidate'))).toContain(
      'no candidate target: pass --candidate NAME=URL',
    );
  });

  it('refuses unknown names, bad URLs and two targets of one name', () => {
    const refuse = (flags: { baseline?: string; candidate?: string }) =>
      usageError(() =>
        resolveTargets(resolveConfig(loaded(FILE), flags, CWD), 'baseline+candidate'),
      );
    expect(refuse({ baseline: 'python' })).toBe(
      '--baseline python: no such target (configured: rust, go, rust2); use NAME=URL to define one',
    );
    expect(refuse({ candidate: 'go=ftp://x' })).toContain('use http:// or https://');
    expect(refuse({ candidate: 'rust' })).toContain('both named "rust"');
  });
});
