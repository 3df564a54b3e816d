import { ChatHistory } from '../sources/tmi/chat-history.js';
import { fetchRecentMessages } from '../sources/tmi/recent-messages.js';
import type { ChatSource } from '../sources/tmi/chat-source.js';
import type { ChatLookups } from '../chat-lookups/chat-lookups.js';
import type { OverlayEnv } from '../boot/boot.js';

/**
 * How long a page waits for a channel's history, from its start: the service's answer, and
 * then the channel's badges and emotes, so that the history is drawn with them. Live chat
 * never waits: it is drawn as it comes, and a history that comes later goes above it.
 */
export const HISTORY_WAIT_MS = 2000;

export interface HistorySettings {
  /** Lines per channel at most (`history`). */
  readonly limit: number;
  readonly emoteTheme: 'dark' | 'light';
}

/** Resolves once the source's channel is known and its lookups (badges, emotes) have answered. */
async function lookupsOf(source: ChatSource, lookups: Promise<ChatLookups | null>): Promise<void> {
  const loaded = await lookups;
  if (!loaded) return;
  const channelId = source.channelId || (await new Promise<string>((resolve) => source.addEventListener('roomstate', (e) => resolve(e.detail.channelId), { once: true })));
  await loaded.channelSeen(channelId);
}

/**
 * Each channel's recent chat (`history=N`) from the recent-messages service, one request per
 * channel, shown by its source as one `history` event (the element merges the channels by
 * time); in a replay, the recorded histories instead. Called before the sources start, since
 * each needs its ChatHistory from the first live line on. A channel that opted out, an error or
 * a timeout shows nothing on stream: a line in `?debug` says why, never the setup card.
 */
export function showRecentHistory(sources: readonly ChatSource[], settings: HistorySettings, env: OverlayEnv, lookups: Promise<ChatLookups | null>): void {
  if (env.replay) {
    const history = new ChatHistory(sources[0]!, { ...settings, limit: Infinity });
    env.replay.chatHistory((lines) => history.show(lines));
    return;
  }
  const deadline = new Promise<void>((resolve) => env.schedule(resolve, HISTORY_WAIT_MS));
  const tap = env.tap('chat-history');
  for (const source of sources) {
    const history = new ChatHistory(source, settings);
    const note = (text: string) => env.note(`history #${source.channel}: ${text}`, `history-${source.channel}`);
    void fetchRecentMessages(source.channel, { limit: settings.limit, endpoint: env.endpoints.recentMessages, timeoutMs: HISTORY_WAIT_MS }).then(async (answer) => {
      if (!answer.ok) {
        history.abandon();
        note(`none (${answer.reason})`);
        return;
      }
      tap?.(answer.lines.join('\r\n'));
      await Promise.race([lookupsOf(source, lookups), deadline]);
      note(`${history.show(answer.lines)} lines shown, from recent-messages.robotty.de`);
    });
  }
}
