import { runCli } from './testing';

/** The README's first command must keep working: the demo, briefly. */
describe('sso-supervisor demo', () => {
  it('starts the daemon on the embedded emulator, refreshes, stops cleanly and prints the final status', async () => {
    const r = await runCli(['demo', '--duration', '6'], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    const events = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l).event);
    expect(events).toEqual(
      expect.arrayContaining(['supervisor.started', 'token.refreshed', 'supervisor.stopped']),
    );
    expect(r.stdout).toMatch(/^dev +dev-app, dev-admin +\d+s +valid +\S+( ago)? +-$/m);
    expect(r.stdout).toContain('daemon not running');
    expect(r.stdout).not.toMatch(/ao[ar]_|ecs_/);
  });
});
