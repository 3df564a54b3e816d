import { param, type ParamDocs } from './schema.js';
import { CREDITS_SECTIONS } from '../components/credits/credits-rows.js';
import { chatReadingParamDocs, chatReadingSchema } from './chat-config.js';

/** URL parameters of the end credits. */
export const creditsSchema = {
  token: param.string('', { secret: true, required: true }),
  sections: param.list(['followers', 'subs', 'gifters', 'cheerers', 'raiders'], CREDITS_SECTIONS),
  titles: param.list([]),
  hideBots: chatReadingSchema.hideBots,
  roll: param.bool(false),
  rollOffline: param.bool(true),
  speed: param.int(60, { min: 5, max: 2000 }),
  loop: param.bool(false),
  fontSize: param.int(32, { min: 8, max: 160 }),
  color: param.color('#ffffff'),
};

/** What each parameter of the end credits does: for the URL builder and the README, not the overlay page. */
export const creditsParamDocs: ParamDocs<typeof creditsSchema> = {
  token: 'The broadcaster’s token; the follower, sub and bits scopes turn their sections on. `#fragment` only.',
  sections: 'The sections, in the order they roll (an empty one is left out); add `chatters` for everyone who spoke in chat this stream (read anonymously, only then).',
  titles: 'Their titles, in the same order, comma-separated; sections past the end of the list keep their default ("New followers", "Subscribers", "Gifted subs", "Cheers", "Raids", "Chatters").',
  hideBots: `${chatReadingParamDocs.hideBots} Left out of \`chatters\`, as the chat overlay leaves out their lines.`,
  roll: 'Roll as soon as the page loads (with the stream’s names so far).',
  rollOffline: 'Roll by itself when the stream goes offline (EventSub’s `stream.offline`, no scope needed).',
  speed: 'Pixels per second the names move up.',
  loop: 'Roll again from the bottom when the last name has left; else the credits go.',
  fontSize: 'Text size of the names in pixels.',
  color: 'Text colour.',
};
