import { TypedEventTarget } from '../../core/typed-event-target.js';
import type { ChatFeed, ChatFeedEventMap } from './ovl-chat.js';

const FEED_EVENTS: readonly (keyof ChatFeedEventMap)[] = ['message', 'notice', 'delete', 'clear-user', 'clear', 'roomstate', 'history'];

/**
 * Several chat feeds (one ChatSource per channel, for `channel=a,b,c`) as one, for one
 * `<ovl-chat>`: every event passes through as it came, still naming its channel, so the
 * element scopes timeouts and clears to the channel they happened in. The feeds are listened
 * to for the life of the page, as the overlay's sources are.
 */
export class MergedChatFeed extends TypedEventTarget<ChatFeedEventMap> {
  constructor(feeds: readonly ChatFeed[]) {
    super();
    for (const feed of feeds) {
      for (const type of FEED_EVENTS) feed.addEventListener(type, (event: CustomEvent<ChatFeedEventMap[typeof type]>) => this.emit(type, event.detail));
    }
  }
}
