import type { AlertKind, StreamEvent, ViewerMessage } from '../../domain/stream-event.js';

/** What an alert shows of an event: template fields, the amount that picks variations, the message. */
export interface AlertContent {
  /** `{user}`, `{amount}`, … as text; every value is shown as text, never HTML. */
  readonly fields: Readonly<Record<string, string>>;
  /** Compared with the kind's minimum and variations: bits, viewers, months, subs gifted, … */
  readonly amount: number;
  /** The viewer's own words, with emotes. */
  readonly message: ViewerMessage | null;
}

const EMPTY = { text: '', parts: [] } as const;
const n = (value: number) => value.toLocaleString('en-US');
const ANONYMOUS = 'Anonymous';

/**
 * Whether an event is worth an alert at all. Progress updates of hype trains, polls,
 * predictions and goals feed the live widgets, not the alert box: it alerts when they begin
 * and end (a prediction also when it locks is left to the widget).
 */
export function isAlertMoment(event: StreamEvent): boolean {
  if (event.kind === 'hype-train' || event.kind === 'poll' || event.kind === 'goal' || event.kind === 'prediction') return event.phase === 'begin' || event.phase === 'end';
  return true;
}

function headline(event: StreamEvent): string {
  switch (event.kind) {
    case 'hype-train': {
      const train = event.trainType === 'golden_kappa' ? 'Golden Kappa train' : event.trainType === 'treasure' ? 'treasure train' : 'hype train';
      return event.phase === 'end' ? `The ${train} reached level ${event.level}!` : `${train[0]!.toUpperCase()}${train.slice(1)}! Level ${event.level}`;
    }
    case 'poll': {
      if (event.phase !== 'end') return `Poll: ${event.title}`;
      const top = [...event.choices].sort((a, b) => b.votes - a.votes)[0];
      return top ? `Poll result: ${top.title}` : `Poll ended: ${event.title}`;
    }
    case 'prediction': {
      if (event.phase !== 'end') return `Prediction: ${event.title}`;
      const winner = event.outcomes.find((o) => o.id === event.winningOutcomeId);
      return winner ? `“${winner.title}” wins the prediction!` : 'The prediction was cancelled';
    }
    case 'goal':
      if (event.phase === 'begin') return `New goal: ${event.description || event.goalType}`;
      return event.achieved ? `Goal reached: ${event.description || event.goalType}!` : `The goal ended at ${n(event.current)} of ${n(event.target)}`;
    case 'stream-online':
      return 'Went live';
    case 'stream-offline':
      return 'Went offline';
    default:
      return '';
  }
}

/** The fields, amount and message of one event, for its kind. */
export function alertContent(event: StreamEvent): AlertContent {
  const base = { user: 'user' in event && event.user ? event.user.name : ANONYMOUS, headline: headline(event) };
  switch (event.kind) {
    case 'follow':
      return { amount: event.count, message: null, fields: { ...base, amount: n(event.count), count: n(event.count) } };
    case 'sub':
      return { amount: event.tier, message: null, fields: { ...base, tier: `Tier ${event.tier}`, amount: String(event.tier) } };
    case 'resub':
      return {
        amount: event.months,
        message: event.message,
        fields: { ...base, tier: `Tier ${event.tier}`, months: n(event.months), amount: n(event.months), streak: event.streakMonths === null ? '' : n(event.streakMonths), message: event.message.text },
      };
    case 'gift':
      return { amount: event.total, message: null, fields: { ...base, tier: `Tier ${event.tier}`, amount: n(event.total), total: event.cumulativeTotal === null ? '' : n(event.cumulativeTotal) } };
    case 'cheer':
      return { amount: event.bits, message: event.message, fields: { ...base, amount: n(event.bits), bits: n(event.bits), message: event.message.text, powerup: event.powerUp.replace(/_/g, ' ') } };
    case 'raid':
    case 'shoutout':
      return { amount: event.viewers, message: null, fields: { ...base, amount: n(event.viewers), viewers: n(event.viewers) } };
    case 'hype-train':
      return { amount: event.level, message: null, fields: { ...base, amount: n(event.level), level: n(event.level), total: n(event.total) } };
    case 'poll': {
      const votes = event.choices.reduce((sum, c) => sum + c.votes, 0);
      return { amount: votes, message: null, fields: { ...base, amount: n(votes), title: event.title } };
    }
    case 'prediction': {
      const points = event.outcomes.reduce((sum, o) => sum + o.channelPoints, 0);
      const winner = event.outcomes.find((o) => o.id === event.winningOutcomeId)?.title ?? '';
      return { amount: points, message: null, fields: { ...base, amount: n(points), title: event.title, winner } };
    }
    case 'goal':
      return { amount: event.current, message: null, fields: { ...base, amount: n(event.current), current: n(event.current), target: n(event.target), description: event.description } };
    case 'charity': {
      const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: event.currency }).format(event.amount);
      return { amount: event.amount, message: null, fields: { ...base, amount: money, charity: event.charityName } };
    }
    case 'redemption': {
      const r = event.redemption;
      const message = event.message.parts.length ? event.message : r.userInput ? { text: r.userInput, parts: [{ type: 'text' as const, text: r.userInput }] } : EMPTY;
      return { amount: r.rewardCost, message, fields: { user: r.userName, headline: '', reward: r.rewardTitle, cost: n(r.rewardCost), amount: n(r.rewardCost), input: r.userInput, message: r.userInput } };
    }
    case 'stream-online':
    case 'stream-offline':
      return { amount: 0, message: null, fields: base };
  }
}

/** The field names each kind fills, for the docs and the builder. */
export const KIND_FIELDS: Readonly<Record<AlertKind, readonly string[]>> = {
  follow: ['user', 'count', 'amount'],
  sub: ['user', 'tier'],
  resub: ['user', 'months', 'streak', 'tier', 'message'],
  gift: ['user', 'amount', 'tier', 'total'],
  cheer: ['user', 'amount', 'message', 'powerup'],
  raid: ['user', 'viewers'],
  shoutout: ['user', 'viewers'],
  'hype-train': ['headline', 'level', 'total'],
  poll: ['headline', 'title', 'amount'],
  prediction: ['headline', 'title', 'winner', 'amount'],
  goal: ['headline', 'description', 'current', 'target'],
  charity: ['user', 'amount', 'charity'],
  redemption: ['user', 'reward', 'cost', 'input'],
};

/** Fills `{name}` with the field of that name; a name the event lacks stays as written. */
export function fillFields(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) => fields[key] ?? whole);
}
