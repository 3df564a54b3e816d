import { param, type ParamDocs } from './schema.js';

/** URL parameters of the hype-train overlay. */
export const hypeTrainSchema = {
  token: param.string('', { secret: true, required: true }),
  contributors: param.int(3, { min: 0, max: 10 }),
  fontSize: param.int(28, { min: 8, max: 160 }),
};

/** What each parameter of the hype-train overlay does: for the URL builder and the README, not the overlay page. */
export const hypeTrainParamDocs: ParamDocs<typeof hypeTrainSchema> = {
  token: 'The broadcaster’s token, with `channel:read:hype_train`. `#fragment` only.',
  contributors: 'Top contributors shown under the bar; 0 for none.',
  fontSize: 'Text size in pixels.',
};
