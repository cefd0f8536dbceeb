export type DoctorStatus = 'pass' | 'warn' | 'fail';

/** One finding of `doctor`: what was checked, what was found, and for a warning or failure, the fix. */
export interface DoctorCheck {
  status: DoctorStatus;
  title: string;
  detail: string;
  fix?: string;
}
