import type { Logger } from '../util/logger';
import { brokerHandler } from './broker-handler';
import { ensureBrokerToken } from './broker-token';
import type { CredentialsBroker } from './credentials-broker';
import type { DaemonWeb } from './daemon-web';
import { startLoopbackServer, type ServerLimits } from './loopback-server';
import { withWebRoutes } from './web-routes';
import { removeServerFile, writeServerFile } from './server-file';

export interface RunningBroker {
  port: number;
  /** The authorization token every request must carry (also in `tokenFile`). */
  token: string;
  tokenFile: string;
  stop(): Promise<void>;
}

/** The loopback server with the credentials route, its token file and `server.json`, started together. */
export async function startBroker(options: {
  stateDir: string;
  port: number;
  broker: CredentialsBroker;
  logger: Logger;
  hosts?: readonly string[];
  limits?: Partial<ServerLimits>;
  /**
   * Default true: write `server.json`, so `exec` and `env` find this server. `exec`'s own broker, which
   * lives only as long as its child, is not announced.
   */
  announce?: boolean;
  /** Login links and the status page, answered before the credentials route. */
  web?: DaemonWeb;
}): Promise<RunningBroker> {
  const announce = options.announce ?? true;
  const { token, file } = await ensureBrokerToken(options.stateDir);
  const server = await startLoopbackServer({
    port: options.port,
    ...(options.hosts && { hosts: options.hosts }),
    ...(options.limits && { limits: options.limits }),
    handler: withWebRoutes(
      options.web?.handler(),
      brokerHandler({
        token,
        credentials: (profile) => options.broker.credentials(profile),
        logger: options.logger,
      }),
    ),
  });
  if (announce)
    await writeServerFile(options.stateDir, {
      version: 1,
      port: server.port,
      pid: process.pid,
      ...(options.web && { statusKey: options.web.statusKey }),
    });
  options.logger.info('credential broker listening', { hosts: server.hosts, port: server.port });
  return {
    port: server.port,
    token,
    tokenFile: file,
    async stop() {
      await server.close();
      if (announce) await removeServerFile(options.stateDir);
    },
  };
}
