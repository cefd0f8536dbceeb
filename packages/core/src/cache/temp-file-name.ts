/**
 * How our temp files end: `.<cache file>.<pid>.<hex>.sso-supervisor.tmp` beside the cache file. Only names
 * like this are ever cleaned up; the AWS CLI's and the SDKs' files are not ours to touch.
 */
export const TEMP_SUFFIX = '.sso-supervisor.tmp';
