/**
 * Injection token for `DispatcherOverrides`; optional, the dispatcher has defaults.
 * Kept beside the dispatcher rather than in TOKENS because only the dispatcher reads it.
 */
export const DISPATCHER_OPTIONS = Symbol('DispatcherOptions');
