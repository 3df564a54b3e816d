import type { SourceError } from '../core/errors.js';

/**
 * What Twitch says with a 429 that waiting does not end (§3.4): the account already has 3
 * EventSub WebSocket connections with subscriptions (twurple issue 616), or 3 subscriptions of
 * one type and condition (twitchdev/issues 1094). Each lasts until another connection or
 * subscription of the account goes away.
 */
const LASTING_LIMIT = /number of websocket transports limit exceeded|maximum subscriptions with type and condition exceeded/i;

/** Whether a Helix error is a 429 of a lasting limit (see LASTING_LIMIT), its message Twitch's words. */
export function isLastingLimit(error: SourceError): boolean {
  return error.code === 'rate-limit' && LASTING_LIMIT.test(error.message);
}
