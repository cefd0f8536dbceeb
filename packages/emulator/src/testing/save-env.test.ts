import { saveEnv } from './save-env';

describe('saveEnv', () => {
  it('removes added variables and restores changed and deleted ones', () => {
    process.env.SAVE_ENV_KEPT = 'before';
    process.env.SAVE_ENV_GONE = 'before';
    const restore = saveEnv();
    process.env.SAVE_ENV_KEPT = 'after';
    process.env.SAVE_ENV_ADDED = 'after';
    delete process.env.SAVE_ENV_GONE;
    restore();
    expect(process.env.SAVE_ENV_KEPT).toBe('before');
    expect(process.env.SAVE_ENV_GONE).toBe('before');
    expect('SAVE_ENV_ADDED' in process.env).toBe(false);
    delete process.env.SAVE_ENV_KEPT;
    delete process.env.SAVE_ENV_GONE;
  });

  it('puts back the original object when a test replaced process.env', () => {
    const original = process.env;
    const restore = saveEnv();
    process.env = { ONLY: 'this' };
    restore();
    expect(process.env).toBe(original);
    expect(process.env.ONLY).toBeUndefined();
  });
});
