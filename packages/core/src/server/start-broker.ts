import type { Logger } from '../util/logger';
import { brokerHandler } from './broker-handler';
import { ensureBrokerToken } from './broker-token';
import type { CredentialsBroker } from './credentials-broker';
import type { DaemonWeb } from './daemon-web';
import { startLoopbackServer } from './loopback-server';
import { withWebRoutes } from './web-routes';
import { removeServerFile, writeServerFile } from './server-file';

export interface RunningBroker {
  port: number;
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
  /** Login links and the status page, answered before the credentials route. */
  web?: DaemonWeb;
}): Promise<RunningBroker> {
  const { token, file } = await ensureBrokerToken(options.stateDir);
  const server = await startLoopbackServer({
    port: options.port,
    ...(options.hosts && { hosts: options.hosts }),
    handler: withWebRoutes(
      options.web?.handler(),
      brokerHandler({
        token,
        credentials: (profile) => options.broker.credentials(profile),
        logger: options.logger,
      }),
    ),
  });
  await writeServerFile(options.stateDir, {
    version: 1,
    port: server.port,
    pid: process.pid,
    ...(options.web && { statusKey: options.web.statusKey }),
  });
  options.logger.info('credential broker listening', { hosts: server.hosts, port: server.port });
  return {
    port: server.port,
    tokenFile: file,
    async stop() {
      await server.close();
      await removeServerFile(options.stateDir);
    },
  };
}
