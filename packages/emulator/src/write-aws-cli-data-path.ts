import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/awscli/botocore/data';
const SERVICES = ['sso-oidc', 'sso'];
const API_VERSION = '2019-06-10';

/**
 * The AWS CLI 2.9 ignores AWS_ENDPOINT_URL_*; with AWS_DATA_PATH=dir it loads these endpoint rule sets instead
 * of its own, whose single unconditional rule sends SSO OIDC and the SSO portal to `endpointUrl`.
 */
export async function writeAwsCliDataPath(dir: string, endpointUrl: string): Promise<void> {
  for (const service of SERVICES) {
    const source = join(BOTOCORE_DATA, service, API_VERSION, 'endpoint-rule-set-1.json');
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      throw new Error(
        `Cannot read ${source}: the Debian awscli package (AWS CLI v2) is not installed ` +
          `(apt-get install -y awscli). ${(error as Error).message}`,
      );
    }
    const ruleSet = JSON.parse(text) as Record<string, unknown>;
    ruleSet.rules = [
      { conditions: [], endpoint: { url: endpointUrl, properties: {}, headers: {} }, type: 'endpoint' },
    ];
    const targetDir = join(dir, service, API_VERSION);
    await mkdir(targetDir, { recursive: true });
    await writeFile(join(targetDir, 'endpoint-rule-set-1.json'), JSON.stringify(ruleSet, null, 2));
  }
}
