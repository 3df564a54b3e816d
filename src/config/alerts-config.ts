import { param, type NumberParam, type ParamDocs, type StringParam } from './schema.js';
import { ALERT_KINDS, type AlertKind } from '../domain/stream-event.js';
import { KIND_FIELDS } from '../components/alerts/alert-fields.js';
import { DEFAULT_PRIORITIES, DEFAULT_TEMPLATES, DEFAULT_VARIATIONS } from '../components/alerts/alert-settings.js';

/** `hype-train` → `hypeTrain`: the prefix of a kind's parameters (URL: `hype-train-template`). */
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
type KindParams<P extends string> = { [K in `${P}Template` | `${P}Sound` | `${P}Image` | `${P}Variations`]: StringParam } & { [K in `${P}Duration` | `${P}Min`]: NumberParam };

export const kindKey = <K extends AlertKind>(kind: K): Camel<K> => kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()) as Camel<K>;

const AMOUNT: Readonly<Record<AlertKind, string>> = {
  follow: 'followers folded into it',
  sub: 'tier (1–3)',
  resub: 'months',
  gift: 'subs gifted',
  cheer: 'bits',
  raid: 'viewers',
  shoutout: 'viewers',
  'hype-train': 'level',
  poll: 'votes',
  prediction: 'channel points',
  goal: 'current amount',
  charity: 'amount',
  redemption: 'cost',
};

/** The six parameters of one kind: `<kind>-template`, `-sound`, `-image`, `-duration`, `-min`, `-variations`. */
function kindParams<K extends AlertKind>(kind: K): KindParams<Camel<K>> {
  const key = kindKey(kind);
  return {
    [`${key}Template`]: param.string(DEFAULT_TEMPLATES[kind]),
    [`${key}Sound`]: param.string(),
    [`${key}Image`]: param.string(),
    [`${key}Duration`]: param.number(0, { min: 0, max: 120 }),
    [`${key}Min`]: param.number(0, { min: 0 }),
    [`${key}Variations`]: param.string(DEFAULT_VARIATIONS[kind] ?? ''),
  } as KindParams<Camel<K>>;
}

/** What the six parameters of one kind do, in the same order. */
function kindParamDocs<K extends AlertKind>(kind: K): ParamDocs<KindParams<Camel<K>>> {
  const key = kindKey(kind);
  const fields = KIND_FIELDS[kind].map((f) => `\`{${f}}\``).join(', ');
  return {
    [`${key}Template`]: `Text of a ${kind} alert: ${fields}.`,
    [`${key}Sound`]: `Sound URL of ${kind} alerts; empty: \`sound\`; \`none\`: silent.`,
    [`${key}Image`]: `Image or video URL (GIF, PNG, WebM with alpha) of ${kind} alerts; empty for none.`,
    [`${key}Duration`]: `Seconds a ${kind} alert stays; 0: \`duration\`.`,
    [`${key}Min`]: `Smallest amount (${AMOUNT[kind]}) that alerts.`,
    [`${key}Variations`]: `From an amount (${AMOUNT[kind]}) up: \`AMOUNT => template ; sound=URL ; image=URL ; duration=S\`, entries separated by \`|\`.`,
  } as ParamDocs<KindParams<Camel<K>>>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every kind's six parameters, as one object type. */
type AllKindParams = UnionToIntersection<{ [K in AlertKind]: KindParams<Camel<K>> }[AlertKind]>;

const perKind = Object.assign({}, ...ALERT_KINDS.map((kind) => kindParams(kind))) as AllKindParams;

/** URL parameters of the alerts overlay. */
export const alertsSchema = {
  token: param.string('', { secret: true, required: true }),
  transport: param.enum(['eventsub', 'pubsub'] as const, 'eventsub'),
  events: param.list([], ALERT_KINDS),
  duration: param.number(6, { min: 1, max: 120 }),
  maxWaiting: param.int(20, { min: 1, max: 500 }),
  whileHidden: param.enum(['queue', 'drop'] as const, 'queue'),
  priorities: param.list(DEFAULT_PRIORITIES, ALERT_KINDS),
  followBurst: param.int(10, { min: 0, max: 600 }),
  sound: param.string(),
  volume: param.number(0.8, { min: 0, max: 1 }),
  fontSize: param.int(32, { min: 8, max: 160 }),
  template: param.string(),
  templates: param.string(),
  rewards: param.list(),
  sounds: param.string(),
  speak: param.list(),
  ...perKind,
};

/**
 * What each parameter of the alerts overlay does: for the URL builder and the README, not the
 * overlay page. Made by a call marked pure: the bundler keeps an unused object literal that
 * spreads another (a spread may run getters), so the alerts page would otherwise build it.
 */
export const alertsParamDocs = /* @__PURE__ */ allParamDocs();

function allParamDocs(): ParamDocs<typeof alertsSchema> {
  return {
    token: 'The broadcaster’s token; its scopes decide which events can alert (see above). `#fragment` only.',
    transport: '`eventsub` (Twitch’s live API) or `pubsub` (redemptions only, no stream online/offline; retired by Twitch on 2025-04-14; compatibility only).',
    events: 'Kinds that alert; empty for all.',
    duration: 'Seconds each alert stays.',
    maxWaiting: 'Alerts that may wait; beyond this the oldest of the least important is dropped.',
    whileHidden: 'Alerts that arrive while OBS hides the source (another scene): `queue` keeps them (up to `max-waiting`) and plays them in order once it is shown; `drop` drops them, and `?debug` counts them.',
    priorities: 'Kinds from most to least important: a waiting raid shows before a waiting follow.',
    followBurst: 'Follows within this many seconds of an alert’s first follow (on screen or waiting) fold into it: one "N new followers" alert; 0: never.',
    sound: 'Sound URL for every alert whose kind has none; empty: the kit’s own sound per kind; `none`: silent.',
    volume: 'Sound and speech volume, 0–1.',
    fontSize: 'Text size in pixels.',
    template: 'Old name of `redemption-template`; wins when set.',
    templates: 'Per reward: `Reward title or id => template`, entries separated by `|`.',
    rewards: 'Only these rewards (titles or ids) alert; empty for all.',
    sounds: 'Per reward: `Reward title or id => sound URL`, separated by `|`.',
    speak: 'Rewards (titles or ids, `*` for all) whose viewer input is read aloud.',
    ...(Object.assign({}, ...ALERT_KINDS.map((kind) => kindParamDocs(kind))) as ParamDocs<AllKindParams>),
  };
}
