import { createLogger } from '../core/logger.js';
import { KeyedCache } from '../core/keyed-cache.js';
import { imageUrl } from '../core/safe-values.js';
import type { UserDirectory } from '../twitch/user-directory.js';
import { isUserId, normalizeLogin } from '../twitch/login.js';
import { fetchJson, type FetchJsonOptions } from '../core/fetch-json.js';
import type { ChatLookup, LookupNote } from './chat-lookup.js';

/** How a channel is named on a line from it: a Shared Chat source, shown as a small marker. */
export interface ChannelProfile {
  readonly id: string;
  readonly login: string;
  /** Text only, never markup; at most 64 characters. */
  readonly displayName: string;
  /** A checked https image URL, or null. */
  readonly avatarUrl: string | null;
}

export interface ChannelProfilesOptions extends Omit<FetchJsonOptions, 'postJson'> {
  /** With a token, Helix `/users` is asked first, through the directory's batches. */
  readonly users?: UserDirectory;
  /** IVR's base URL (`/v2/twitch/user?id=`), asked without a token or when Helix fails. */
  readonly ivrEndpoint: string;
}

/** A user as the directory gives it (a TwitchUser) or as IVR's `/v2/twitch/user` sends it (the avatar as `logo`). */
interface UserWire {
  id?: unknown;
  login?: unknown;
  displayName?: unknown;
  profileImageUrl?: unknown;
  logo?: unknown;
}

/** Channels remembered; a Shared Chat session joins at most a handful. */
const CAPACITY = 64;
const MAX_NAME = 64;

const log = createLogger('channels');

function profileFrom(wire: UserWire | null | undefined, id: string): ChannelProfile | null {
  if (!wire || wire.id !== id || typeof wire.login !== 'string') return null;
  const login = normalizeLogin(wire.login);
  if (!login) return null;
  const name = wire.displayName;
  return {
    id,
    login,
    displayName: typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_NAME) : login,
    avatarUrl: imageUrl(wire.profileImageUrl ?? wire.logo),
  };
}

/**
 * Names and avatars of channels by id, for Shared Chat markers: Helix with a token, IVR's
 * public mirror without (or when Helix fails). Answers are kept (a channel no service knows is
 * remembered as unknown), failures are not, so a later line asks again; `load` never rejects.
 */
export class ChannelProfiles implements ChatLookup {
  private readonly known = new KeyedCache<string, ChannelProfile | null>(CAPACITY);
  /** Channels named (or being named) for the chat, each noted once. */
  private readonly named = new Set<string>();

  constructor(private readonly options: ChannelProfilesOptions) {}

  get(id: string): ChannelProfile | undefined {
    return this.known.get(id) ?? undefined;
  }

  load(id: string): Promise<ChannelProfile | null> {
    if (!isUserId(id)) return Promise.resolve(null);
    // An answer is kept, "no such channel" included; after a failure the next line asks again.
    return this.known.load(id, () => this.ask(id)).catch(() => null);
  }

  /** Names a Shared Chat source channel for its marker; one not named (a failure) is asked again with its next line. */
  async loadChannel(channelId: string): Promise<LookupNote[]> {
    if (!isUserId(channelId) || this.named.has(channelId)) return [];
    this.named.add(channelId);
    const profile = await this.load(channelId);
    if (profile) return [`shared chat: ${profile.login}`];
    this.named.delete(channelId);
    return [];
  }

  /** The first service's answer; rejects when none named the channel and one of them failed. */
  private async ask(id: string): Promise<ChannelProfile | null> {
    const { users, ivrEndpoint, ...http } = this.options;
    const services: [string, () => Promise<UserWire | null | undefined>][] = [
      ...(users ? [['helix', () => users.get(id)] as [string, () => Promise<UserWire | null>]] : []),
      ['ivr', async () => ((await fetchJson(`${ivrEndpoint}/v2/twitch/user?id=${id}`, http)) as UserWire[] | null)?.[0]],
    ];
    const failures: unknown[] = [];
    for (const [name, ask] of services) {
      try {
        const profile = profileFrom(await ask(), id);
        if (profile) return profile;
      } catch (error) {
        failures.push(error);
        log.warn(`${name} could not name channel ${id} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
    if (failures.length > 0) throw failures[0];
    return null;
  }
}
