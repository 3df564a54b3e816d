import { alertsParamDocs, alertsSchema, kindKey } from '../config/alerts-config.js';
import { ALERT_KINDS, type AlertKind } from '../domain/stream-event.js';
import type { OverlayEntry, ScopeNeed } from './overlay-entry.js';
import { eventScopes } from './event-scopes.js';
import type { FieldGroup, OverlayGuide } from './overlay-guide.js';

/** The retired PubSub transport (`?transport=pubsub`) carries redemptions only (no topic of ours says the stream went live or offline), and needs their scope. */
export const PUBSUB_REDEMPTIONS: ScopeNeed = {
  scope: 'channel:read:redemptions',
  required: true,
  why: 'receives your channel-point redemptions over PubSub',
  alternatives: ['channel:manage:redemptions'],
};

/** Each kind's section heading in the URL builder. */
const KIND_SECTIONS: Readonly<Record<AlertKind, string>> = {
  follow: 'Follows',
  sub: 'Subscriptions',
  resub: 'Resubs',
  gift: 'Gift subs',
  cheer: 'Cheers',
  raid: 'Raids',
  shoutout: 'Shoutouts',
  'hype-train': 'Hype trains',
  poll: 'Polls',
  prediction: 'Predictions',
  goal: 'Goals',
  charity: 'Charity donations',
  redemption: 'Channel points',
};

/** Settings that concern channel-point redemptions only: they go in that kind's section. */
const REDEMPTION_ONLY = ['template', 'templates', 'rewards', 'sounds', 'speak'] as const;

/**
 * One builder section per kind with its `<kind>-…` parameters and a Test button that plays
 * the kind's sample alert in the preview; the shared settings stay in "General".
 */
function kindGroups(): FieldGroup[] {
  return ALERT_KINDS.map((kind) => {
    const key = kindKey(kind);
    const own = ['Template', 'Variations', 'Sound', 'Image', 'Duration', 'Min'].map((field) => `${key}${field}`);
    return {
      title: KIND_SECTIONS[kind],
      keys: kind === 'redemption' ? [...own, ...REDEMPTION_ONLY] : own,
      test: { element: 'ovl-alerts', method: 'playTestAlert', arg: kind },
    };
  });
}

export const alertsEntry: OverlayEntry<typeof alertsSchema> = {
  name: 'alerts',
  title: 'Alerts overlay',
  scopes: eventScopes(),
  schema: alertsSchema,
};

export const alertsGuide: OverlayGuide<typeof alertsSchema> = {
  about: 'An alert for every stream event, one at a time: follows, subs, gifts, cheers, raids, shoutouts, hype trains, polls, predictions, goals, charity and channel points.',
  obs: { width: 1000, height: 300, advice: 'Needs the broadcaster’s own token.' },
  paramDocs: alertsParamDocs,
  fieldNotes: {
    // obs-browser issue 404: speechSynthesis bypasses the source's audio capture.
    speak: 'OBS does not capture speech when the source’s "Control audio via OBS" is ticked: leave it unticked to hear it (it then plays on your desktop audio).',
  },
  // Marked pure so that the alerts page, which never reads the guide, does not build the groups.
  fieldGroups: /* @__PURE__ */ kindGroups(),
};
