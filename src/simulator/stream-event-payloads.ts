import type { EventKind } from '../domain/stream-event.js';
import { DEMO_REWARDS, DEMO_USER } from './demo-channel.js';
import { pick } from './random.js';

/** One notification to play: its subscription type and version and the `event` payload. */
export interface SimulatedNotification {
  readonly type: string;
  readonly version: string;
  readonly event: Record<string, unknown>;
}

const VIEWERS = ['PixelPanda', 'ModMaria', 'quietquokka', 'SpeedrunSteve', 'DarkModeDan', 'LateNightLena', 'cozy_cactus'];
const CHANNELS = ['SpeedrunSteve', 'CozyCactusTV', 'RetroRhea'];
const INPUTS = ['two glasses please', 'Never Gonna Give You Up', 'one sip every time chat says LUL', 'the Tetris theme'];
const MESSAGES = ['Love the stream! Kappa', 'Another month, another great run', 'Here for the vibes Kappa'];
/** Kappa, a global emote whose id has been stable for years. */
const KAPPA = '25';

const broadcaster = { broadcaster_user_id: DEMO_USER.id, broadcaster_user_login: DEMO_USER.login, broadcaster_user_name: DEMO_USER.displayName };
const iso = (ms: number) => new Date(ms).toISOString();
let serial = 0;
const id = (prefix: string) => `demo-${prefix}-${++serial}`;

function viewer(random: () => number, prefix = 'user_') {
  const name = pick(random, VIEWERS);
  return { [`${prefix}id`]: String(90_000 + VIEWERS.indexOf(name)), [`${prefix}login`]: name.toLowerCase(), [`${prefix}name`]: name };
}

/** Kappa wherever the text says it, as the inclusive code-point ranges Twitch sends (§1.7). */
function kappaRanges(text: string) {
  const out: { begin: number; end: number; id: string }[] = [];
  for (let at = text.indexOf('Kappa'); at !== -1; at = text.indexOf('Kappa', at + 1)) out.push({ begin: at, end: at + 4, id: KAPPA });
  return out;
}

function fragments(text: string) {
  return text.split(/(Kappa)/).filter(Boolean).map((piece) =>
    piece === 'Kappa' ? { type: 'emote', text: piece, cheermote: null, emote: { id: KAPPA, emote_set_id: '0', owner_id: '0', format: ['static'] } } : { type: 'text', text: piece, cheermote: null, emote: null },
  );
}

const one = (type: string, event: Record<string, unknown>, version = '1'): SimulatedNotification => ({ type, version, event: { ...broadcaster, ...event } });

/**
 * The notifications one event of `kind` brings, field for field as in Twitch's EventSub
 * reference: a gift bomb is its gift event and one sub per recipient; a cheer comes as
 * `channel.bits.use` and `channel.cheer`; hype trains, polls, predictions and goals begin,
 * progress and end.
 */
