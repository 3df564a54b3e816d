import type { emoteWallSchema } from '../config/emote-wall-config.js';
import { emoteWallEntry } from '../registry/emote-wall.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import { EMOTES_ONLY, connectChat, startLookups } from './chat-connection.js';
import '../components/emote-wall/ovl-emote-wall.js';

/**
 * The emote wall: the chat overlay's chat (its channels, third-party emotes and `hide-bots`),
 * read anonymously, every emote of it flying across the page.
 */
export const emoteWallOverlay: OverlayDefinition<typeof emoteWallSchema> = {
  entry: emoteWallEntry,
  records: ['chat'],
  async build(config, env) {
    const chat = await connectChat({ channel: config.channel, emoteTheme: 'dark' }, env);
    const element = document.createElement('ovl-emote-wall');
    assignConfig(element, config, ['motion', 'size', 'lifetime', 'perMessage', 'maxOnScreen', 'hideBots']);
    element.source = chat.feed;
    void startLookups(chat, { ...EMOTES_ONLY, emotes: config.emotes }, env);
    return { sources: chat.sources, element };
  },
};
