import { param, type ParamDocs } from './schema.js';
import { LOGIN, USER_ID } from './string-formats.js';

/** URL parameters of the click-heatmap overlay. */
export const heatmapSchema = {
  channelId: param.string('', { format: USER_ID }),
  channel: param.string('', { format: LOGIN }),
  token: param.string('', { secret: true }),
  halfLife: param.number(10, { min: 0.5, max: 3600 }),
  radius: param.int(40, { min: 4, max: 400 }),
  opacity: param.number(0.75, { min: 0, max: 1 }),
  palette: param.enum(['classic', 'fire', 'ice'] as const, 'classic'),
  maxIntensity: param.number(0, { min: 0, max: 10000 }),
  markers: param.bool(),
  offsetX: param.number(0, { min: -1, max: 1 }),
  offsetY: param.number(0, { min: -1, max: 1 }),
  scaleX: param.number(1, { min: 0.05, max: 4 }),
  scaleY: param.number(1, { min: 0.05, max: 4 }),
  regions: param.string(),
  regionWindow: param.int(30, { min: 1, max: 3600 }),
};

/** What each parameter of the click-heatmap overlay does: for the URL builder and the README, not the overlay page. */
export const heatmapParamDocs: ParamDocs<typeof heatmapSchema> = {
  channelId: 'Numeric Twitch user id of the channel (no token needed). Or give `channel` and a token.',
  channel: 'Channel login or link, looked up on Twitch; needs a token.',
  token: 'User token (any scopes): for `channel`, and to show viewers’ names. `#fragment` only.',
  halfLife: 'Seconds for a click’s heat to halve.',
  radius: 'Radius of one click in pixels.',
  opacity: 'Opacity of the hottest colour, 0–1.',
  palette: 'Colours.',
  maxIntensity: 'Clicks drawn as the hottest colour; 0 follows the hottest spot.',
  markers: 'Show a ripple where each click lands.',
  offsetX: 'Where the video starts inside the overlay, from the left, as a fraction.',
  offsetY: 'Where the video starts inside the overlay, from the top, as a fraction.',
  scaleX: 'Width of the video as a fraction of the overlay.',
  scaleY: 'Height of the video as a fraction of the overlay.',
  regions: 'Zone voting, `COLUMNSxROWS` (e.g. `3x3`); empty for none. Results go to `?debug` and the `ovl-heat-votes` event.',
  regionWindow: 'Seconds per voting window (one vote per viewer per zone in each).',
};
