import { SourceError } from '../core/errors.js';
import { HeatSource } from '../sources/heat/heat-source.js';
import type { heatmapSchema } from '../config/heatmap-config.js';
import { heatmapEntry } from '../registry/heatmap.js';
import { isUserId } from '../twitch/login.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import type { UserDirectory } from '../twitch/user-directory.js';
import type { TokenWatch } from '../twitch/token-watch.js';
import '../components/heatmap/ovl-heatmap.js';

/**
 * The click heatmap: clicks on the stream from the Heat extension, fading over time. Needs only
 * the channel's numeric id; a token adds lookups of a login and viewers' names.
 */
export const heatmapOverlay: OverlayDefinition<typeof heatmapSchema> = {
  entry: heatmapEntry,
  records: ['heat'],
  async build(config, env) {
    let channelId = config.channelId;
    let users: UserDirectory | undefined;
    let watch: TokenWatch | undefined;
    let WebSocketClass: (new (url: string) => WebSocket) | undefined;
    const offline = env.demo || env.replay !== null;
    if (env.replay) {
      WebSocketClass = env.replay.socket('heat');
      channelId ||= 'replay';
    } else if (env.demo) {
      WebSocketClass = (await import('../simulator/heat-simulator.js')).simulatedHeatSocket();
      channelId ||= 'demo';
    } else if (config.token) {
      const [{ connectTwitch, channelByLogin }, { UserDirectory }, { getUsers }] = await Promise.all([
        import('../boot/connect-twitch.js'),
        import('../twitch/user-directory.js'),
        import('../twitch/helix-api.js'),
      ]);
      const { helix, watch: tokenWatch } = await connectTwitch(config.token, env);
      watch = tokenWatch;
      users = new UserDirectory({ fetchUsers: (ids) => getUsers(helix, { ids }) });
      if (!channelId && config.channel) channelId = (await channelByLogin(helix, config.channel)).id;
    }
    if (!isUserId(channelId) && !offline) {
      throw new SourceError(
        'config',
        config.channel
          ? '"channel" needs a token to be looked up (after the #); or give "channel-id" (the numeric id) instead.'
          : 'Give "channel-id" (the channel’s numeric Twitch id), or "channel" with a token.',
      );
    }
    const source = new HeatSource({ channelId, users, url: env.endpoints.heat, WebSocket: WebSocketClass, tap: env.tap('heat'), schedule: env.schedule });
    const element = document.createElement('ovl-heatmap');
    assignConfig(element, config, ['halfLife', 'radius', 'opacity', 'palette', 'maxIntensity', 'markers']);
    element.calibration = { offsetX: config.offsetX, offsetY: config.offsetY, scaleX: config.scaleX, scaleY: config.scaleY };
    const regions = /^(\d+)x(\d+)$/.exec(config.regions);
    if (regions) {
      element.regionColumns = Number(regions[1]);
      element.regionRows = Number(regions[2]);
      element.regionWindow = config.regionWindow;
      element.addEventListener('ovl-heat-votes', (e) => env.note(`votes: ${e.detail.counts.join(' ')}`, 'votes'));
    }
    source.addEventListener('reject', (e) => env.note(`skipped ${e.detail.count} bad click frames (last: ${e.detail.reason})`, 'rejected'));
    element.source = source;
    // The channel whose clicks it draws, whoever's token looks names up.
    return { sources: watch ? [source, watch] : [source], element, channel: offline ? {} : { id: channelId } };
  },
};
