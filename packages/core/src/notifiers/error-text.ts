const MAX_LENGTH = 300;

/**
 * One line of text for a log field or a report. Only the message is used: error objects from HTTP
 * and SMTP clients carry their request (URL, headers, credentials) in other properties.
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0].trim() || (error instanceof Error ? error.name : 'unknown error');
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH)}...` : line;
}
