import { isEventKind, type EventKind, type StreamEvent } from '../../domain/stream-event.js';
import { hexColor, imageUrl } from '../../core/safe-values.js';

/**
 * What a stored event must look like to be read back. The history's database belongs to the
 * origin, not to this build: an older build may have stored another shape, and in OBS's
 * local-file mode every local page shares `http://absolute` and can write there. So a stored
 * event is checked field by field, as the normaliser checks Twitch's payloads, before anything
 * draws it; colours and image URLs with the same checks as when they came from Twitch.
 */
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text: Check = (value) => typeof value === 'string';
// Numbers the normaliser may leave NaN (a date Twitch sent unparsable) still read back.
const number: Check = (value) => typeof value === 'number';
const flag: Check = (value) => typeof value === 'boolean';
const url: Check = (value) => imageUrl(value) !== null;
const nullOr = (check: Check): Check => (value) => value === null || check(value);
const oneOf = (...values: readonly unknown[]): Check => (value) => values.includes(value);
const listOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const shape = (fields: Readonly<Record<string, Check>>): Check => (value) => isObject(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
const optional = (check: Check): Check => (value) => value === undefined || check(value);

const emote: Check = (value) =>
  shape({ type: oneOf('emote'), provider: oneOf('twitch', '7tv', 'bttv', 'ffz'), id: text, code: text, url, srcset: optional(text), overlays: optional(listOf(emote)) })(value);
const part: Check = (value) => shape({ type: oneOf('text'), text })(value) || shape({ type: oneOf('cheer'), prefix: text, amount: number, text })(value) || emote(value);
const message = shape({ text, parts: listOf(part) });
const user = shape({ id: text, login: text, name: text });
const tier = oneOf(1, 2, 3);
const phase = oneOf('begin', 'progress', 'end');

const redemption = shape({
  ...Object.fromEntries(['id', 'userId', 'userLogin', 'userName', 'rewardId', 'rewardTitle', 'rewardPrompt', 'userInput', 'status'].map((key) => [key, text])),
  rewardCost: number,
  redeemedAt: number,
  eventTime: number,
  image: nullOr(shape({ url1x: url, url2x: url, url4x: url })),
  backgroundColor: nullOr((value) => hexColor(value) !== null),
  cooldownSeconds: nullOr(number),
});

/** The fields of each kind besides `kind`, `id` and `at` (src/domain/stream-event.ts). */
const FIELDS: Readonly<Record<EventKind, Readonly<Record<string, Check>>>> = {
  follow: { user, count: number },
  sub: { user, tier, isGift: flag },
  resub: { user, tier, months: number, streakMonths: nullOr(number), durationMonths: number, message },
  gift: { user: nullOr(user), total: number, tier, cumulativeTotal: nullOr(number) },
  cheer: { user: nullOr(user), bits: number, via: text, powerUp: text, message },
  raid: { user, viewers: number },
  shoutout: { user, viewers: number },
  'hype-train': {
    phase,
    trainId: text,
    trainType: text,
    level: number,
    total: number,
    progress: number,
    goal: number,
    topContributions: listOf(shape({ user, type: text, total: number })),
    expiresAt: nullOr(number),
  },
  poll: { phase, pollId: text, title: text, choices: listOf(shape({ id: text, title: text, votes: number })), status: text, endsAt: nullOr(number) },
  prediction: {
    phase: oneOf('begin', 'progress', 'lock', 'end'),
    predictionId: text,
    title: text,
    outcomes: listOf(shape({ id: text, title: text, color: text, users: number, channelPoints: number })),
    winningOutcomeId: nullOr(text),
    status: text,
    locksAt: nullOr(number),
  },
  goal: { phase, goalId: text, goalType: text, description: text, current: number, target: number, achieved: flag },
  // The currency reaches Intl.NumberFormat, which throws on anything but a code.
  charity: { user, charityName: text, amount: number, currency: (value) => typeof value === 'string' && /^[A-Z]{3}$/.test(value) },
  redemption: { redemption, automatic: flag, message },
  'stream-online': { startedAt: number, streamType: text },
  'stream-offline': {},
};

/** `value` as a stream event when it has every field of its kind, else null. */
export function readStoredEvent(value: unknown): StreamEvent | null {
  if (!isObject(value) || typeof value.id !== 'string' || value.id === '' || !Number.isFinite(value.at)) return null;
  if (typeof value.kind !== 'string' || !isEventKind(value.kind)) return null;
  return shape(FIELDS[value.kind])(value) ? (value as unknown as StreamEvent) : null;
}
