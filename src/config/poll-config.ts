import { param } from './schema.js';

/** URL parameters of the poll overlay. */
export const pollSchema = {
  token: param.string('The broadcaster’s token, with `channel:read:polls` and/or `channel:read:predictions`. `#fragment` only.', '', { secret: true, required: true }),
  show: param.list('What to show: polls, predictions or both; empty for both.', ['poll', 'prediction'], ['poll', 'prediction']),
  resultSeconds: param.int('Seconds the result (winner highlighted) stays once a poll or prediction ends; 0 hides it at once.', 10, { min: 0, max: 600 }),
  fontSize: param.int('Text size in pixels.', 28, { min: 8, max: 160 }),
};
