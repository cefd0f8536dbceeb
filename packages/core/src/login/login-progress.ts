/** What a device-code login reports while it runs, for a terminal, `--json` lines or a notification. */
export type LoginProgress =
  | {
      type: 'pending';
      /** The page where a person approves the login, and the same page with the code filled in. */
      verificationUri: string;
      verificationUriComplete: string;
      /** The code the page shows, for the person to check. */
      userCode: string;
      /** When the code stops working, ISO-8601. */
      expiresAt: string;
      intervalSeconds: number;
    }
  | {
      type: 'waiting';
      /** pending: not approved yet; slow_down: asked to poll less often; retrying: a transient failure. */
      status: 'pending' | 'slow_down' | 'retrying';
      intervalSeconds: number;
      secondsLeft: number;
    };
