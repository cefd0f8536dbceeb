import { handleAuthorize } from './handle-authorize';
import { handleCreateToken } from './handle-create-token';
import { handleDeviceVerification } from './handle-device-verification';
import { handleGetRoleCredentials } from './handle-get-role-credentials';
import { handleListAccountRoles } from './handle-list-account-roles';
import { handleListAccounts } from './handle-list-accounts';
import { handleRegisterClient } from './handle-register-client';
import { handleStartDeviceAuthorization } from './handle-start-device-authorization';
import type { Route } from './route';

// Paths and methods as the SDK's and botocore's models declare them for SSO OIDC and the SSO portal.
const ROUTES = new Map<string, Route>([
  ['POST /client/register', { operation: 'registerClient', service: 'oidc', handler: handleRegisterClient }],
  [
    'POST /device_authorization',
    { operation: 'startDeviceAuthorization', service: 'oidc', handler: handleStartDeviceAuthorization },
  ],
  ['POST /token', { operation: 'createToken', service: 'oidc', handler: handleCreateToken }],
  ['GET /authorize', { operation: 'authorize', service: 'oidc', handler: handleAuthorize }],
  ['GET /device', { operation: 'verifyDevice', service: 'oidc', handler: handleDeviceVerification }],
  [
    'GET /federation/credentials',
    { operation: 'getRoleCredentials', service: 'portal', handler: handleGetRoleCredentials },
  ],
  ['GET /assignment/accounts', { operation: 'listAccounts', service: 'portal', handler: handleListAccounts }],
  [
    'GET /assignment/roles',
    { operation: 'listAccountRoles', service: 'portal', handler: handleListAccountRoles },
  ],
]);

export function findRoute(method: string | undefined, pathname: string): Route | undefined {
  return ROUTES.get(`${method ?? 'GET'} ${pathname}`);
}
