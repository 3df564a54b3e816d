import { SourceError } from '../core/errors.js';
import { hexColor } from '../core/safe-values.js';
import type { HelixClient } from './helix-client.js';
import { rewardImage, type RewardImage, type RewardImagesWire } from './reward-image.js';

/** Helix wire shapes (snake_case, twitch-protocols.md §4.3). Normalised types follow below. */
interface HelixUserWire {
  id: string;
  login: string;
  display_name: string;
  profile_image_url: string;
  broadcaster_type: string;
}

export interface HelixStreamWire {
  id: string;
  user_id: string;
  user_login: string;
  user_name: string;
  game_id: string;
  game_name: string;
  type: string;
  title: string;
  viewer_count: number;
  started_at: string;
  language: string;
  thumbnail_url: string;
  tags: string[] | null;
  is_mature: boolean;
}

export interface TwitchUser {
  readonly id: string;
  readonly login: string;
  readonly displayName: string;
  readonly profileImageUrl: string;
  readonly broadcasterType: string;
}

/** Helix's limit for ids and logins together in one users or streams call. */
export const HELIX_BATCH = 100;

function checkBatch(count: number, what: string): void {
  if (count > HELIX_BATCH) throw new SourceError('config', `Helix takes at most ${HELIX_BATCH} ${what} per call; got ${count}.`);
}

/** `GET /users` for up to 100 ids and logins together. Unknown ones are simply absent. */
export async function getUsers(helix: HelixClient, query: { ids?: readonly string[]; logins?: readonly string[] }): Promise<TwitchUser[]> {
  const ids = query.ids ?? [];
  const logins = (query.logins ?? []).map((l) => l.toLowerCase());
  checkBatch(ids.length + logins.length, 'users');
  if (ids.length + logins.length === 0) return [];
  const body = await helix.get<{ data: HelixUserWire[] }>('/users', { id: ids, login: logins });
  return (body.data ?? []).map((u) => ({
    id: u.id,
    login: u.login,
    displayName: u.display_name || u.login,
    profileImageUrl: u.profile_image_url ?? '',
    broadcasterType: u.broadcaster_type ?? '',
  }));
}

/** `GET /streams` for up to 100 users; only live streams come back (an empty answer means offline). */
export async function getStreams(helix: HelixClient, query: { userIds?: readonly string[]; userLogins?: readonly string[] }): Promise<HelixStreamWire[]> {
  const ids = query.userIds ?? [];
  const logins = query.userLogins ?? [];
  checkBatch(ids.length + logins.length, 'users');
  const body = await helix.get<{ data: HelixStreamWire[] }>('/streams', { user_id: ids, user_login: logins, first: HELIX_BATCH });
  return body.data ?? [];
}

interface CustomRewardWire {
  id: string;
  title: string;
  prompt: string;
  cost: number;
  image: RewardImagesWire | null;
  default_image: RewardImagesWire;
  background_color: string;
  is_enabled: boolean;
  is_user_input_required: boolean;
  is_paused: boolean;
  global_cooldown_setting: { is_enabled: boolean; global_cooldown_seconds: number };
}

export interface CustomReward {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly cost: number;
  /** The reward's own image, else Twitch's default one; 1x, 2x, 4x. Null if the URLs are unusable. */
  readonly image: RewardImage | null;
  /** `#rrggbb`; null when Twitch's value is not a hex colour (it reaches a style). */
  readonly backgroundColor: string | null;
  readonly isEnabled: boolean;
  readonly isPaused: boolean;
  readonly isUserInputRequired: boolean;
  /** 0 when the reward has no cooldown. */
  readonly cooldownSeconds: number;
}

/**
 * `GET /channel_points/custom_rewards`: the broadcaster's rewards with what redemption events
 * lack (image, colour, cooldown; §3.5). Needs the broadcaster's own token with
 * `channel:read:redemptions` or `channel:manage:redemptions`.
 */
export async function getCustomRewards(helix: HelixClient, broadcasterId: string): Promise<CustomReward[]> {
  const body = await helix.get<{ data: CustomRewardWire[] }>('/channel_points/custom_rewards', { broadcaster_id: broadcasterId });
  return (body.data ?? []).map((r) => {
    return {
      id: r.id,
      title: r.title,
      prompt: r.prompt,
      cost: r.cost,
      image: rewardImage(r.image ?? r.default_image),
      backgroundColor: hexColor(r.background_color),
      isEnabled: r.is_enabled,
      isPaused: r.is_paused,
      isUserInputRequired: r.is_user_input_required,
      cooldownSeconds: r.global_cooldown_setting?.is_enabled ? r.global_cooldown_setting.global_cooldown_seconds : 0,
    };
  });
}

