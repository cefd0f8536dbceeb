import { z } from 'zod';

const address = z
  .string()
  .regex(/\S@\S/, 'an email address, e.g. ops@example.com or "SSO <sso@example.com>"');

/** Options of the `email` notifier (SMTP through nodemailer). */
export const emailOptionsSchema = z
  .object({
    host: z.string().min(1),
    /** 587 (submission with STARTTLS) unless given; 465 with `secure: true`. */
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465). Otherwise the connection is upgraded with STARTTLS. */
    secure: z.boolean().default(false),
    /** Refuse to send when the server offers no STARTTLS; turn off only for a trusted local relay. */
    requireTLS: z.boolean().default(true),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** A PEM file of the CA that signed the server's certificate, for a private relay. */
    caFile: z.string().min(1).optional(),
    from: address,
    to: z.union([address, z.array(address).min(1)]),
    subjectPrefix: z.string().default('[sso-supervisor]'),
  })
  .strict()
  .refine((options) => (options.user === undefined) === (options.password === undefined), {
    message: 'give both `user` and `password`, or neither',
    path: ['password'],
  });

export type EmailOptions = z.output<typeof emailOptionsSchema>;
