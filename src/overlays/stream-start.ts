import { getStreams } from '../twitch/helix-api.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { OverlayEnv } from '../boot/boot.js';

/** How far back "this stream" reaches while the channel is not live (before going live, or just after). */
export const OFFLINE_STREAM_MS = 12 * 60 * 60 * 1000;

/**
 * When "this stream" began, in epoch ms: the `started_at` Helix reports for the live stream; while
 * the channel is offline, or Helix cannot say, the last 12 hours (the stream just ended, or is
 * about to start). `?debug` says which.
 */
export async function streamStart(helix: HelixClient, userId: string, env: OverlayEnv): Promise<number> {
  const fallback = Date.now() - OFFLINE_STREAM_MS;
  try {
    const [stream] = await getStreams(helix, { userIds: [userId] });
    const startedAt = stream ? Date.parse(stream.started_at) : NaN;
    if (Number.isFinite(startedAt)) {
      env.note(`this stream: since ${new Date(startedAt).toISOString()} (live)`, 'stream-start');
      return startedAt;
    }
    env.note('this stream: not live, so the last 12 hours', 'stream-start');
  } catch (error) {
    env.note(`this stream: the last 12 hours (could not ask Twitch: ${error instanceof Error ? error.message : String(error)})`, 'stream-start');
  }
  return fallback;
}
