import type { emoteComboSchema } from '../config/emote-combo-config.js';
import { emoteComboEntry } from '../registry/emote-combo.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import { EMOTES_ONLY, connectChat, startLookups } from './chat-connection.js';
import '../components/emote-combo/ovl-emote-combo.js';

/**
 * The emote combos: the chat overlay's chat (its channels, third-party emotes and
 * `hide-bots`), read anonymously, its emotes counted into combos.
 */
export const emoteComboOverlay: OverlayDefinition<typeof emoteComboSchema> = {
  entry: emoteComboEntry,
  records: ['chat'],
  async build(config, env) {
    const chat = await connectChat({ channel: config.channel, emoteTheme: 'dark' }, env);
    const element = document.createElement('ovl-emote-combo');
    assignConfig(element, config, ['minUsers', 'window', 'maxCombos', 'size', 'hideBots']);
    element.schedule = env.schedule;
    element.source = chat.feed;
    void startLookups(chat, { ...EMOTES_ONLY, emotes: config.emotes }, env);
    return { sources: chat.sources, element };
  },
};
