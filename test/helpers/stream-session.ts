import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID } from './http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';

/** The fixture channel live on the fake Helix since `startedAtMs` (what "this stream" is measured from); end it with `httpSetStream(…, null)`. */
export function goLive(startedAtMs: number): Promise<void> {
  return commands.httpSetStream(FIXTURE_CHANNEL_ID, {
    id: 's1', user_id: FIXTURE_CHANNEL_ID, user_login: 'teststreamer', user_name: 'TestStreamer', game_id: '1', game_name: 'Chess', type: 'live', title: 'Title',
    viewer_count: 10, started_at: new Date(startedAtMs).toISOString(), language: 'en', thumbnail_url: '', tags: [], is_mature: false,
  });
}

/** One cheer as Twitch reports it: twice, as `channel.cheer` and as `channel.bits.use` (§3: never count both). */
export async function cheerTwice(userId: string, name: string, bits: number): Promise<void> {
  const user = { user_id: userId, user_login: name.toLowerCase(), user_name: name };
  await commands.esNotify('channel.cheer', { ...REFERENCE_EVENTS['channel.cheer'], ...user, bits });
  await commands.esNotify('channel.bits.use', { ...REFERENCE_EVENTS['channel.bits.use'], ...user, bits });
}
