/**
 * Realistic Twitch chat lines for the real-path benchmark: badges, name colours (and none),
 * localized names, Twitch emotes, 7TV/BTTV/FFZ emote words (those of the fake server's global
 * sets), emoji, /me, replies, 10–200 characters. Each line's id is the placeholder `@ID@`,
 * filled in as it is sent, so the page can report when each line appeared.
 *
 * `providerLines` are the same chat with what the opt-in providers decorate, from the
 * recorded answers in test/fixtures/http: chatters with FFZ, BTTV and 7TV badges, 7TV paints
 * and pronouns, the fixture channel's own third-party emotes, cheers, and Shared Chat lines.
 */
import { emotesTag, privmsg } from '../../src/simulator/tmi-lines.js';
import { pick, seededRandom } from '../../src/simulator/random.js';
import { COSMETIC_USER_ID, FIXTURE_CHANNEL_ID, RADIAL_USER_ID } from '../helpers/http.js';

export const ID_PLACEHOLDER = '@ID@';

const TWITCH_EMOTES: Readonly<Record<string, string>> = {
  Kappa: '25', Keepo: '1902', LUL: '425618', PogChamp: '305954156', SeemsGood: '64138', VoHiYo: '81274', BibleThump: '86', '<3': '9',
};
const THIRD_PARTY = ['EZ', 'RainTime', 'OhMyGod', ':tf:', 'SoSnowy', 'LilZ'];
/** The fixture channel's own 7TV, BTTV and FFZ emotes (7tv-user.json, bttv-user.json, ffz-room.json). */
const CHANNEL_THIRD_PARTY = ['peepoHappy', 'catJAM', 'FeelsGoodMan', 'KEKW'];
const EMOJI = ['👉', '😂', '❤️', '🔥', '👀', '🇩🇪', '👍🏽', '🎉'];
const WORDS = (
  'the that was so good chat lets go what happened boss fight is hard gg well played clip it no way ' +
  'how long have you been playing this first time here loving the vibe today stream when again ' +
  'mrdestructoid speedrun route skip pog insane jump nice one bro literally me can we get a'
).split(' ');
const BADGES = ['', '', 'subscriber/0', 'subscriber/0', 'moderator/1,subscriber/0', 'vip/1', 'subscriber/0,premium/1', 'broadcaster/1'];
const COLORS = ['#FF69B4', '#00FF7F', '', '#1E90FF', '#DAA520', '#8A2BE2', '#0000FF', '#7C7CE1', '', '#FF4500'];

/**
 * Chatters the recorded provider answers decorate: test/fixtures/http/ffz-badges.json,
 * bttv-badges.json, 7tv-user-cosmetics.json, 7tv-user-radial.json, pronouns-users.json.
 */
export const DECORATED_CHATTERS: readonly { readonly login: string; readonly id: string }[] = [
  { login: 'cosmeticviewer', id: COSMETIC_USER_ID }, // FFZ and BTTV supporter, 7TV badge and linear paint
  { login: 'radialviewer', id: RADIAL_USER_ID }, // 7TV radial paint
  { login: 'ffzdeveloper', id: '49399878' }, // FFZ developer and supporter
  { login: 'nightbot', id: '19264788' }, // FFZ bot
  { login: 'streamelements', id: '100135110' }, // FFZ bot
  { login: 'night', id: '29045896' }, // BTTV developer
  { login: 'sheviewer', id: '7000010' }, // pronouns She/Her
  { login: 'theyviewer', id: '7000011' }, // They/Them
  { login: 'mixedviewer', id: '7000012' }, // He/They
  { login: 'anyviewer', id: '7000013' }, // Any
];
/** Shares of `providerLines`: lines from decorated chatters, cheers, and Shared Chat lines. */
export const PROVIDER_SHARES = { decorated: 0.3, cheer: 0.03, shared: 0.1 } as const;
/** Cheer words the fixture cheermotes (helix-cheermotes.json) draw, with their amounts. */
const CHEERS: readonly [string, number][] = [['Cheer100', 100], ['TestCheer1000', 1000], ['Cheer1', 1]];

function text(random: () => number, thirdParty: readonly string[]): string {
  // Most chat lines are short; some run long.
  const r = random();
  const target = r < 0.6 ? 10 + random() * 50 : r < 0.9 ? 60 + random() * 60 : 120 + random() * 80;
  const words: string[] = [];
  let length = -1;
  while (length < target) {
    const kind = random();
    const word = kind < 0.12 ? pick(random, Object.keys(TWITCH_EMOTES)) : kind < 0.2 ? pick(random, thirdParty) : kind < 0.26 ? pick(random, EMOJI) : pick(random, WORDS);
    if (length + 1 + word.length > 200) break;
    words.push(word);
    length += 1 + word.length;
  }
  return words.join(' ');
}

interface LineOptions {
  readonly seed: number;
  /** Each line's `room-id`; the default is the one the lines always had. */
  readonly roomId?: string;
  readonly providers: boolean;
}

function lines(channel: string, count: number, options: LineOptions): string[] {
  const random = seededRandom(options.seed);
  const thirdParty = options.providers ? [...THIRD_PARTY, ...CHANNEL_THIRD_PARTY] : THIRD_PARTY;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(random() * 300);
    const decorated = options.providers && random() < PROVIDER_SHARES.decorated ? pick(random, DECORATED_CHATTERS) : null;
    const login = decorated?.login ?? `viewer_${n}`;
    let body = text(random, thirdParty);
    const action = random() < 0.08;
    const reply = random() < 0.05;
    const extraTags: Record<string, string> = reply
      ? { 'reply-parent-msg-id': 'parent-1', 'reply-parent-user-login': 'someone', 'reply-parent-display-name': 'Someone', 'reply-parent-msg-body': 'what did I miss?' }
      : {};
    if (options.providers && random() < PROVIDER_SHARES.cheer) {
      const [word, bits] = pick(random, CHEERS);
      body = `${word} ${body}`;
      extraTags.bits = String(bits);
    }
    // A line from the fixture channel during a Shared Chat session, with its badges there.
    if (options.providers && random() < PROVIDER_SHARES.shared) {
      Object.assign(extraTags, { 'source-room-id': FIXTURE_CHANNEL_ID, 'source-id': `src-${ID_PLACEHOLDER}`, 'source-badges': 'subscriber/12' });
    }
    out.push(
      privmsg(channel, action ? `\u0001ACTION ${body}\u0001` : body, {
        id: ID_PLACEHOLDER,
        login,
        displayName: decorated ? login : n % 23 === 0 ? `視聴者${n}` : n % 2 === 0 ? `Viewer_${n}` : login,
        userId: decorated?.id ?? String(50_000 + n),
        color: COLORS[n % COLORS.length],
        badges: BADGES[n % BADGES.length],
        emotes: emotesTag(body, TWITCH_EMOTES),
        sentAt: 1_700_000_000_000 + i,
        ...(options.roomId !== undefined && { roomId: options.roomId }),
        extraTags,
      }),
    );
  }
  return out;
}

/** `count` PRIVMSG lines for `channel`, the same for the same seed. */
export function benchLines(channel: string, count: number, seed = 15): string[] {
  return lines(channel, count, { seed, providers: false });
}

/** `count` PRIVMSG lines for `channel` (whose id is `roomId`) that the opt-in providers decorate. */
export function providerLines(channel: string, roomId: string, count: number, seed = 14): string[] {
  return lines(channel, count, { seed, roomId, providers: true });
}
