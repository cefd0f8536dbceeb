import { systemClock } from '../util/clock';
import { ClockJumpDetector, type ClockJumpOptions } from './clock-jump-detector';

/** A wall clock and a monotonic clock the test moves by hand. */
function fakeClocks() {
  let wall = Date.parse('2026-11-22T09:00:00Z');
  let mono = 1_000;
  return {
    clock: { now: () => new Date(wall) },
    monotonic: () => mono,
    /** Time passes normally: both clocks move. */
    pass(ms: number) {
      wall += ms;
      mono += ms;
    },
    /** The wall clock alone moves: sleep, or someone set the time. */
    jump(ms: number) {
      wall += ms;
    },
  };
}

function detector(extra: Partial<ClockJumpOptions> = {}) {
  const clocks = fakeClocks();
  const onJump = jest.fn<void, [number]>();
  const d = new ClockJumpDetector({ clock: clocks.clock, monotonic: clocks.monotonic, onJump, ...extra });
  return { d, clocks, onJump };
}

describe(ClockJumpDetector.name, () => {
  let running: ClockJumpDetector | undefined;
  afterEach(() => {
    running?.stop();
    running = undefined;
    jest.useRealTimers();
  });

  it('stays quiet while both clocks move together, drift within the tolerance included', () => {
    const { d, clocks, onJump } = detector();
    running = d;
    d.start();
    for (let i = 0; i < 5; i++) {
      clocks.pass(5_000);
      d.beat();
    }
    clocks.pass(5_000);
    clocks.jump(29_000);
    d.beat();
    expect(onJump).not.toHaveBeenCalled();
  });

  it('reports a forward jump past the tolerance once, with how far the wall clock ran ahead', () => {
    const { d, clocks, onJump } = detector();
    running = d;
    d.start();
    clocks.pass(5_000);
    clocks.jump(3 * 3_600_000);
    d.beat();
    clocks.pass(5_000);
    d.beat();
    expect(onJump).toHaveBeenCalledTimes(1);
    expect(onJump).toHaveBeenCalledWith(3 * 3_600_000);
  });

  it('reports a backward jump as a negative amount', () => {
    const { d, clocks, onJump } = detector();
    running = d;
    d.start();
    clocks.pass(5_000);
    clocks.jump(-3_600_000);
    d.beat();
    expect(onJump.mock.calls).toEqual([[-3_600_000]]);
  });

  it('honours a given tolerance', () => {
    const { d, clocks, onJump } = detector({ toleranceMs: 1_000 });
    running = d;
    d.start();
    clocks.jump(900);
    d.beat();
    expect(onJump).not.toHaveBeenCalled();
    clocks.jump(1_500);
    d.beat();
    expect(onJump.mock.calls).toEqual([[1_500]]);
  });

  it('beats on its interval until stopped, and leaves no timer behind', () => {
    jest.useFakeTimers();
    const { d, clocks, onJump } = detector({ intervalMs: 1_000 });
    running = d;
    d.start();
    clocks.jump(60_000);
    jest.advanceTimersByTime(999);
    expect(onJump).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(onJump.mock.calls).toEqual([[60_000]]);
    d.stop();
    expect(jest.getTimerCount()).toBe(0);
    clocks.jump(60_000);
    jest.advanceTimersByTime(10_000);
    expect(onJump).toHaveBeenCalledTimes(1);
  });

  it('uses performance.now when no monotonic clock is given', () => {
    const onJump = jest.fn();
    const d = new ClockJumpDetector({ clock: systemClock, onJump, toleranceMs: 1_000 });
    running = d;
    d.start();
    d.beat();
    expect(onJump).not.toHaveBeenCalled();
  });
});
