import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CredentialsFailure } from '../errors';
import type { Logger } from '../util/logger';
import { tokenMatches } from './broker-token';
import type { BrokerAnswer } from './credentials-broker';

export const CREDENTIALS_PATH = '/v1/credentials/';

/** A profile name as the AWS config allows it; anything else (`..`, `/`, `%2f`, spaces) is no profile of ours. */
const PROFILE_NAME = /^[A-Za-z0-9_.@+=,-]{1,128}$/;

export interface BrokerHandlerOptions {
  token: string;
  credentials: (profile: string) => Promise<BrokerAnswer>;
  logger: Logger;
}

/**
 * Statuses for a failure. The JS SDK's fromHttp shows `Code`/`Message` only for a 4xx, botocore shows any
 * body; neither caches a failure, so the next call asks again. A login is a person's job (424, with the
 * command), a portal outage is transient (503).
 */
const FAILURE_STATUS: Record<CredentialsFailure['kind'], number> = {
  config: 404,
  login_required: 424,
  invalid_cache: 424,
  forbidden: 403,
  throttled: 503,
  unavailable: 503,
};

const FAILURE_CODE: Record<CredentialsFailure['kind'], string> = {
  config: 'UnknownProfile',
  login_required: 'LoginRequired',
  invalid_cache: 'LoginRequired',
  forbidden: 'RoleForbidden',
  throttled: 'Throttled',
  unavailable: 'Unavailable',
};

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

const error = (res: ServerResponse, status: number, code: string, message: string, headers = {}) =>
  send(res, status, { Code: code, Message: message }, headers);

/** The profile named in the path, or null when the path is not a credentials path or the name is no name. */
export function profileFromPath(url: string | undefined): string | null | undefined {
  if (!url?.startsWith(CREDENTIALS_PATH)) return undefined;
  const rest = url.slice(CREDENTIALS_PATH.length);
  // Decoded names are not accepted: a name needing %-escapes is not one the AWS config can hold.
  return PROFILE_NAME.test(rest) && !rest.includes('..') ? rest : null;
}

/**
 * `GET /v1/credentials/<profile>` with the token in `Authorization`: the container-credentials answer.
 * Checks run cheapest first, and the token before anything that touches a profile.
 */
export function brokerHandler(options: BrokerHandlerOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const given = req.headers.authorization;
    if (given === undefined) return error(res, 401, 'Unauthorized', 'an Authorization header is required');
    if (!tokenMatches(options.token, given))
      return error(res, 403, 'Forbidden', 'the authorization token is wrong');
    if (req.method !== 'GET') {
      return error(res, 405, 'MethodNotAllowed', 'only GET is served', { allow: 'GET' });
    }
    const hasBody =
      (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0') ||
      req.headers['transfer-encoding'] !== undefined;
    if (hasBody) return error(res, 400, 'BadRequest', 'a GET carries no body', { connection: 'close' });
    const profile = profileFromPath(req.url);
    if (profile === undefined)
      return error(res, 404, 'NotFound', `the only path is ${CREDENTIALS_PATH}<profile>`);
    if (profile === null) return error(res, 404, 'UnknownProfile', 'not a profile name');
    const started = Date.now();
    options.credentials(profile).then(
      (answer) => {
        if (answer.ok) {
          const { credentials: c, profile: p } = answer;
          send(res, 200, {
            AccessKeyId: c.accessKeyId,
            SecretAccessKey: c.secretAccessKey,
            Token: c.sessionToken,
            Expiration: c.expiration.toISOString(),
            AccountId: p.accountId,
          });
          options.logger.debug('broker served credentials', { profile, ms: Date.now() - started });
          return;
        }
        const { failure } = answer;
        const status = answer.unknownProfile ? 404 : FAILURE_STATUS[failure.kind];
        error(
          res,
          status,
          answer.unknownProfile ? 'UnknownProfile' : FAILURE_CODE[failure.kind],
          failure.message,
        );
        options.logger.warn('broker could not serve credentials', {
          profile,
          status,
          problem: failure.message,
        });
      },
      (cause: unknown) => {
        error(res, 500, 'InternalError', 'the broker failed; see the daemon log');
        options.logger.error('broker failed', { profile, error: String(cause) });
      },
    );
  };
}
