import { sampleToken } from '../test-support/sample-token';
import { reusableRegistration } from './device-auth-client';

const NOW = new Date('2026-11-22T09:00:00Z');
const DAY = 86_400_000;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe(reusableRegistration.name, () => {
  it('takes the cached registration with more than the margin left', () => {
    const token = sampleToken(NOW, { registrationExpiresAt: at(DAY + 1000) });
    expect(reusableRegistration(token, 'us-east-1', NOW, DAY)).toEqual({
      clientId: token.clientId,
      clientSecret: token.clientSecret,
      registrationExpiresAt: token.registrationExpiresAt,
    });
  });

  it('renews one with the margin or less left', () => {
    const token = sampleToken(NOW, { registrationExpiresAt: at(DAY) });
    expect(reusableRegistration(token, 'us-east-1', NOW, DAY)).toBeUndefined();
    expect(reusableRegistration(token, 'us-east-1', NOW, DAY - 1)).toBeDefined();
  });

  it('renews one that is incomplete, from another region, or absent', () => {
    const far = { registrationExpiresAt: at(30 * DAY) };
    expect(
      reusableRegistration(sampleToken(NOW, { ...far, clientSecret: undefined }), 'us-east-1', NOW, DAY),
    ).toBeUndefined();
    expect(reusableRegistration(sampleToken(NOW, far), 'eu-west-1', NOW, DAY)).toBeUndefined();
    expect(reusableRegistration(undefined, 'us-east-1', NOW, DAY)).toBeUndefined();
  });

  it('takes one from a file that names no region, as the JS SDK may write it', () => {
    const token = sampleToken(NOW, { region: undefined, registrationExpiresAt: at(30 * DAY) });
    expect(reusableRegistration(token, 'eu-west-1', NOW, DAY)?.clientId).toBe(token.clientId);
  });
});
