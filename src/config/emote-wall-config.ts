import { param, type ParamDocs } from './schema.js';
import { chatReadingParamDocs, chatReadingSchema } from './chat-config.js';

/** URL parameters of the emote wall: the chat it reads, as the chat overlay's, and how emotes fly. */
export const emoteWallSchema = {
  ...chatReadingSchema,
  motion: param.enum(['rise', 'fall', 'bounce', 'burst'] as const, 'rise'),
  size: param.int(64, { min: 16, max: 512 }),
  lifetime: param.number(5, { min: 1, max: 60 }),
  perMessage: param.int(3, { min: 1, max: 20 }),
  maxOnScreen: param.int(100, { min: 1, max: 500 }),
};

/** What each parameter of the emote wall does (a call marked pure, so the wall page carries none of it). */
export const emoteWallParamDocs: ParamDocs<typeof emoteWallSchema> = /* @__PURE__ */ (() => ({
  ...chatReadingParamDocs,
  motion: 'How emotes move: `rise` from the bottom, `fall` from the top, `bounce` along the bottom, or `burst` out of one point per message.',
  size: 'Emote size in pixels.',
  lifetime: 'Seconds an emote stays on screen.',
  perMessage: 'Emotes taken from one message at most (emote spam shows a few, not all).',
  maxOnScreen: 'Emotes on screen at most; past it the oldest leave first, so a raid cannot flood the scene.',
}))();
