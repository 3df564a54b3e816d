import { StreamInfoSource } from '../sources/helix/stream-info-source.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { TokenWatch } from '../twitch/token-watch.js';
import { channelByLogin, connectTwitch } from '../boot/connect-twitch.js';
import type { streamInfoSchema } from '../config/stream-info-config.js';
import { streamInfoEntry } from '../registry/stream-info.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import type { StreamInfoPiece } from '../components/stream-info/ovl-stream-info.js';
import '../components/stream-info/ovl-stream-info.js';

/**
 * The stream-info overlay: viewers, uptime, game and title of a channel, from Helix. Needs a
 * user token (Helix accepts no anonymous calls); the token is re-validated every hour.
 */
export const streamInfoOverlay: OverlayDefinition<typeof streamInfoSchema> = {
  entry: streamInfoEntry,
  async build(config, env) {
    let helix: HelixClient;
    let watch: TokenWatch | undefined;
    if (env.demo) {
      helix = (await import('../simulator/helix-simulator.js')).simulatedHelixClient(env.endpoints.twitch);
    } else {
      ({ helix, watch } = await connectTwitch(config.token, env));
    }
    const user = await channelByLogin(helix, env.demo ? config.channel || 'demo_streamer' : config.channel);

    const source = new StreamInfoSource({ helix, userId: user.id, intervalMs: config.interval * 1000 });
    const element = document.createElement('ovl-stream-info');
    element.show = config.show as StreamInfoPiece[];
    assignConfig(element, config, ['offlineText', 'titleOverflow']);
    element.style.setProperty('--ovl-info-font-size', `${config.fontSize}px`);
    element.source = source;
    // The channel shown, whoever's token reads it.
    return { sources: watch ? [source, watch] : [source], element, channel: { id: user.id, login: user.login } };
  },
};
