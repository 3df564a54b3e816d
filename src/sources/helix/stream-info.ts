import type { HelixStreamWire } from '../../twitch/helix-api.js';

/** A live stream, as PyWitch's StreamInfo reports it, in camelCase (§4.3 `GET /streams`). */
export interface StreamInfo {
  readonly id: string;
  readonly userId: string;
  readonly userLogin: string;
  readonly userName: string;
  readonly gameId: string;
  readonly gameName: string;
  /** `live`, or '' on error. */
  readonly type: string;
  readonly title: string;
  readonly viewerCount: number;
  /** Epoch ms. */
  readonly startedAt: number;
  readonly language: string;
  /** Has `{width}x{height}` placeholders. */
  readonly thumbnailUrl: string;
  readonly tags: readonly string[];
  readonly isMature: boolean;
}

/** What a stream-info event carries: whether the channel is live, its stream, and when this was seen. */
export interface StreamState {
  readonly live: boolean;
  readonly stream: StreamInfo | null;
  /** `Date.now()` of the poll that saw it. */
  readonly eventTime: number;
}

export function toStreamInfo(wire: HelixStreamWire): StreamInfo {
  return {
    id: wire.id,
    userId: wire.user_id,
    userLogin: wire.user_login,
    userName: wire.user_name,
    gameId: wire.game_id,
    gameName: wire.game_name,
    type: wire.type,
    title: wire.title,
    viewerCount: wire.viewer_count,
    startedAt: Date.parse(wire.started_at),
    language: wire.language,
    thumbnailUrl: wire.thumbnail_url,
    tags: wire.tags ?? [],
    isMature: wire.is_mature,
  };
}

/** The fields a viewer can see change; the thumbnail URL is a template and never does. */
export function visibleFields(stream: StreamInfo | null): string {
  if (!stream) return 'offline';
  const { id, title, gameId, gameName, viewerCount, startedAt, language, tags, isMature, type } = stream;
  return JSON.stringify([id, title, gameId, gameName, viewerCount, startedAt, language, tags, isMature, type]);
}
