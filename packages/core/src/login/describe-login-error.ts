import { SupervisorError } from '../errors/supervisor-error';

interface SdkErrorLike {
  name?: string;
  message?: string;
  error_description?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * One line saying why a login step failed: AWS's error name, HTTP status and description. AWS's
 * descriptions carry no secrets; our own errors already say what they mean.
 */
export function describeLoginError(step: string, error: unknown): string {
  if (error instanceof SupervisorError) return `${step}: ${error.message}`;
  const e = (error ?? {}) as SdkErrorLike;
  const status = e.$metadata?.httpStatusCode;
  const detail = e.error_description ?? e.message ?? '';
  const name = `${e.name ?? 'Error'}${status ? `, HTTP ${status}` : ''}`;
  return `${step} failed (${name})${detail && detail !== e.name ? `: ${detail}` : ''}`;
}
