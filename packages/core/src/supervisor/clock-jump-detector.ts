import type { Clock } from '../util/clock';

export interface ClockJumpOptions {
  clock: Clock;
  /** A clock that does not advance while the machine sleeps (performance.now). */
  monotonic?: () => number;
  intervalMs?: number;
  toleranceMs?: number;
  onJump: (aheadMs: number) => void;
}

/**
 * Notices sleep/wake and wall-clock jumps: the wall clock moved much further than the monotonic
 * clock between two beats. Cron timers alone would wait for their next slot after a wake-up.
 */
export class ClockJumpDetector {
  private timer: NodeJS.Timeout | null = null;
  private lastWall = 0;
  private lastMono = 0;

  constructor(private readonly options: ClockJumpOptions) {}

  start(): void {
    this.mark();
    this.timer = setInterval(() => this.beat(), this.options.intervalMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One comparison; public so tests can drive it with fake clocks. */
  beat(): void {
    const wall = this.options.clock.now().getTime();
    const mono = (this.options.monotonic ?? performance.now.bind(performance))();
    const ahead = wall - this.lastWall - (mono - this.lastMono);
    this.mark(wall, mono);
    if (Math.abs(ahead) > (this.options.toleranceMs ?? 30000)) this.options.onJump(ahead);
  }

  private mark(
    wall = this.options.clock.now().getTime(),
    mono = (this.options.monotonic ?? performance.now.bind(performance))(),
  ): void {
    this.lastWall = wall;
    this.lastMono = mono;
  }
}
