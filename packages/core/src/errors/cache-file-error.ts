import { SupervisorError } from './supervisor-error';

/** A token cache file we cannot read, parse or write. Names the file and, where known, the field. */
export class CacheFileError extends SupervisorError {
  constructor(
    readonly file: string,
    readonly detail: string,
    retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${detail}`, retryable, options);
  }
}
