import type { Fault } from './fault';
import type { FaultTarget } from './fault-target';

/** Injected faults, served in the order injected to the first matching requests. */
export class FaultQueue {
  private entries: { target: FaultTarget; fault: Fault; remaining: number }[] = [];

  add(target: FaultTarget, fault: Fault, times: number): void {
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`times must be a positive integer, got ${times}`);
    this.entries.push({ target, fault, remaining: times });
  }

  take(operation: string): Fault | undefined {
    const entry = this.entries.find((e) => e.target === operation || e.target === '*');
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.fault;
  }

  clear(): void {
    this.entries = [];
  }
}
