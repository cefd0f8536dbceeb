/**
 * Resolves on SIGINT, SIGTERM or after `durationMs`; calls `onHangup` on SIGHUP meanwhile. Handlers are
 * removed again before it resolves, so a second Ctrl-C during shutdown gets Node's default (exit).
 */
export function waitForStop(opts: {
  durationMs?: number;
  onHangup?: () => void;
}): Promise<'signal' | 'duration'> {
  return new Promise((resolve) => {
    const hangup = () => opts.onHangup?.();
    const done = (why: 'signal' | 'duration') => () => {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', hangup);
      resolve(why);
    };
    const onSignal = done('signal');
    const timer = opts.durationMs ? setTimeout(done('duration'), opts.durationMs) : null;
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.on('SIGHUP', hangup);
  });
}
