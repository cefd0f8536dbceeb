import { z } from 'zod';

/** Options of the `macos` desktop notifier (Notification Center on macOS, notify-send on Linux). */
export const macosOptionsSchema = z
  .object({
    /** Play a sound for warnings and errors (macOS). */
    sound: z.boolean().default(true),
    /** The application name notification daemons show and match rules on (Linux). */
    appName: z.string().min(1).default('sso-supervisor'),
  })
  .strict();

export type MacosOptions = z.output<typeof macosOptionsSchema>;
