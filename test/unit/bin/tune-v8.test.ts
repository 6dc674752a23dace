/**
 * The V8 flags bin/parity.js sets for a CLI run: a flag the user gave Node is
 * theirs, and the first-second JIT setting only applies to Node 20's V8.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface FlagPlan {
  readonly start: string[];
  readonly capYoungGeneration: boolean;
  readonly afterFirstSecond: string | undefined;
}
type PlanFlags = (node: { execArgv: string[]; nodeOptions: string; v8Version: string }) => FlagPlan;

const module = fileURLToPath(new URL('../../../bin/tune-v8.js', import.meta.url));
const { planFlags } = (await import(module)) as { planFlags: PlanFlags };
const NODE_20 = '11.3.244.8-node.38';

describe('planFlags', () => {
  it('sets every tuning on Node 20 when the user set none', () => {
    const plan = planFlags({ execArgv: [], nodeOptions: '', v8Version: NODE_20 });
    expect(plan.start).toEqual([
      '--liftoff-only',
      '--no-allocation-site-pretenuring',
      '--semi-space-growth-factor=2',
      '--interrupt-budget=270336',
    ]);
    expect(plan.capYoungGeneration).toBe(true);
    expect(plan.afterFirstSecond).toBe('--interrupt-budget=67584');
  });

  it('leaves the interrupt budget alone on another V8 (its default differs)', () => {
    const plan = planFlags({ execArgv: [], nodeOptions: '', v8Version: '12.4.254.21-node.33' });
    expect(plan.start.some((flag) => flag.startsWith('--interrupt-budget'))).toBe(false);
    expect(plan.afterFirstSecond).toBeUndefined();
  });

  it('leaves a flag the user gave Node, on its command line or in NODE_OPTIONS, to them', () => {
    const plan = planFlags({
      execArgv: ['--max-semi-space-size=64', '--interrupt_budget=1000'],
      nodeOptions: '--allocation-site-pretenuring --enable-source-maps',
      v8Version: NODE_20,
    });
    expect(plan.start).toEqual(['--liftoff-only']);
    expect(plan.capYoungGeneration).toBe(false);
    expect(plan.afterFirstSecond).toBeUndefined();
  });
});
