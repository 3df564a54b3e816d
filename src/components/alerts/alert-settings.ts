import { ALERT_KINDS, type AlertKind, type EventKind } from '../../domain/stream-event.js';

/** Another look for alerts from an amount up (cheers ≥ 1000 bits, raids ≥ 50 viewers, …). */
export interface AlertVariation {
  /** Applies when the event's amount is at least this. */
  readonly min: number;
  readonly template?: string;
  readonly sound?: string;
  readonly image?: string;
  readonly durationMs?: number;
}

/** How one kind alerts. */
export interface KindSettings {
  readonly enabled: boolean;
  readonly template: string;
  /** A URL; '' for the box's sound (`sound`), `none` for silence. */
  readonly sound: string;
  /** A URL of an image (GIF, PNG, WebP) or a video (WebM with alpha, MP4); '' for none. */
  readonly image: string;
  /** null: the box's duration. */
  readonly durationMs: number | null;
  /** Events with a smaller amount do not alert. */
  readonly min: number;
  readonly variations: readonly AlertVariation[];
}

/** The look chosen for one alert after its kind's settings and variations. */
export interface AlertLook {
  readonly template: string;
  readonly sound: string;
  readonly image: string;
  readonly durationMs: number | null;
}

/** Default texts, written to hold up on stream next to a hosted alert box. */
export const DEFAULT_TEMPLATES: Readonly<Record<AlertKind, string>> = {
  follow: '{user} just followed!',
  sub: '{user} subscribed at {tier}!',
  resub: '{user} resubscribed for {months} months!',
  gift: '{user} gifted a sub!',
  cheer: '{user} cheered {amount} bits!',
  raid: '{user} is raiding with {viewers} viewers!',
  shoutout: '{user} gave us a shoutout to {viewers} viewers!',
  'hype-train': '{headline}',
  poll: '{headline}',
  prediction: '{headline}',
  goal: '{headline}',
  charity: '{user} donated {amount} to {charity}!',
  redemption: '{user} redeemed {reward}',
};

/** Variations every box starts with (replaced by the kind's `-variations` parameter). */
export const DEFAULT_VARIATIONS: Readonly<Partial<Record<AlertKind, string>>> = {
  follow: '2 => {count} new followers!',
  gift: '2 => {user} gifted {amount} subs!',
};

/** Higher first: raids and gift bombs before follows. */
export const DEFAULT_PRIORITIES: readonly AlertKind[] = ['raid', 'gift', 'hype-train', 'charity', 'cheer', 'resub', 'sub', 'shoutout', 'goal', 'prediction', 'poll', 'redemption', 'follow'];

/** The small heading over an alert's text in the default look (redemptions have their cost instead). */
export const KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  follow: 'New follower',
  sub: 'New subscriber',
  resub: 'Resub',
  gift: 'Gift subs',
  cheer: 'Cheer',
  raid: 'Raid',
  shoutout: 'Shoutout',
  'hype-train': 'Hype train',
  poll: 'Poll',
  prediction: 'Prediction',
  goal: 'Goal',
  charity: 'Charity',
  redemption: '',
};

/** A kind's accent colour in the default look (and the dock's feed, which lists every kind). */
export const KIND_COLORS: Readonly<Record<EventKind, string>> = {
  follow: '#9146ff',
  sub: '#00b5ad',
  resub: '#00b5ad',
  gift: '#e91e63',
  cheer: '#9c4dff',
  raid: '#ff6b00',
  shoutout: '#2f80ed',
  'hype-train': '#ff3d6e',
  poll: '#1f69ff',
  prediction: '#387aff',
  goal: '#00a86b',
  charity: '#e0336b',
  redemption: '#9146ff',
  'stream-online': '#eb0400',
  'stream-offline': '#6b6b75',
};

/**
 * Parses `1000 => {user} cheered big! ; sound=https://… ; image=https://… ; duration=10 | 5000 => …`.
 * Entries are separated by `|`; in an entry, `;` parts of the form `sound=`, `image=` or
 * `duration=` (seconds) are options and the rest is the template. Entries without a whole
 * number before `=>` are skipped. Sorted by amount.
 */
export function parseVariations(text: string): AlertVariation[] {
  const out: AlertVariation[] = [];
  for (const entry of text.split('|')) {
    const match = /^\s*(\d+)\s*=>(.*)$/s.exec(entry);
    if (!match) continue;
    const options: { template?: string; sound?: string; image?: string; durationMs?: number } = {};
    const words: string[] = [];
    for (const piece of match[2]!.split(';')) {
      const option = /^\s*(sound|image|duration)=(.*)$/s.exec(piece);
      if (!option) words.push(piece);
      else if (option[1] === 'duration') {
        const seconds = Number(option[2]);
        if (seconds > 0 && seconds <= 120) options.durationMs = seconds * 1000;
      } else options[option[1] as 'sound' | 'image'] = option[2]!.trim();
    }
    const template = words.join(';').trim();
    if (template) options.template = template;
    out.push({ min: Number(match[1]), ...options });
  }
  return out.sort((a, b) => a.min - b.min);
}

export function defaultKindSettings(kind: AlertKind): KindSettings {
  return { enabled: true, template: DEFAULT_TEMPLATES[kind], sound: '', image: '', durationMs: null, min: 0, variations: parseVariations(DEFAULT_VARIATIONS[kind] ?? '') };
}

export const DEFAULT_KIND_SETTINGS: Readonly<Record<AlertKind, KindSettings>> = Object.fromEntries(ALERT_KINDS.map((k) => [k, defaultKindSettings(k)])) as Record<AlertKind, KindSettings>;

/** The kind's look, with the highest variation the amount reaches laid over it. */
export function lookFor(settings: KindSettings, amount: number): AlertLook {
  const look = { template: settings.template, sound: settings.sound, image: settings.image, durationMs: settings.durationMs };
  const variation = settings.variations.filter((v) => amount >= v.min).pop();
  return variation ? { ...look, ...variation } : look;
}
