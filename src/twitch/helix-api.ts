import { SourceError } from '../core/errors.js';
import type { HelixClient } from './helix-client.js';

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
