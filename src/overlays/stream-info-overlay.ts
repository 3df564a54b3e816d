import { SourceError } from '../core/errors.js';
import { StreamInfoSource } from '../sources/helix/stream-info-source.js';
import { HelixClient } from '../twitch/helix-client.js';
import { validateToken } from '../twitch/validate-token.js';
import { getUsers } from '../twitch/helix-api.js';
import { streamInfoSchema } from '../config/stream-info-config.js';
import type { OverlayDefinition } from '../overlay/boot.js';
import type { StreamInfoPiece } from '../components/stream-info/ovl-stream-info.js';
import '../components/stream-info/ovl-stream-info.js';

/**
 * The stream-info overlay: viewers, uptime, game and title of a channel, from Helix. Needs a
 * user token (Helix accepts no anonymous calls); the token is re-validated every hour.
 */
export const streamInfoOverlay: OverlayDefinition<typeof streamInfoSchema> = {
  title: 'Stream info overlay',
  schema: streamInfoSchema,
  async build(config, env) {
    let helix: HelixClient;
    if (env.demo) {
      const { simulatedHelixFetch } = await import('../simulator/helix-simulator.js');
      helix = new HelixClient({ token: 'demo', clientId: 'demo', endpoints: env.endpoints.twitch, fetch: simulatedHelixFetch() });
    } else {
      const validation = await validateToken(config.token, { endpoints: env.endpoints.twitch });
      await env.watchToken(config.token);
      helix = new HelixClient({ token: config.token, clientId: validation.clientId, endpoints: env.endpoints.twitch });
    }
    const login = env.demo ? config.channel || 'demo_streamer' : config.channel;
    const [user] = await getUsers(helix, { logins: [login] });
    if (!user) throw new SourceError('config', `Twitch has no channel called "${login}". Check the channel name.`);

    const source = new StreamInfoSource({ helix, userId: user.id, intervalMs: config.interval * 1000 });
    const element = document.createElement('ovl-stream-info');
    element.show = config.show as StreamInfoPiece[];
    element.offlineText = config.offlineText;
    element.style.setProperty('--ovl-info-font-size', `${config.fontSize}px`);
    element.source = source;
    return { sources: [source], element };
  },
};
