import type { SsoSession } from '../aws-config/discover-sessions';
import { cacheFilePath } from '../cache/cached-token';

/** An sso-session named `name` whose cache file lives in `cacheDir`. */
export function sampleSession(cacheDir: string, name: string): SsoSession {
  return {
    id: name,
    name,
    startUrl: 'https://d-123.awsapps.com/start',
    region: 'us-east-1',
    registrationScopes: ['sso:account:access'],
    profiles: [`${name}-dev`],
    cacheFile: cacheFilePath(cacheDir, { sessionName: name }),
    loginCommand: `aws sso login --sso-session ${name}`,
  };
}
