import { checkClock } from './check-clock';

const server = new Date('2026-11-22T09:00:00Z');
const skewed = (ms: number) => new Date(server.getTime() + ms);

describe(checkClock.name, () => {
  it('passes in step with the endpoint', () => {
    expect(checkClock(skewed(800), server)).toStrictEqual({
      status: 'pass',
      title: 'clock',
      detail: 'in step with the endpoint',
    });
  });

  it('passes a few seconds off, saying how far', () => {
    expect(checkClock(skewed(-20_000), server).detail).toBe("20s behind the endpoint's clock");
  });

  it('warns more than a minute off', () => {
    expect(checkClock(skewed(3 * 60_000), server)).toMatchObject({
      status: 'warn',
      detail: "3m ahead of the endpoint's clock",
      fix: expect.stringContaining('timedatectl set-ntp true'),
    });
  });

  it('fails more than five minutes off, where AWS rejects requests', () => {
    expect(checkClock(skewed(-2 * 3600_000), server)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^2h00m behind the endpoint's clock: AWS rejects requests/),
    });
  });

  it('warns when no endpoint gave a time to compare with', () => {
    expect(checkClock(server, undefined)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('no endpoint answered'),
    });
  });
});
