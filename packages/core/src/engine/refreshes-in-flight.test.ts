import { setTimeout as sleep } from 'node:timers/promises';
import {
  finishRefreshesInFlight,
  refreshesInFlight,
  trackRefresh,
  whenNoRefreshInFlight,
} from './refreshes-in-flight';

describe('refreshes in flight', () => {
  it('lists a call until it is done, and resolves the idle wait then', async () => {
    const call = trackRefresh('corp', 15_000, () => {
      throw new Error('not cut off');
    });
    expect(refreshesInFlight()).toEqual([{ session: 'corp', timeoutMs: 15_000 }]);
    let idle = false;
    void whenNoRefreshInFlight().then(() => (idle = true));
    await sleep(10);
    expect(idle).toBe(false);
    call.done();
    await sleep(0);
    expect(idle).toBe(true);
    expect(refreshesInFlight()).toEqual([]);
  });

  it('cuts a call off only once its timeout has passed after the stop, never before the stop', async () => {
    let aborted = 0;
    const call = trackRefresh('corp', 50, () => aborted++);
    await sleep(80);
    expect(aborted).toBe(0);
    finishRefreshesInFlight();
    finishRefreshesInFlight();
    await sleep(20);
    expect(aborted).toBe(0);
    await sleep(60);
    expect(aborted).toBe(1);
    call.done();
  });

  it('does not cut off a call that ended in time', async () => {
    let aborted = 0;
    const call = trackRefresh('corp', 30, () => aborted++);
    call.finishBy();
    call.done();
    await sleep(60);
    expect(aborted).toBe(0);
  });
});
