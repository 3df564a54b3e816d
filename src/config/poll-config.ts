import { param, type ParamDocs } from './schema.js';

/** URL parameters of the poll overlay. */
export const pollSchema = {
  token: param.string('', { secret: true, required: true }),
  show: param.list(['poll', 'prediction'], ['poll', 'prediction']),
  resultSeconds: param.int(10, { min: 0, max: 600 }),
  fontSize: param.int(28, { min: 8, max: 160 }),
};

/** What each parameter of the poll overlay does: for the URL builder and the README, not the overlay page. */
export const pollParamDocs: ParamDocs<typeof pollSchema> = {
  token: 'The broadcaster’s token, with `channel:read:polls` and/or `channel:read:predictions`. `#fragment` only.',
  show: 'What to show: polls, predictions or both; empty for both.',
  resultSeconds: 'Seconds the result (winner highlighted) stays once a poll or prediction ends; 0 hides it at once.',
  fontSize: 'Text size in pixels.',
};
