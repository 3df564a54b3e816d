import { emoteComboParamDocs, emoteComboSchema } from '../config/emote-combo-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const emoteComboEntry: OverlayEntry<typeof emoteComboSchema> = {
  name: 'emote-combo',
  title: 'Emote combos',
  // Chat is read anonymously: no token.
  scopes: [],
  schema: emoteComboSchema,
};

export const emoteComboGuide: OverlayGuide<typeof emoteComboSchema> = {
  about: 'When several chatters send the same emote, a combo ("KEKW ×12") that grows with each use and leaves once chat moves on.',
  obs: { width: 500, height: 400, advice: 'Where the combos should appear.' },
  paramDocs: emoteComboParamDocs,
};
