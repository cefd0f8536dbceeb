import type { Notifier, NotifierDeps } from '@sso-supervisor/core';
import axios, { type AxiosInstance } from 'axios';
import { buildDiscordMessage, type DiscordMessage } from './build-discord-message';
import { discordFailure } from './discord-failure';
import type { DiscordOptions } from './discord-options-schema';

/** The host hands in the name and logger; tests may add their own HTTP client. */
export interface DiscordDeps extends NotifierDeps {
  http?: AxiosInstance;
}

/**
 * Posts each event to a Discord channel through its webhook. There are no retries here: the host's
 * dispatcher retries what `discordFailure` calls retryable, waits out a 429's `retry_after`, and bounds
 * each attempt with its own timeout.
 */
export function createDiscordNotifier(options: DiscordOptions, deps: DiscordDeps): Notifier {
  const http = deps.http ?? axios.create({ timeout: 10_000 });
  // `wait=true` makes Discord confirm the message was saved, and answer with it, instead of a bare 204
  // that a message Discord then drops would also get.
  const params = { wait: true, ...(options.threadId && { thread_id: options.threadId }) };
  return {
    name: deps.name,
    async send(event) {
      const message: DiscordMessage = {
        ...buildDiscordMessage(event),
        ...(options.username && { username: options.username }),
        ...(options.avatarUrl && { avatar_url: options.avatarUrl }),
      };
      let data: unknown;
      try {
        ({ data } = await http.post<unknown>(options.webhookUrl, message, { params }));
      } catch (error) {
        throw discordFailure(error);
      }
      // The message id ties this line to the post in the channel; the URL is never logged, it holds the token.
      const messageId = (data as { id?: unknown } | null)?.id;
      deps.logger.debug('discord message posted', {
        notifier: deps.name,
        event: event.type,
        ...(typeof messageId === 'string' && { messageId }),
      });
    },
  };
}
