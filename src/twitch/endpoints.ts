/** Base URLs of Twitch's HTTP APIs; tests replace them with a fake server on 127.0.0.1. */
export interface TwitchEndpoints {
  /** Helix, without a trailing slash. */
  readonly helix: string;
  /** The OAuth host (validate, authorize). */
  readonly id: string;
}

export const TWITCH_ENDPOINTS: TwitchEndpoints = {
  helix: 'https://api.twitch.tv/helix',
  id: 'https://id.twitch.tv',
};

export type { Fetch } from '../core/fetch-json.js';
