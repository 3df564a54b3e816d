/** Base URLs of Twitch's HTTP APIs; tests replace them with a fake server on 127.0.0.1. */
export interface TwitchEndpoints {
  /** Helix, without a trailing slash. */
  readonly helix: string;
  /** The OAuth host (validate, authorize). */
  readonly id: string;
  /** The whole token-check URL, where it is not `${id}/oauth2/validate` (the Twitch CLI's mock: `/auth/validate`). */
  readonly validate?: string;
  /**
   * Whole URLs for Helix paths served elsewhere than under `helix`, by path: the Twitch CLI
   * takes `/eventsub/subscriptions` on its EventSub server, not on its Helix mock.
   */
  readonly routes?: Readonly<Record<string, string>>;
}

export const TWITCH_ENDPOINTS: TwitchEndpoints = {
  helix: 'https://api.twitch.tv/helix',
  id: 'https://id.twitch.tv',
};

export type { Fetch } from '../core/fetch-json.js';
