import { describe, expect, it } from 'vitest';
import { createDeadlines } from '../../../src/execute/deadlines.js';

const waitFor = (check: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 2));
    poll();
  });

describe('createDeadlines', () => {
  it('expires a deadline once it has passed, and never one that was removed', async () => {
    const deadlines = createDeadlines(20);
    const expired: string[] = [];
    const now = performance.now();
    const late = { at: now + 5, expire: () => expired.push('late') };
    const done = { at: now + 5, expire: () => expired.push('done') };
    const far = { at: now + 60_000, expire: () => expired.push('far') };
    deadlines.add(late);
    deadlines.add(done);
    deadlines.add(far);
    deadlines.remove(done);
    await waitFor(() => expired.length > 0);
    expect(expired).toEqual(['late']);
    deadlines.remove(far);
  });
});
