import { param, type ParamDocs } from './schema.js';

/** The most feed rows the dock keeps: a scroll through more would find nothing faster than the event list. */
export const MAX_FEED_ROWS = 500;

/** URL parameters of the control dock. */
export const dockSchema = {
  token: param.string('', { secret: true, required: true }),
  feed: param.int(100, { min: 20, max: MAX_FEED_ROWS }),
  chat: param.bool(true),
};

/** What each parameter of the control dock does: for the URL builder and the README, not the dock page. */
export const dockParamDocs: ParamDocs<typeof dockSchema> = {
  token: 'The broadcaster’s token, the same as the alert box’s: its scopes decide which events reach the feed. `#fragment` only.',
  feed: 'Events the Activity feed keeps, newest first (the history’s, then live ones).',
  chat: 'Show the On-stream chat section (the channel’s chat read anonymously, to take lines off the chat overlays).',
};
