import type { AlertEvent } from '../../domain/stream-event.js';
import { hexColor, imageUrl } from '../../core/safe-values.js';

/**
 * Whether a value that crossed from another page (a Replay or Test of the dock) is an event an
 * alert box can show (never the stream's start or end): the fields each kind's alert and row read, of the right types, every
 * image URL one `imageUrl` accepts and the reward colour a hex colour. Any page of the origin can
 * post on the control channel (in OBS's local-file mode every local file shares
 * `http://absolute`), so nothing it sends reaches an element unchecked.
 */
export function isStreamEvent(value: unknown): value is AlertEvent {
  if (!isObject(value) || !isString(value.id) || !isNumber(value.at)) return false;
  const check = Object.hasOwn(KIND_CHECKS, value.kind as string) ? KIND_CHECKS[value.kind as AlertEvent['kind']] : undefined;
  return check !== undefined && check(value);
}

type Fields = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const orNull = (check: Check): Check => (value) => value === null || check(value);
const oneOf = (...values: readonly unknown[]): Check => (value) => values.includes(value);
const listOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const shaped = (checks: Readonly<Record<string, Check>>): Check => (value) => isObject(value) && Object.entries(checks).every(([key, check]) => check(value[key]));

const isTier = oneOf(1, 2, 3);
const isUser = shaped({ id: isString, login: isString, name: isString });
const isUrl = (value: unknown) => imageUrl(value) !== null;
/** `url 1x, url 2x`: each candidate a checked URL and a density or width. */
const isSrcset = (value: unknown) => isString(value) && value.split(', ').every((candidate) => /^\S+ \d+(?:\.\d+)?[xw]$/.test(candidate) && isUrl(candidate.split(' ')[0]));
const isEmote: Check = (value) =>
  shaped({ type: oneOf('emote'), provider: oneOf('twitch', '7tv', 'bttv', 'ffz'), id: isString, code: isString, url: isUrl })(value) &&
  ((value as Fields).srcset === undefined || isSrcset((value as Fields).srcset)) &&
  ((value as Fields).overlays === undefined || listOf(isEmote)((value as Fields).overlays));
const isPart: Check = (value) => shaped({ type: oneOf('text'), text: isString })(value) || shaped({ type: oneOf('cheer'), prefix: isString, amount: isNumber, text: isString })(value) || isEmote(value);
const isMessage = shaped({ text: isString, parts: listOf(isPart) });
const isRewardImage = shaped({ url1x: isUrl, url2x: isUrl, url4x: isUrl });
const isRedemption = shaped({
  id: isString,
  userId: isString,
  userLogin: isString,
  userName: isString,
  rewardId: isString,
  rewardTitle: isString,
  rewardPrompt: isString,
  rewardCost: isNumber,
  userInput: isString,
  status: isString,
  redeemedAt: isNumber,
  eventTime: isNumber,
  image: orNull(isRewardImage),
  backgroundColor: (value) => value === null || hexColor(value) === value,
  cooldownSeconds: orNull(isNumber),
});
const isPhase3 = oneOf('begin', 'progress', 'end');

/** Per kind (a kind added to the union without a check here does not compile). */
const KIND_CHECKS: Readonly<Record<AlertEvent['kind'], Check>> = {
  follow: shaped({ user: isUser, count: isNumber }),
  sub: shaped({ user: isUser, tier: isTier, isGift: isBoolean }),
  resub: shaped({ user: isUser, tier: isTier, months: isNumber, streakMonths: orNull(isNumber), durationMonths: isNumber, message: isMessage }),
  gift: shaped({ user: orNull(isUser), total: isNumber, tier: isTier, cumulativeTotal: orNull(isNumber) }),
  cheer: shaped({ user: orNull(isUser), bits: isNumber, via: isString, powerUp: isString, message: isMessage }),
  raid: shaped({ user: isUser, viewers: isNumber }),
  shoutout: shaped({ user: isUser, viewers: isNumber }),
  'hype-train': shaped({
    phase: isPhase3,
    trainId: isString,
    trainType: isString,
    level: isNumber,
    total: isNumber,
    progress: isNumber,
    goal: isNumber,
    topContributions: listOf(shaped({ user: isUser, type: isString, total: isNumber })),
    expiresAt: orNull(isNumber),
  }),
  poll: shaped({ phase: isPhase3, pollId: isString, title: isString, choices: listOf(shaped({ id: isString, title: isString, votes: isNumber })), status: isString, endsAt: orNull(isNumber) }),
  prediction: shaped({
    phase: oneOf('begin', 'progress', 'lock', 'end'),
    predictionId: isString,
    title: isString,
    outcomes: listOf(shaped({ id: isString, title: isString, color: isString, users: isNumber, channelPoints: isNumber })),
    winningOutcomeId: orNull(isString),
    status: isString,
    locksAt: orNull(isNumber),
  }),
  goal: shaped({ phase: isPhase3, goalId: isString, goalType: isString, description: isString, current: isNumber, target: isNumber, achieved: isBoolean }),
  charity: shaped({ user: isUser, charityName: isString, amount: isNumber, currency: isString }),
  redemption: shaped({ redemption: isRedemption, automatic: isBoolean, message: isMessage }),
};
