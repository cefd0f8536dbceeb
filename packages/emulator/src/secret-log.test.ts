import { SecretLog } from './secret-log';

describe(SecretLog.name, () => {
  it('lists secrets oldest first', () => {
    const log = new SecretLog(5);
    log.record('a', 'b');
    log.record('c');
    expect(log.list()).toEqual(['a', 'b', 'c']);
  });

  it('keeps only the newest entries once the limit is reached', () => {
    const log = new SecretLog(3);
    log.record('a', 'b', 'c', 'd', 'e');
    expect(log.list()).toEqual(['c', 'd', 'e']);
  });
});
