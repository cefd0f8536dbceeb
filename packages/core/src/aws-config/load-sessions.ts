import { discoverSessions, type DiscoveredSessions } from './discover-sessions';
import { readAwsConfig } from './read-aws-config';

/** Reads the AWS config and groups its SSO profiles into sessions, with findings for what is wrong. */
export async function loadSessions(awsConfigFile: string, cacheDir: string): Promise<DiscoveredSessions> {
  return discoverSessions(await readAwsConfig(awsConfigFile), awsConfigFile, cacheDir);
}
