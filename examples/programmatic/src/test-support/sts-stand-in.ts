import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StsStandIn {
  url: string;
  /** Send both the SSO portal and STS here: the portal is passed through to the emulator and watched. */
  env: { AWS_ENDPOINT_URL_SSO: string; AWS_ENDPOINT_URL_STS: string };
  /** GetCallerIdentity calls signed with live role credentials. */
  accepted: number;
  /** Why each refused call was refused. */
  rejected: string[];
  close(): Promise<void>;
}

interface Issued {
  sessionToken: string;
  expiration: number;
}

const IDENTITY = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<GetCallerIdentityResult><Arn>arn:aws:sts::ACCOUNT:assumed-role/ROLE/long-job</Arn><UserId>AROAEXAMPLE:long-job</UserId><Account>ACCOUNT</Account></GetCallerIdentityResult>
<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

const refusal = (code: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${code}</Message></Error><RequestId>1</RequestId></ErrorResponse>`;

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * A stand-in for STS that accepts GetCallerIdentity only when it is signed with role credentials the
 * emulator issued and that have not expired. It learns them by passing GetRoleCredentials through.
 */
export async function startStsStandIn(emulatorUrl: string): Promise<StsStandIn> {
  const issued = new Map<string, Issued>();
  const state = { accepted: 0, rejected: [] as string[] };

  async function passThrough(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const payload = await body(req);
    const upstream = request(`${emulatorUrl}${req.url}`, { method: req.method, headers: req.headers });
    upstream.on('response', async (answer) => {
      const text = (await body(answer)).toString('utf8');
      const role = answer.statusCode === 200 ? JSON.parse(text).roleCredentials : undefined;
      if (role)
        issued.set(role.accessKeyId, { sessionToken: role.sessionToken, expiration: role.expiration });
      res.writeHead(answer.statusCode ?? 502, answer.headers).end(text);
    });
    upstream.end(payload);
  }

  async function sts(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams((await body(req)).toString('utf8'));
    const keyId = /Credential=([A-Z0-9]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const known = issued.get(keyId);
    const reason =
      form.get('Action') !== 'GetCallerIdentity'
        ? 'InvalidAction'
        : !known || known.sessionToken !== req.headers['x-amz-security-token']
          ? 'InvalidClientTokenId'
          : known.expiration <= Date.now()
            ? 'ExpiredToken'
            : undefined;
    res.setHeader('content-type', 'text/xml');
    if (reason) {
      state.rejected.push(reason);
      res.writeHead(403).end(refusal(reason));
      return;
    }
    state.accepted += 1;
    res.writeHead(200).end(IDENTITY.replace(/ACCOUNT/g, '111111111111').replace('ROLE', 'Developer'));
  }

  const server = createServer((req, res) => {
    const handle = req.method === 'POST' && (req.url === '/' || req.url === '') ? sts : passThrough;
    handle(req, res).catch((error: Error) => res.writeHead(500).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: { AWS_ENDPOINT_URL_SSO: url, AWS_ENDPOINT_URL_STS: url },
    get accepted() {
      return state.accepted;
    },
    get rejected() {
      return state.rejected;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
