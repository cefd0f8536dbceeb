import { classifyCallback } from './classify-callback';

const STATE = 'good-state';
const at = (query: string, path = '/oauth/callback') =>
  classifyCallback(new URL(`http://127.0.0.1:1${path}${query}`), STATE);

describe(classifyCallback.name, () => {
  it('takes exactly code and state with this login state', () => {
    expect(at('?code=abc&state=good-state')).toEqual({ kind: 'code', code: 'abc' });
  });

  it('passes an authorize error on, with its description', () => {
    expect(at('?error=access_denied&error_description=no&state=good-state')).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'no',
    });
  });

  it.each([
    ['?code=abc&state=other', 'the state does not match this login'],
    ['?code=abc&state=good-stat', 'the state does not match this login'],
    ['?code=abc', 'the state parameter is missing'],
    ['?state=good-state', 'the code parameter is missing'],
    ['?code=&state=good-state', 'the code parameter is missing'],
    ['?code=abc&state=good-state&extra=1', 'unexpected parameter extra'],
    ['?code=abc&code=def&state=good-state', 'parameter code is given more than once'],
    ['?error=access_denied&state=good-state&code=abc', 'unexpected parameter code'],
    ['?error=access_denied&state=bad', 'the state does not match this login'],
  ])('rejects %s: %s', (query, reason) => {
    expect(at(query)).toEqual({ kind: 'rejected', reason });
  });

  it('ignores other paths', () => {
    expect(at('?code=abc&state=good-state', '/favicon.ico')).toEqual({ kind: 'not_found' });
  });
});
