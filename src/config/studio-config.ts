import { param, type ParamDocs } from './schema.js';
import { LOGIN } from './string-formats.js';
import { CONTENT_HINTS, VIDEO_CODECS } from '../video/codecs.js';

/** URL parameters of the studio page (generated video out). */
export const studioSchema = {
  channel: param.string('', { format: LOGIN }),
  endpoint: param.string('', { secret: true }),
  key: param.string('', { secret: true }),
  width: param.int(1280, { min: 160, max: 3840 }),
  height: param.int(720, { min: 90, max: 2160 }),
  fps: param.int(30, { min: 1, max: 60 }),
  bitrate: param.int(6000, { min: 100, max: 50_000 }),
  codec: param.enum(VIDEO_CODECS, 'h264'),
  contentHint: param.enum(CONTENT_HINTS, 'detail'),
  tone: param.number(440, { min: 0, max: 20_000 }),
  recording: param.enum(['auto', 'webm', 'mp4'] as const, 'auto'),
  autostart: param.bool(),
};

/** What each parameter of the studio page does: for the URL builder and the README, not the overlay page. */
export const studioParamDocs: ParamDocs<typeof studioSchema> = {
  channel: 'Twitch channel whose chat drives the scene ("red", "green", "blue", or a number for the tone in Hz). Empty: no chat.',
  endpoint: 'WHIP endpoint URL; empty means Twitch’s. `#fragment` only, or type it on the page.',
  key: 'Stream key (the WHIP Bearer token). `#fragment` only, or type it on the page.',
  width: 'Video width in pixels.',
  height: 'Video height in pixels.',
  fps: 'Frames per second.',
  bitrate: 'Video bitrate cap in kbit/s (Twitch: at most 6000 for most channels).',
  codec: 'Video codec; Twitch takes only h264. H.264 offers the level the size, rate and bitrate need: 3.1 up to 1280×720 at 30 fps, 4.0–4.2 for 1920×1080 up to 60 fps, 5.1–5.2 for 3840×2160.',
  contentHint: 'What the encoder keeps when bandwidth or CPU run short: `detail` keeps the picture size from the first frame (and drops frames), `motion` keeps the frame rate (and lowers the size).',
  tone: 'Starting tone in Hz; 0 for silence.',
  recording: 'Local recording format; auto picks what the browser records.',
  autostart: 'Start publishing as soon as the page loads (needs the endpoint and key in the `#fragment`).',
};
