import type { OvlChat } from '../components/chat/ovl-chat.js';
import { lookupDecorations } from '../components/chat/lookup-decorations.js';
import type { ChatSource } from '../sources/tmi/chat-source.js';
import { ChatLookups, type ChatLookupsOptions } from '../chat-lookups/chat-lookups.js';

export interface ChatProvidersOptions extends ChatLookupsOptions {
  /** Reports each service's outcome (the debug view). */
  readonly note: (text: string) => void;
}

/**
 * The chat's optional providers, gathered in one module the chat page loads on demand (so the
 * page itself stays small): the lookups it asked for, handed to the element (badges, and the
 * decorations drawn from the others) and to the sources (third-party emotes). Every failure is
 * a note, and chat goes on without that service.
 */
export function startChatProviders(element: OvlChat, sources: readonly ChatSource[], options: ChatProvidersOptions): ChatLookups {
  const lookups = new ChatLookups(options, (lookup, notes) => {
    // Lines are drawn with badges from the first channel's answer on; globals answer for a channel whose own failed.
    if (lookup === lookups.badges) element.badges = lookups.badges;
    for (const text of notes) options.note(text);
  });
  element.decorations = lookupDecorations(lookups);
  for (const source of sources) source.emotes = lookups.emotes?.table;
  lookups.start();
  return lookups;
}
