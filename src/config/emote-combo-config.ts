import { param, type ParamDocs } from './schema.js';
import { chatReadingParamDocs, chatReadingSchema } from './chat-config.js';

/** URL parameters of the emote combos: the chat they read, as the chat overlay's, and what makes a combo. */
export const emoteComboSchema = {
  ...chatReadingSchema,
  minUsers: param.int(3, { min: 2, max: 100 }),
  window: param.number(10, { min: 2, max: 120 }),
  maxCombos: param.int(3, { min: 1, max: 10 }),
  size: param.int(56, { min: 16, max: 256 }),
};

/** What each parameter of the emote combos does (a call marked pure, so the combo page carries none of it). */
export const emoteComboParamDocs: ParamDocs<typeof emoteComboSchema> = /* @__PURE__ */ (() => ({
  ...chatReadingParamDocs,
  minUsers: 'Different chatters who must send the same emote for a combo to start (one chatter spamming never makes one).',
  window: 'Seconds within which they must send it; a combo ends this long after its last use.',
  maxCombos: 'Combos shown at once; a new one replaces the one that went quiet longest.',
  size: 'Emote size in pixels.',
}))();
