import { param } from './schema.js';

/** URL parameters of the click-heatmap overlay. */
export const heatmapSchema = {
  channelId: param.string('Numeric Twitch user id of the channel (no token needed). Or give `channel` and a token.', '', { format: 'user-id' }),
  channel: param.string('Channel login or link, looked up on Twitch; needs a token.', '', { format: 'login' }),
  token: param.string('User token (any scopes): for `channel`, and to show viewers’ names. `#fragment` only.', '', { secret: true }),
  halfLife: param.number('Seconds for a click’s heat to halve.', 10, { min: 0.5, max: 3600 }),
  radius: param.int('Radius of one click in pixels.', 40, { min: 4, max: 400 }),
  opacity: param.number('Opacity of the hottest colour, 0–1.', 0.75, { min: 0, max: 1 }),
  palette: param.enum('Colours.', ['classic', 'fire', 'ice'] as const, 'classic'),
  maxIntensity: param.number('Clicks drawn as the hottest colour; 0 follows the hottest spot.', 0, { min: 0, max: 10000 }),
  markers: param.bool('Show a ripple where each click lands.'),
  offsetX: param.number('Where the video starts inside the overlay, from the left, as a fraction.', 0, { min: -1, max: 1 }),
  offsetY: param.number('Where the video starts inside the overlay, from the top, as a fraction.', 0, { min: -1, max: 1 }),
  scaleX: param.number('Width of the video as a fraction of the overlay.', 1, { min: 0.05, max: 4 }),
  scaleY: param.number('Height of the video as a fraction of the overlay.', 1, { min: 0.05, max: 4 }),
  regions: param.string('Zone voting, `COLUMNSxROWS` (e.g. `3x3`); empty for none. Results go to `?debug` and the `ovl-heat-votes` event.'),
  regionWindow: param.int('Seconds per voting window (one vote per viewer per zone in each).', 30, { min: 1, max: 3600 }),
};
