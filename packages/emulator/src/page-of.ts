import { ApiError } from './api-error';

/** The SSO portal's documented bound for `max_result`. */
const MAX_RESULT_LIMIT = 1000;

/**
 * One page of a portal list, as ListAccounts and ListAccountRoles page: `max_result` (else the emulator's
 * page size) items from the offset the opaque `next_token` carries; `nextToken` only while more remain.
 * The token is bound to the list it came from, so one from another account's roles is refused.
 */
export function pageOf<T>(
  items: readonly T[],
  query: URLSearchParams,
  defaultSize: number,
  listKey: string,
): { page: T[]; nextToken?: string } {
  const rawMax = query.get('max_result');
  const size = rawMax === null ? defaultSize : Number(rawMax);
  if (!Number.isInteger(size) || size < 1 || size > MAX_RESULT_LIMIT) {
    throw ApiError.portal('InvalidRequestException', `max_result must be 1 to ${MAX_RESULT_LIMIT}`, 400);
  }
  let offset = 0;
  const token = query.get('next_token');
  if (token !== null) {
    const [key, at] = Buffer.from(token, 'base64url').toString('utf8').split('|');
    offset = Number(at);
    if (key !== listKey || !Number.isInteger(offset) || offset < 0 || offset > items.length) {
      throw ApiError.portal('InvalidRequestException', 'next_token is invalid', 400);
    }
  }
  const end = offset + size;
  const page = items.slice(offset, end);
  if (end >= items.length) return { page };
  return { page, nextToken: Buffer.from(`${listKey}|${end}`, 'utf8').toString('base64url') };
}
