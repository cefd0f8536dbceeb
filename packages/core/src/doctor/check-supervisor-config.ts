import type { DoctorCheck } from './doctor-check';

/** supervisor.yaml parses (or there is none and the defaults apply). Errors and warnings come formatted. */
export function checkSupervisorConfig(
  file: string | null,
  errors: string[],
  warnings: string[],
): DoctorCheck {
  const title = 'supervisor config';
  if (errors.length) {
    return {
      status: 'fail',
      title,
      detail: `${errors.join('; ')}; the other checks use the defaults`,
      fix: 'correct the lines named; `sso-supervisor validate` checks again',
    };
  }
  const source = file ?? 'no supervisor.yaml: every SSO session with the defaults';
  if (warnings.length) {
    return { status: 'warn', title, detail: `${source}: ${warnings.join('; ')}`, fix: 'see the warnings' };
  }
  return { status: 'pass', title, detail: source };
}
