import type { ChatUser } from '../sources/tmi/chat-events.js';

/*
 * src/chat-lookups/ holds what decorates a chat line without touching the DOM: Twitch badges
 * (Helix, IVR), third-party badges and 7TV paints (FFZ, BTTV, 7TV), third-party emotes,
 * pronouns, cheermotes and channel profiles. They are data from services, so they sit below the
 * elements: components/chat draws what they answer and may import their types, never the reverse.
 */

/** One line for `?debug` saying how a service answered: `badges: loaded (ivr)`, `bttv: unavailable (…)`. */
export type LookupNote = string;

/**
 * The shape every chat lookup shares. A lookup answers its own reads (a badge for `set/version`,
 * an emote for a word, a chatter's pronouns) at once, from what it has loaded, so a line is
 * built in one go; these methods load it. Each is fail-soft: nothing rejects, and the notes say
 * what loaded or why a service could not. A lookup has the loads its services need.
 */
export interface ChatLookup {
  /** What every channel shares (FFZ's and BTTV's published badge lists): once, as chat starts. */
  loadShared?(): Promise<LookupNote[]>;
  /** What lines read in or sent from `channelId` need (its badges, emotes, cheermotes): once per channel. */
  loadChannel?(channelId: string): Promise<LookupNote[]>;
  /** What one chatter has (7TV cosmetics, pronouns): when their line is queued; resolves once answered. Cheap for a known chatter. */
  loadChatter?(user: ChatUser): Promise<void>;
}

/**
 * Per-user lookups of a third-party service (7TV cosmetics, pronouns) start at most one per
 * this many ms: ten a second. A chat of new chatters would otherwise start one for each, as fast
 * as the service answers; issuing a request costs the page about half a millisecond of main
 * thread (measured with all providers on at 1,000 msg/s: README, Benchmarks), and the services
 * are small free ones. A chatter refused or still waiting is looked up on a later line.
 */
export const LOOKUP_SPACING_MS = 100;