export function simulatedNotifications(kind: EventKind, random: () => number, now = Date.now()): SimulatedNotification[] {
  switch (kind) {
    case 'follow':
      return [one('channel.follow', { ...viewer(random), followed_at: iso(now) }, '2')];
    case 'sub':
      return [one('channel.subscribe', { ...viewer(random), tier: pick(random, ['1000', '1000', '2000', '3000']), is_gift: false })];
    case 'resub': {
      const text = pick(random, MESSAGES);
      const months = 2 + Math.floor(random() * 40);
      return [one('channel.subscription.message', { ...viewer(random), tier: '1000', message: { text, emotes: kappaRanges(text) }, cumulative_months: months, streak_months: months - 1, duration_months: 1 })];
    }
    case 'gift': {
      const total = pick(random, [1, 5, 10, 50]);
      const gift = one('channel.subscription.gift', { ...viewer(random), total, tier: '1000', cumulative_total: total + Math.floor(random() * 100), is_anonymous: false });
      const recipients = Array.from({ length: total }, (_, i) => one('channel.subscribe', { user_id: String(80_000 + i), user_login: `lucky_viewer${i}`, user_name: `Lucky_Viewer${i}`, tier: '1000', is_gift: true }));
      return [gift, ...recipients];
    }
    case 'cheer': {
      const bits = pick(random, [100, 500, 1000, 5000]);
      const who = viewer(random);
      const words = `Cheer${bits} GG Kappa`;
      return [
        one('channel.bits.use', { ...who, bits, type: 'cheer', power_up: null, message: { text: words, fragments: [{ type: 'cheermote', text: `Cheer${bits}`, cheermote: { prefix: 'Cheer', bits, tier: bits >= 5000 ? 5000 : bits >= 1000 ? 1000 : 100 }, emote: null }, ...fragments(' GG Kappa')] } }),
        one('channel.cheer', { is_anonymous: false, ...who, message: words, bits }),
      ];
    }
    case 'raid':
      // A raid names both channels and no broadcaster_user_* fields.
      return [{ type: 'channel.raid', version: '1', event: { ...viewer(random, 'from_broadcaster_user_'), to_broadcaster_user_id: DEMO_USER.id, to_broadcaster_user_login: DEMO_USER.login, to_broadcaster_user_name: DEMO_USER.displayName, viewers: pick(random, [12, 48, 250, 1300]) } }];
    case 'shoutout': {
      const from = pick(random, CHANNELS);
      return [one('channel.shoutout.receive', { from_broadcaster_user_id: String(70_000 + CHANNELS.indexOf(from)), from_broadcaster_user_login: from.toLowerCase(), from_broadcaster_user_name: from, viewer_count: 300 + Math.floor(random() * 3000), started_at: iso(now) })];
    }
    case 'hype-train': {
      const train = { id: id('train'), type: 'regular', is_shared_train: false, shared_train_participants: null, started_at: iso(now) };
      const top = [{ ...viewer(random), type: 'bits', total: 500 }, { ...viewer(random), type: 'subscription', total: 1000 }];
      return [
        one('channel.hype_train.begin', { ...train, level: 1, total: 1500, progress: 1500, goal: 1800, top_contributions: top, all_time_high_level: 3, all_time_high_total: 9000, expires_at: iso(now + 300_000) }, '2'),
        one('channel.hype_train.progress', { ...train, level: 2, total: 2300, progress: 500, goal: 2100, top_contributions: top, expires_at: iso(now + 300_000) }, '2'),
        one('channel.hype_train.end', { ...train, level: 2, total: 2300, top_contributions: top, ended_at: iso(now + 60_000), cooldown_ends_at: iso(now + 3_600_000) }, '2'),
      ];
    }
    case 'poll': {
      const poll = { id: id('poll'), title: 'Which boss next?', bits_voting: { is_enabled: false, amount_per_vote: 0 }, channel_points_voting: { is_enabled: true, amount_per_vote: 100 }, started_at: iso(now) };
      const choices = (a: number, b: number) => [
        { id: 'c1', title: 'The Dragon', bits_votes: 0, channel_points_votes: 0, votes: a },
        { id: 'c2', title: 'The Lich', bits_votes: 0, channel_points_votes: 0, votes: b },
      ];
      return [
        one('channel.poll.begin', { ...poll, choices: [{ id: 'c1', title: 'The Dragon' }, { id: 'c2', title: 'The Lich' }], ends_at: iso(now + 60_000) }),
        one('channel.poll.progress', { ...poll, choices: choices(12, 7), ends_at: iso(now + 60_000) }),
        one('channel.poll.end', { ...poll, choices: choices(31, 18), status: 'completed', ended_at: iso(now + 60_000) }),
      ];
    }
    case 'prediction': {
      const prediction = { id: id('prediction'), title: 'Will we beat it first try?', started_at: iso(now) };
      const outcomes = (blue: number, pink: number) => [
        { id: 'o1', title: 'Yes', color: 'blue', users: blue, channel_points: blue * 1000, top_predictors: [] },
        { id: 'o2', title: 'No', color: 'pink', users: pink, channel_points: pink * 800, top_predictors: [] },
      ];
      return [
        one('channel.prediction.begin', { ...prediction, outcomes: [{ id: 'o1', title: 'Yes', color: 'blue' }, { id: 'o2', title: 'No', color: 'pink' }], locks_at: iso(now + 120_000) }),
        one('channel.prediction.progress', { ...prediction, outcomes: outcomes(10, 4), locks_at: iso(now + 120_000) }),
        one('channel.prediction.lock', { ...prediction, outcomes: outcomes(22, 9), locked_at: iso(now + 120_000) }),
        one('channel.prediction.end', { ...prediction, outcomes: outcomes(22, 9), winning_outcome_id: 'o1', status: 'resolved', ended_at: iso(now + 300_000) }),
      ];
    }
    case 'goal': {
      const goal = { id: id('goal'), type: 'follow', description: 'Road to 1,000 followers', target_amount: 1000, started_at: iso(now) };
      return [
        one('channel.goal.begin', { ...goal, current_amount: 940 }),
        one('channel.goal.progress', { ...goal, current_amount: 990 }),
        one('channel.goal.end', { ...goal, current_amount: 1000, is_achieved: true, ended_at: iso(now + 60_000) }),
      ];
    }
    case 'charity':
      return [
        one('channel.charity_campaign.donate', {
          id: id('donation'), campaign_id: 'demo-campaign', ...viewer(random), charity_name: 'Example Charity', charity_description: 'An example charity for the demo',
          charity_logo: '', charity_website: 'https://example.org', amount: { value: pick(random, [500, 1000, 2500]), decimal_places: 2, currency: 'USD' },
        }),
      ];
    case 'redemption': {
      const reward = pick(random, DEMO_REWARDS);
      return [
        one('channel.channel_points_custom_reward_redemption.add', {
          id: id('redemption'), ...viewer(random), user_input: reward.input ? pick(random, INPUTS) : '', status: 'unfulfilled',
          reward: { id: reward.id, title: reward.title, cost: reward.cost, prompt: reward.prompt }, redeemed_at: iso(now),
        }),
      ];
    }
    case 'stream-online':
      return [one('stream.online', { id: id('stream'), type: 'live', started_at: iso(now) })];
    case 'stream-offline':
      return [one('stream.offline', {})];
  }
}
