import { param } from './schema.js';
import { CONTENT_HINTS, VIDEO_CODECS } from '../video/codecs.js';

/** URL parameters of the studio page (generated video out). */
export const studioSchema = {
  channel: param.string('Twitch channel whose chat drives the scene ("red", "green", "blue", or a number for the tone in Hz). Empty: no chat.', '', { format: 'login' }),
  endpoint: param.string('WHIP endpoint URL; empty means Twitch’s. `#fragment` only, or type it on the page.', '', { secret: true }),
  key: param.string('Stream key (the WHIP Bearer token). `#fragment` only, or type it on the page.', '', { secret: true }),
  width: param.int('Video width in pixels.', 1280, { min: 160, max: 3840 }),
  height: param.int('Video height in pixels.', 720, { min: 90, max: 2160 }),
  fps: param.int('Frames per second.', 30, { min: 1, max: 60 }),
  bitrate: param.int('Video bitrate cap in kbit/s (Twitch: at most 6000 for most channels).', 6000, { min: 100, max: 50_000 }),
  codec: param.enum(
    'Video codec; Twitch takes only h264. H.264 offers the level the size, rate and bitrate need: 3.1 up to 1280×720 at 30 fps, 4.0–4.2 for 1920×1080 up to 60 fps, 5.1–5.2 for 3840×2160.',
    VIDEO_CODECS,
    'h264',
  ),
  contentHint: param.enum(
    'What the encoder keeps when bandwidth or CPU run short: `detail` keeps the picture size from the first frame (and drops frames), `motion` keeps the frame rate (and lowers the size).',
    CONTENT_HINTS,
    'detail',
  ),
  tone: param.number('Starting tone in Hz; 0 for silence.', 440, { min: 0, max: 20_000 }),
  recording: param.enum('Local recording format; auto picks what the browser records.', ['auto', 'webm', 'mp4'] as const, 'auto'),
  autostart: param.bool('Start publishing as soon as the page loads (needs the endpoint and key in the `#fragment`).'),
};
