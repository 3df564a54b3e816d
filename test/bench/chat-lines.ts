/**
 * Realistic Twitch chat lines for the real-path benchmark: badges, name colours (and none),
 * localized names, Twitch emotes, 7TV/BTTV/FFZ emote words (those of the fake server's global
 * sets), emoji, /me, replies, 10–200 characters. Each line's id is the placeholder `@ID@`,
 * filled in as it is sent, so the page can report when each line appeared.
 */
import { emotesTag, privmsg } from '../../src/simulator/tmi-lines.js';
import { pick, seededRandom } from '../../src/simulator/random.js';

export const ID_PLACEHOLDER = '@ID@';

const TWITCH_EMOTES: Readonly<Record<string, string>> = {
  Kappa: '25', Keepo: '1902', LUL: '425618', PogChamp: '305954156', SeemsGood: '64138', VoHiYo: '81274', BibleThump: '86', '<3': '9',
};
const THIRD_PARTY = ['EZ', 'RainTime', 'OhMyGod', ':tf:', 'SoSnowy', 'LilZ'];
const EMOJI = ['👉', '😂', '❤️', '🔥', '👀', '🇩🇪', '👍🏽', '🎉'];
const WORDS = (
  'the that was so good chat lets go what happened boss fight is hard gg well played clip it no way ' +
  'how long have you been playing this first time here loving the vibe today stream when again ' +
  'mrdestructoid speedrun route skip pog insane jump nice one bro literally me can we get a'
).split(' ');
const BADGES = ['', '', 'subscriber/0', 'subscriber/0', 'moderator/1,subscriber/0', 'vip/1', 'subscriber/0,premium/1', 'broadcaster/1'];
const COLORS = ['#FF69B4', '#00FF7F', '', '#1E90FF', '#DAA520', '#8A2BE2', '#0000FF', '#7C7CE1', '', '#FF4500'];

function text(random: () => number): string {
  // Most chat lines are short; some run long.
  const r = random();
  const target = r < 0.6 ? 10 + random() * 50 : r < 0.9 ? 60 + random() * 60 : 120 + random() * 80;
  const words: string[] = [];
  let length = -1;
  while (length < target) {
    const kind = random();
    const word = kind < 0.12 ? pick(random, Object.keys(TWITCH_EMOTES)) : kind < 0.2 ? pick(random, THIRD_PARTY) : kind < 0.26 ? pick(random, EMOJI) : pick(random, WORDS);
    if (length + 1 + word.length > 200) break;
    words.push(word);
    length += 1 + word.length;
  }
  return words.join(' ');
}

/** `count` PRIVMSG lines for `channel`, the same for the same seed. */
export function benchLines(channel: string, count: number, seed = 15): string[] {
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = Math.floor(random() * 300);
    const login = `viewer_${n}`;
    const body = text(random);
    const action = random() < 0.08;
    const reply = random() < 0.05;
    const extraTags: Record<string, string> = reply
      ? { 'reply-parent-msg-id': 'parent-1', 'reply-parent-user-login': 'someone', 'reply-parent-display-name': 'Someone', 'reply-parent-msg-body': 'what did I miss?' }
      : {};
    lines.push(
      privmsg(channel, action ? `\u0001ACTION ${body}\u0001` : body, {
        id: ID_PLACEHOLDER,
        login,
        displayName: n % 23 === 0 ? `視聴者${n}` : n % 2 === 0 ? `Viewer_${n}` : login,
        userId: String(50_000 + n),
        color: COLORS[n % COLORS.length],
        badges: BADGES[n % BADGES.length],
        emotes: emotesTag(body, TWITCH_EMOTES),
        sentAt: 1_700_000_000_000 + i,
        extraTags,
      }),
    );
  }
  return lines;
}
