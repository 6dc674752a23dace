/** `io.commandLoaded`: called once the command's code has loaded, before the command writes anything. */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';
import { tempProject } from '../../helpers/cli.js';

function recording(cwd: string) {
  const events: string[] = [];
  const io: Io = {
    stdout: { write: () => events.push('stdout') },
    stderr: { write: () => events.push('stderr') },
    env: {},
    cwd,
    commandLoaded: () => events.push('loaded'),
  };
  return { io, events };
}

describe('io.commandLoaded', () => {
  it('is called once, before the command writes anything', async () => {
    const cwd = await tempProject({
      'cases/one.json': JSON.stringify({
        suite: 'one',
        cases: [{ id: 'one', request: { method: 'GET', path: '/' } }],
      }),
    });
    const { io, events } = recording(cwd);
    expect(await main(['validate'], io)).toBe(0);
    expect(events[0]).toBe('loaded');
    expect(events.filter((e) => e === 'loaded')).toHaveLength(1);
    expect(events).toContain('stdout');
  });

  it('is not called when no command runs (--version, --help, a usage error)', async () => {
    const cwd = await tempProject();
    for (const argv of [['--version'], ['--help'], ['validate', '--bogus'], ['nope']]) {
      const { io, events } = recording(cwd);
      await main(argv, io);
      expect(events, argv.join(' ')).not.toContain('loaded');
    }
  });
});
