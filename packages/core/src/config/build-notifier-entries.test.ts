import { buildNotifierEntries } from './build-notifier-entries';

describe(buildNotifierEntries.name, () => {
  it('a desktop notifier may carry login links unless told otherwise; others only when marked', () => {
    const { entries, issues } = buildNotifierEntries([
      { name: 'desk', type: 'macos' },
      { name: 'shy', type: 'macos', private: false },
      { name: 'team', type: 'webhook', url: 'https://example.com' },
      { name: 'me', type: 'webhook', url: 'https://example.com', private: true },
    ] as Parameters<typeof buildNotifierEntries>[0]);
    expect(issues).toEqual([]);
    expect(entries.map((e) => [e.name, e.private])).toEqual([
      ['desk', true],
      ['shy', false],
      ['team', false],
      ['me', true],
    ]);
  });
});
