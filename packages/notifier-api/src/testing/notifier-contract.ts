import { EVENT_TYPES, type SupervisorEvent } from '../supervisor-event.js';
import { cleanEvent } from '../clean-event.js';
import type { Logger, Notifier } from '../notifier.js';
import { CONTRACT_VALUES, contractEvent } from './contract-event.js';
import { RecordingLogger } from './recording-logger.js';

export interface ContractHarness {
  notifier: Notifier;
  /** What the far end received so far, one decoded text per delivery (HTTP body, mail, notify call). */
  delivered(): string[];
  /** Stops what setup started; the contract closes the notifier itself. */
  teardown?(): Promise<void>;
}

type Setup = (deps: { logger: Logger }) => ContractHarness | Promise<ContractHarness>;

export interface NotifierContractOptions {
  /** Creates the notifier with the given logger, against a far end that accepts everything. */
  setup: Setup;
  /** The notifier against a far end that fails (refused, unreachable); send must reject with an Error. */
  setupFailing?: Setup;
  /** Option values (a webhook URL, a password) that no payload, error or log line may contain. */
  secrets?: string[];
}

const { login, session, secrets } = CONTRACT_VALUES;

/**
 * The suite every notifier runs (unstorage's testDriver, for notifiers). It proves the plugin keeps
 * the promises the dispatcher and users rely on, secrets and privacy first. Uses jest globals.
 */
export function notifierContract(label: string, options: NotifierContractOptions): void {
  describe(`notifier contract: ${label}`, () => {
    const forbidden = [...Object.values(secrets), ...(options.secrets ?? [])];
    let logger: RecordingLogger;
    let harness: ContractHarness | undefined;

    async function start(setup: Setup): Promise<ContractHarness> {
      logger = new RecordingLogger();
      harness = await setup({ logger });
      return harness;
    }

    function expectNoSecret(texts: string[]): void {
      for (const secret of forbidden) for (const text of texts) expect(text).not.toContain(secret);
    }

    afterEach(async () => {
      await harness?.notifier.close?.();
      await harness?.teardown?.();
      harness = undefined;
    });

    it('has a non-empty name', async () => {
      const { notifier } = await start(options.setup);
      expect(typeof notifier.name).toBe('string');
      expect(notifier.name.trim()).not.toBe('');
    });

    it('resolves send for every event type, one delivery each, naming the session and the message', async () => {
      const h = await start(options.setup);
      for (const type of EVENT_TYPES) await h.notifier.send(contractEvent(type));
      const delivered = h.delivered();
      expect(delivered).toHaveLength(EVENT_TYPES.length);
      EVENT_TYPES.forEach((type, index) => {
        const event = contractEvent(type);
        expect(delivered[index]).toContain(event.message);
        if (event.session) expect(delivered[index]).toContain(session);
      });
    });

    it('returns a promise from send and never throws synchronously, even for a bare event', async () => {
      const h = await start(options.setup);
      // Without the session and fields a token.expired has: a custom plugin may be sent anything.
      const bare = {
        type: 'token.expired',
        time: new Date(0).toISOString(),
        severity: 'error',
        message: 'bare',
      } as SupervisorEvent;
      let result: unknown;
      expect(() => (result = h.notifier.send(bare))).not.toThrow();
      expect(typeof (result as Promise<void>)?.then).toBe('function');
      await result;
    });

    it('puts no secret from the event or its options into a payload or a log line', async () => {
      const h = await start(options.setup);
      for (const type of EVENT_TYPES) await h.notifier.send(contractEvent(type, true));
      expectNoSecret([...h.delivered(), logger.text()]);
    });

    it('shows a one-time login link it is given (as a private notifier)', async () => {
      const h = await start(options.setup);
      await h.notifier.send({
        ...contractEvent('session.reauth_required'),
        loginUrl: login.loginUrl,
      } as SupervisorEvent);
      expect(h.delivered().join('\n')).toContain(login.loginUrl);
    });

    it('shows the login link and code it is given (as a private notifier)', async () => {
      const h = await start(options.setup);
      await h.notifier.send(contractEvent('login.pending'));
      expect(h.delivered().join('\n')).toContain(login.userCode);
      expect(h.delivered().join('\n')).toContain(login.verificationUri);
    });

    it('never receives a login link or code when routed as a public notifier', async () => {
      const h = await start(options.setup);
      // What the host hands a public notifier: login.pending not at all, every other event cleaned by
      // the same cleanEvent the dispatcher uses.
      const types = EVENT_TYPES.filter((type) => type !== 'login.pending');
      for (const type of types) await h.notifier.send(cleanEvent(contractEvent(type, true), false));
      const delivered = h.delivered();
      expect(delivered).toHaveLength(types.length);
      for (const text of delivered)
        for (const value of Object.values(login)) expect(text).not.toContain(value);
    });

    it('closes, and closing twice is harmless', async () => {
      const { notifier } = await start(options.setup);
      await notifier.close?.();
      await notifier.close?.();
    });

    if (options.setupFailing) {
      const setupFailing = options.setupFailing;
      it('rejects with an Error free of secrets when the far end fails', async () => {
        const h = await start(setupFailing);
        const failure: unknown = await h.notifier.send(contractEvent('session.reauth_required', true)).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(Object.prototype.toString.call(failure)).toBe('[object Error]');
        expectNoSecret([(failure as Error).message, String((failure as Error).stack), logger.text()]);
      });
    }
  });
}
