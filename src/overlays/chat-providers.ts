import type { ChatFeed, OvlChat } from '../components/chat/ovl-chat.js';
import { lookupDecorations } from '../components/chat/lookup-decorations.js';
import type { ChatSource } from '../sources/tmi/chat-source.js';
import { ChatLookups, type ChatLookupsOptions } from '../chat-lookups/chat-lookups.js';

export interface ChatProvidersOptions extends ChatLookupsOptions {
  /** Reports each service's outcome (the debug view). */
  readonly note: (text: string) => void;
}

/**
 * A chat page's optional providers, gathered in one module the page loads on demand (so the
 * page itself stays small): the lookups it asked for, handed to the sources (third-party
 * emotes) and, on the chat overlay, to its element (badges, and the decorations drawn from the
 * others). Each channel's lookups load once its id is known: from ROOMSTATE (or already, if
 * the source joined before this module came), or a Shared Chat line from it. On the chat
 * overlay a Shared Chat channel's name loads too, for the element's marker. Every failure is a
 * note, and chat goes on without that service.
 */
export function startChatProviders(sources: readonly ChatSource[], feed: ChatFeed, options: ChatProvidersOptions, element?: OvlChat): ChatLookups {
  const lookups = new ChatLookups(options, (lookup, notes) => {
    // Lines are drawn with badges from the first channel's answer on; globals answer for a channel whose own failed.
    if (element && lookup === lookups.badges) element.badges = lookups.badges;
    for (const text of notes) options.note(text);
  });
  if (element) element.decorations = lookupDecorations(lookups);
  for (const source of sources) source.emotes = lookups.emotes?.table;
  lookups.start();
  feed.addEventListener('roomstate', (event) => void lookups.channelSeen(event.detail.channelId));
  for (const source of sources) void lookups.channelSeen(source.channelId);
  const sharedFrom = (event: CustomEvent<{ sourceChannelId: string | null }>) => {
    const channelId = event.detail.sourceChannelId;
    if (channelId && element) lookups.sourceSeen(channelId);
    else if (channelId) void lookups.channelSeen(channelId);
  };
  feed.addEventListener('message', sharedFrom);
  feed.addEventListener('notice', sharedFrom);
  return lookups;
}