interface ChannelEmoteWire {
  id: string;
  name: string;
  tier: string;
  emote_type: string;
  emote_set_id: string;
  format: string[];
  scale: string[];
  theme_mode: string[];
}

export interface ChannelEmote {
  readonly id: string;
  readonly name: string;
  /** `subscriptions`, `bitstier` or `follower`. */
  readonly type: string;
  readonly tier: string;
  readonly animated: boolean;
  /** 1x image, from the response's URL template. */
  readonly url: string;
}

/** `GET /chat/emotes?broadcaster_id=`: a channel's own Twitch emotes (§4.3). */
export async function getChannelEmotes(helix: HelixClient, broadcasterId: string, theme: 'dark' | 'light' = 'dark'): Promise<ChannelEmote[]> {
  const body = await helix.get<{ data: ChannelEmoteWire[]; template: string }>('/chat/emotes', { broadcaster_id: broadcasterId });
  return (body.data ?? []).map((e) => {
    const animated = e.format.includes('animated');
    const url = body.template
      .replace('{{id}}', e.id)
      .replace('{{format}}', animated ? 'animated' : 'static')
      .replace('{{theme_mode}}', theme)
      .replace('{{scale}}', '1.0');
    return { id: e.id, name: e.name, type: e.emote_type, tier: e.tier, animated, url };
  });
}

interface CreatorGoalWire {
  id: string;
  broadcaster_id: string;
  broadcaster_name: string;
  broadcaster_login: string;
  type: string;
  description: string;
  current_amount: number;
  target_amount: number;
  created_at: string;
}

export interface CreatorGoal {
  readonly id: string;
  /** As EventSub names it (`follow`, `subscription`, `new_bit`, …): Helix's `follower` becomes `follow`. */
  readonly type: string;
  /** The streamer's text; '' when none. Shown as text only. */
  readonly description: string;
  readonly current: number;
  readonly target: number;
  /** Epoch ms. */
  readonly createdAt: number;
}

const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/**
 * `GET /goals?broadcaster_id=`: the broadcaster's active creator goals, for a goal bar that is
 * right before the first `channel.goal.*` event (§3.5). Needs the broadcaster's own token with
 * `channel:read:goals`. Goals whose amounts are not counts are left out.
 */
export async function getCreatorGoals(helix: HelixClient, broadcasterId: string): Promise<CreatorGoal[]> {
  const body = await helix.get<{ data: CreatorGoalWire[] }>('/goals', { broadcaster_id: broadcasterId });
  return (body.data ?? []).flatMap((g) => {
    const current = count(g.current_amount);
    const target = count(g.target_amount);
    if (current === null || target === null || typeof g.id !== 'string') return [];
    const createdAt = Date.parse(g.created_at);
    return [{ id: g.id, type: g.type === 'follower' ? 'follow' : String(g.type), description: typeof g.description === 'string' ? g.description : '', current, target, createdAt: Number.isNaN(createdAt) ? 0 : createdAt }];
  });
}

/** A Helix object as Twitch sent it, for a reader that checks each field it uses. */
export type HelixObject = Readonly<Record<string, unknown>>;

/**
 * `GET /hypetrain/status?broadcaster_id=` ("Get Hype Train Status", which replaced "Get Hype
 * Train Events" in 2026: obs-and-services.md §3): the train running now, with the fields of a
 * `channel.hype_train.progress` v2 event, or null when none runs. Needs `channel:read:hype_train`.
 */
export async function getHypeTrainNow(helix: HelixClient, broadcasterId: string): Promise<HelixObject | null> {
  const body = await helix.get<{ data?: { current?: HelixObject | null }[] }>('/hypetrain/status', { broadcaster_id: broadcasterId });
  return body.data?.[0]?.current ?? null;
}

/**
 * `GET /polls?broadcaster_id=&first=`: the broadcaster's newest polls first, running or ended
 * (`status` ACTIVE, COMPLETED, TERMINATED, ARCHIVED, …). Needs `channel:read:polls` or `channel:manage:polls`.
 */
export async function getPolls(helix: HelixClient, broadcasterId: string, first: number): Promise<readonly HelixObject[]> {
  const body = await helix.get<{ data?: HelixObject[] }>('/polls', { broadcaster_id: broadcasterId, first });
  return body.data ?? [];
}

/**
 * `GET /predictions?broadcaster_id=&first=`: the newest predictions first (`status` ACTIVE,
 * LOCKED, RESOLVED or CANCELED). Needs `channel:read:predictions` or `channel:manage:predictions`.
 */
export async function getPredictions(helix: HelixClient, broadcasterId: string, first: number): Promise<readonly HelixObject[]> {
  const body = await helix.get<{ data?: HelixObject[] }>('/predictions', { broadcaster_id: broadcasterId, first });
  return body.data ?? [];
}
