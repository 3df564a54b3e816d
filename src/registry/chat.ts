import { chatParamDocs, chatSchema } from '../config/chat-config.js';
import type { OverlayEntry, ScopeNeed } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

/** With it, chat logs in as the token's user; without it the token only adds badges. */
export const CHAT_LOGIN_SCOPE: ScopeNeed = { scope: 'chat:read', required: false, why: 'logs chat in as your user instead of anonymously' };

export const chatEntry: OverlayEntry<typeof chatSchema> = {
  name: 'chat',
  title: 'Chat overlay',
  scopes: [CHAT_LOGIN_SCOPE],
  schema: chatSchema,
};

export const chatGuide: OverlayGuide<typeof chatSchema> = {
  about: 'Live Twitch chat with emotes (Twitch, 7TV, BTTV, FFZ), badges, notices and moderation.',
  obs: { width: 450, height: 800, advice: 'Keep "Shutdown source when not visible" off.' },
  paramDocs: chatParamDocs,
};
