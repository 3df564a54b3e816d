import { SourceError } from '../core/errors.js';
import type { ConfigOf } from '../config/schema.js';
import { connectTwitch } from '../boot/connect-twitch.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { assignConfig } from './assign-config.js';
import type { Source } from '../core/source.js';
import { parseRewardRules } from '../components/alerts/alert-rules.js';
import { parseVariations, type KindSettings } from '../components/alerts/alert-settings.js';
import { kindKey, type alertsSchema } from '../config/alerts-config.js';
import { PUBSUB_REDEMPTIONS, alertsEntry } from '../registry/alerts.js';
import { scopeProblem } from '../registry/overlay-entry.js';
import { checkSpeechVoices } from '../core/speech-voices.js';
import { ALERT_KINDS, type AlertKind } from '../domain/stream-event.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import type { PubSubRedemptions } from '../sources/redemptions/pubsub-redemptions.js';
import '../components/alerts/ovl-alerts.js';

type AlertsConfig = ConfigOf<typeof alertsSchema>;

/** Each kind's settings from its `<kind>-…` parameters. */
function kindSettings(config: AlertsConfig, enabled: readonly AlertKind[]): Record<AlertKind, KindSettings> {
  const read = (kind: AlertKind, field: string) => (config as Record<string, unknown>)[`${kindKey(kind)}${field}`];
  const settings = {} as Record<AlertKind, KindSettings>;
  for (const kind of ALERT_KINDS) {
    const template = kind === 'redemption' && config.template ? config.template : String(read(kind, 'Template'));
    const seconds = Number(read(kind, 'Duration'));
    settings[kind] = {
      enabled: enabled.includes(kind),
      template,
      sound: String(read(kind, 'Sound')),
      image: String(read(kind, 'Image')),
      durationMs: seconds > 0 ? seconds * 1000 : null,
      min: Number(read(kind, 'Min')),
      variations: parseVariations(String(read(kind, 'Variations'))),
    };
  }
  return settings;
}

/** The retired PubSub transport: channel-point redemptions only, with the token's hourly watch. */
async function connectPubSub(token: string, env: OverlayEnv): Promise<{ events: PubSubRedemptions; sources: readonly Source[] }> {
  const { validation, watch } = await connectTwitch(token, env);
  const missing = scopeProblem({ ...alertsEntry, scopes: [PUBSUB_REDEMPTIONS] }, validation.scopes);
  if (missing) throw new SourceError('auth', missing);
  const { PubSubRedemptions } = await import('../sources/redemptions/pubsub-redemptions.js');
  const events = new PubSubRedemptions({ token, broadcasterId: validation.userId, url: env.endpoints.pubsub });
  return { events, sources: [events, watch] };
}

/**
 * The alert box: every stream event of the channel (follows, subs, gifts, cheers, raids,
 * shoutouts, hype trains, polls, predictions, goals, charity, channel points) over EventSub,
 * each kind only when the token carries its scope. `?transport=pubsub` keeps the retired
 * PubSub redemptions path. `?record` records EventSub only: PubSub is retired (§2).
 */
export const alertsOverlay: OverlayDefinition<typeof alertsSchema> = {
  entry: alertsEntry,
  records: ['eventsub'],
  async build(config, env) {
    const enabled = config.events.length > 0 ? (config.events as AlertKind[]) : ALERT_KINDS;
    const pubsub = config.transport === 'pubsub' && !env.demo && !env.replay;
    const { events, sources } = pubsub ? await connectPubSub(config.token, env) : await connectStreamEvents(alertsEntry, config.token, enabled, env);
    const element = document.createElement('ovl-alerts');
    assignConfig(element, config, ['duration', 'maxWaiting', 'whileHidden', 'followBurst', 'rewards', 'sound', 'volume', 'speak']);
    element.settings = kindSettings(config, enabled);
    element.priorities = config.priorities as AlertKind[];
    element.templates = parseRewardRules(config.templates);
    element.sounds = parseRewardRules(config.sounds);
    // Read-aloud fails silently without voices: say so in ?debug.
    if (config.speak.length > 0) void checkSpeechVoices().then((text) => env.note(text, 'speech'));
    element.style.setProperty('--ovl-alert-font-size', `${config.fontSize}px`);
    // The Test buttons' made-up events: the simulator loads only when one is pressed.
    element.sampleEvent = async (kind) => (await import('../simulator/sample-event.js')).sampleEvent(kind);
    element.addEventListener('ovl-alert-drop', (e) => env.note(`dropped ${e.detail} alerts (too many waiting)`, 'dropped'));
    element.addEventListener('ovl-alert-hidden-drop', (e) => env.note(`dropped ${e.detail} alerts that arrived while the source was hidden (while-hidden=drop)`, 'dropped-hidden'));
    // The dock shows how many alerts wait while the streamer holds them.
    element.addEventListener('ovl-alert-waiting', () => env.presenceChanged());
    element.source = events;
    return {
      sources,
      element,
      control(message) {
        if (message.kind === 'alert-state') Object.assign(element, { held: message.paused, muted: message.muted });
        else if (message.kind === 'skip') element.skip();
        else if (message.kind === 'clear-queue') element.clearQueue();
        else if (message.kind === 'replay') element.replay(message.event);
        else if (message.kind === 'test') element.playTestEvent(message.event);
      },
      presence: () => ({ alerts: { waiting: element.waiting, paused: element.held, muted: element.muted } }),
    };
  },
};
