const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'];

/**
 * Whether an authorize request's redirect_uri is one the client registered. A loopback URI matches with
 * any port (RFC 8252 section 7.3): the AWS CLI registers `http://127.0.0.1/oauth/callback` and then sends
 * `http://127.0.0.1:PORT/oauth/callback` with the port it happens to listen on.
 */
export function matchesRedirectUri(registered: readonly string[], requested: string): boolean {
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return false;
  }
  return registered.some((candidate) => {
    if (candidate === requested) return true;
    const allowed = new URL(candidate);
    if (!LOOPBACK_HOSTS.includes(allowed.hostname) || allowed.protocol !== 'http:') return false;
    return (
      url.protocol === 'http:' &&
      url.hostname === allowed.hostname &&
      url.pathname === allowed.pathname &&
      url.search === allowed.search
    );
  });
}
