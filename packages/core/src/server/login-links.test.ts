import { LoginLinks } from './login-links';

describe(LoginLinks.name, () => {
  let now = 0;
  const links = () => new LoginLinks(() => now);

  it('a token works once, for its session, until it expires', () => {
    const store = links();
    now = 1000;
    const token = store.mint('corp', 60_000);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(store.redeem('dev', token)).toBe('unknown');
    expect(store.redeem('corp', `${token}x`)).toBe('unknown');
    expect(store.redeem('corp', token)).toBe('valid');
    expect(store.redeem('corp', token)).toBe('used');
    const late = store.mint('corp', 60_000);
    now += 60_000;
    expect(store.redeem('corp', late)).toBe('expired');
  });

  it('a restored session spends every link it had; another session keeps its own', () => {
    const store = links();
    const a = store.mint('corp', 60_000);
    const b = store.mint('dev', 60_000);
    store.spendAll('corp');
    expect(store.redeem('corp', a)).toBe('used');
    expect(store.redeem('dev', b)).toBe('valid');
  });

  it('keeps the newest eight links per session', () => {
    const store = links();
    const tokens = Array.from({ length: 9 }, () => store.mint('corp', 60_000));
    expect(store.redeem('corp', tokens[0])).toBe('unknown');
    expect(store.redeem('corp', tokens[8])).toBe('valid');
  });
});
