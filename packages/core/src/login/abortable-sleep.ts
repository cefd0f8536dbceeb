import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`; rejects as soon as `signal` aborts. Injected so tests can poll without waiting. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });
