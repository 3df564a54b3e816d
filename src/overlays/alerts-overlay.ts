import { SourceError } from '../core/errors.js';
import { connectTwitch } from '../overlay/connect-twitch.js';
import { EventSubRedemptions } from '../sources/redemptions/eventsub-redemptions.js';
import type { RedemptionSource } from '../sources/redemptions/redemption-source.js';
import type { TokenWatch } from '../twitch/token-watch.js';
import { parseRewardRules } from '../components/alerts/alert-rules.js';
import type { alertsSchema } from '../config/alerts-config.js';
import { alertsEntry } from '../registry/alerts.js';
import { scopeProblem } from '../registry/overlay-entry.js';
import { checkSpeechVoices } from '../core/speech-voices.js';
import type { OverlayDefinition } from '../overlay/boot.js';
import '../components/alerts/ovl-alerts.js';

/**
 * Channel-point redemption alerts. EventSub by default; `?transport=pubsub` for the retired
 * PubSub. Needs the broadcaster's own token with `channel:read:redemptions`. `?record` records
 * EventSub only: PubSub is retired (§2), there is no live traffic of it left to record.
 */
export const alertsOverlay: OverlayDefinition<typeof alertsSchema> = {
  title: alertsEntry.title,
  schema: alertsEntry.schema,
  name: alertsEntry.name,
  records: ['eventsub'],
  async build(config, env) {
    let source: RedemptionSource;
    let watch: TokenWatch | undefined;
    if (env.demo || env.replay) {
      const [{ simulatedHelixClient }, { simulatedEventSubSocket }, { DEMO_USER }] = await Promise.all([
        import('../simulator/helix-simulator.js'),
        import('../simulator/eventsub-simulator.js'),
        import('../simulator/demo-channel.js'),
      ]);
      const helix = simulatedHelixClient(env.endpoints.twitch);
      // A replay still needs Helix for its subscriptions and reward images: the simulated one answers.
      source = new EventSubRedemptions({ helix, broadcasterId: DEMO_USER.id, WebSocket: env.replay?.socket('eventsub') ?? simulatedEventSubSocket() });
    } else {
      const { validation, helix, watch: tokenWatch } = await connectTwitch(config.token, env);
      watch = tokenWatch;
      const missing = scopeProblem(alertsEntry, validation.scopes);
      if (missing) throw new SourceError('auth', missing);
      if (config.transport === 'pubsub') {
        const { PubSubRedemptions } = await import('../sources/redemptions/pubsub-redemptions.js');
        source = new PubSubRedemptions({ token: config.token, broadcasterId: validation.userId, url: env.endpoints.pubsub });
      } else {
        source = new EventSubRedemptions({ helix, broadcasterId: validation.userId, url: env.endpoints.eventsub, tap: env.tap('eventsub') });
      }
    }
    const element = document.createElement('ovl-alerts');
    element.duration = config.duration;
    element.maxWaiting = config.maxWaiting;
    element.template = config.template;
    element.templates = parseRewardRules(config.templates);
    element.rewards = config.rewards;
    element.sound = config.sound;
    element.sounds = parseRewardRules(config.sounds);
    element.volume = config.volume;
    element.speak = config.speak;
    // Read-aloud fails silently without voices: say so in ?debug.
    if (config.speak.length > 0) void checkSpeechVoices().then((text) => env.note(text, 'speech'));
    element.style.setProperty('--ovl-alert-font-size', `${config.fontSize}px`);
    element.addEventListener('ovl-alert-drop', (e) => env.note(`dropped ${e.detail} alerts (too many waiting)`, 'dropped'));
    element.source = source;
    return { sources: watch ? [source, watch] : [source], element };
  },
};
