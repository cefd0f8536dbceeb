import type { SupervisorEvent } from '../events/supervisor-event';

/** What the event is about: its session, a legacy profile's profiles, or the supervisor itself. */
function subjectKey(event: SupervisorEvent): string {
  if (event.session !== undefined && event.session !== null) return `session:${event.session}`;
  if (event.session === null) return `profiles:${(event.profiles ?? []).join(',')}`;
  return 'supervisor';
}

/**
 * Holds back a notification that a notifier already sent for the same (type, subject) within its
 * cooldown, unless the subject's state changed in between: any event of another type for the same
 * subject starts a new "generation", and a notification is only held back within one generation.
 */
export class CooldownTracker {
  private readonly states = new Map<string, { type: string; generation: number }>();
  private readonly sent = new Map<string, { at: number; generation: number }>();

  /** Records the event as its subject's latest state; call once per event, before `admit`. */
  observe(event: SupervisorEvent): number {
    const key = subjectKey(event);
    const state = this.states.get(key);
    if (state?.type === event.type) return state.generation;
    const generation = (state?.generation ?? 0) + 1;
    this.states.set(key, { type: event.type, generation });
    return generation;
  }

  /**
   * Undefined when the notification is held back. Otherwise it counts as sent, and the returned
   * function forgets it again (for a delivery that failed, so the next occurrence is not held back).
   */
  admit(
    notifier: string,
    cooldownMs: number,
    event: SupervisorEvent,
    generation: number,
    nowMs: number,
  ): (() => void) | undefined {
    // A new device-code login (another code) is news even within the cooldown; a repeat of one is not.
    const key = `${notifier}\u0000${event.type}\u0000${subjectKey(event)}\u0000${event.userCode ?? ''}`;
    const last = this.sent.get(key);
    if (last && last.generation === generation && nowMs - last.at < cooldownMs) return undefined;
    const record = { at: nowMs, generation };
    this.sent.set(key, record);
    return () => {
      if (this.sent.get(key) === record) this.sent.delete(key);
    };
  }
}
