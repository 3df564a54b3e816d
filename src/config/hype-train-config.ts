import { param } from './schema.js';

/** URL parameters of the hype-train overlay. */
export const hypeTrainSchema = {
  token: param.string('The broadcaster’s token, with `channel:read:hype_train`. `#fragment` only.', '', { secret: true, required: true }),
  contributors: param.int('Top contributors shown under the bar; 0 for none.', 3, { min: 0, max: 10 }),
  fontSize: param.int('Text size in pixels.', 28, { min: 8, max: 160 }),
};
