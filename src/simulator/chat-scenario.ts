import { clearmsg, emotesTag, nextMessageId, privmsg, timeout, usernotice } from './tmi-lines.js';
import { pick, seededRandom } from './random.js';

/** Twitch global emotes by code, with their real ids. */
const TWITCH_EMOTES: Readonly<Record<string, string>> = {
  Kappa: '25',
  Keepo: '1902',
  LUL: '425618',
  PogChamp: '305954156',
  SeemsGood: '64138',
  VoHiYo: '81274',
  BibleThump: '86',
  '<3': '9',
};

interface Viewer {
  readonly login: string;
  readonly displayName: string;
  readonly userId: string;
  readonly color: string;
  readonly badges: string;
  readonly badgeInfo: string;
}

const VIEWERS: readonly Viewer[] = [
  { login: 'pixelpanda', displayName: 'PixelPanda', userId: '90001', color: '#FF69B4', badges: 'subscriber/12', badgeInfo: 'subscriber/14' },
  { login: 'modmaria', displayName: 'ModMaria', userId: '90002', color: '#00FF7F', badges: 'moderator/1,subscriber/24', badgeInfo: 'subscriber/26' },
  { login: 'quietquokka', displayName: 'quietquokka', userId: '90003', color: '', badges: '', badgeInfo: '' },
  { login: 'testaccount_420', displayName: '테스트계정420', userId: '90004', color: '#1E90FF', badges: 'vip/1', badgeInfo: '' },
  { login: 'arabicfan', displayName: 'ArabicFan', userId: '90005', color: '#DAA520', badges: 'subscriber/0', badgeInfo: 'subscriber/1' },
  { login: 'speedrunsteve', displayName: 'SpeedrunSteve', userId: '90006', color: '#8A2BE2', badges: 'subscriber/6,premium/1', badgeInfo: 'subscriber/7' },
  { login: 'darkmodedan', displayName: 'DarkModeDan', userId: '90007', color: '#0000FF', badges: '', badgeInfo: '' },
  { login: 'nightbot', displayName: 'Nightbot', userId: '19264788', color: '#7C7CE1', badges: 'moderator/1,partner/1', badgeInfo: '' },
];

const MESSAGES: readonly string[] = [
  'hello chat VoHiYo',
  'that jump was insane PogChamp',
  '👉 <3 great stream',
  'LUL LUL LUL',
  'Kappa sure it was',
  'how long have you been playing this?',
  'first time here, loving the vibe SeemsGood',
  'مرحبا بالجميع',
  '𝚫𝑣 :) math stream when',
  'GG! Keepo',
  'BibleThump that ending',
  '!uptime',
];

export interface ChatScenarioOptions {
  readonly channel: string;
  readonly roomId: string;
  /** Same seed, same sequence. */
  readonly seed?: number;
  readonly now?: () => number;
}

const ANNOUNCEMENT_COLORS = ['PURPLE', 'BLUE', 'GREEN', 'ORANGE', 'PRIMARY'];

/**
 * Realistic chat traffic as Twitch IRC lines: messages with emotes after emoji, /me,
 * replies, subs, raids, announcements, deletions and timeouts, in roughly the mix a busy
 * channel sees. Each call to `next()` returns the lines of one event.
 */
export function createChatScenario(options: ChatScenarioOptions): { next(): string[] } {
  const random = seededRandom(options.seed ?? 42);
  const now = options.now ?? Date.now;
  const { channel, roomId } = options;
  const recent: { id: string; viewer: Viewer; text: string }[] = [];

  const chat = (viewer: Viewer, text: string, extraTags: Record<string, string> = {}): string => {
    const id = nextMessageId();
    recent.push({ id, viewer, text });
    if (recent.length > 20) recent.shift();
    return privmsg(channel, text, {
      id,
      login: viewer.login,
      displayName: viewer.displayName,
      userId: viewer.userId,
      color: viewer.color,
      badges: viewer.badges,
      badgeInfo: viewer.badgeInfo,
      emotes: emotesTag(text.replace(/^\u0001ACTION |\u0001$/g, ''), TWITCH_EMOTES),
      roomId,
      sentAt: now(),
      extraTags,
    });
  };

  return {
    next(): string[] {
      const roll = random();
      const viewer = pick(random, VIEWERS);
      // A few plain lines are Twitch's special kinds; chosen from `roll`, so the seeded sequence stays as it was.
      if (roll < 0.78 || recent.length < 3) return [chat(viewer, pick(random, MESSAGES), roll < 0.015 ? { 'msg-id': 'highlighted-message' } : roll < 0.03 ? { 'first-msg': '1' } : {})];
      if (roll < 0.83) return [chat(viewer, `\u0001ACTION ${pick(random, ['dances', 'waves at everyone', 'grabs popcorn'])}\u0001`)];
      if (roll < 0.88) {
        const parent = pick(random, recent);
        return [
          chat(viewer, `@${parent.viewer.login} ${pick(random, ['agreed!', 'no way LUL', 'same here'])}`, {
            'reply-parent-msg-id': parent.id,
            'reply-parent-user-id': parent.viewer.userId,
            'reply-parent-user-login': parent.viewer.login,
            'reply-parent-display-name': parent.viewer.displayName,
            'reply-parent-msg-body': parent.text,
          }),
        ];
      }
      if (roll < 0.91) {
        const months = 2 + Math.floor(random() * 30);
        return [
          usernotice(channel, {
            msgId: 'resub',
            login: viewer.login,
            displayName: viewer.displayName,
            userId: viewer.userId,
            color: viewer.color,
            badges: viewer.badges,
            roomId,
            systemMsg: `${viewer.displayName} subscribed at Tier 1. They've subscribed for ${months} months!`,
            params: { 'cumulative-months': String(months), 'should-share-streak': '0', 'sub-plan': '1000', 'sub-plan-name': `Channel Subscription (${channel})` },
            text: pick(random, ['love this community <3', '', 'PogChamp']),
          }),
        ];
      }
      if (roll < 0.93) {
        const viewers = 5 + Math.floor(random() * 500);
        return [
          usernotice(channel, {
            msgId: 'raid',
            login: viewer.login,
            displayName: viewer.displayName,
            userId: viewer.userId,
            roomId,
            systemMsg: `${viewers} raiders from ${viewer.displayName} have joined!`,
            params: { displayName: viewer.displayName, login: viewer.login, viewerCount: String(viewers) },
          }),
        ];
      }
      if (roll < 0.95) {
        return [
          usernotice(channel, {
            msgId: 'announcement',
            login: 'modmaria',
            displayName: 'ModMaria',
            userId: '90002',
            badges: 'moderator/1',
            roomId,
            systemMsg: '',
            params: { color: ANNOUNCEMENT_COLORS[Math.floor(roll * 1000) % ANNOUNCEMENT_COLORS.length]! },
            text: 'Giveaway at the end of stream! Type !join',
          }),
        ];
      }
      const target = recent.pop()!;
      if (roll < 0.98) return [clearmsg(channel, target.viewer.login, target.id, target.text)];
      return [timeout(channel, roomId, target.viewer.login, target.viewer.userId, 60)];
    },
  };
}
