import { ChatSource } from '../sources/tmi/chat-source.js';
import type { studioSchema } from '../config/studio-config.js';
import { studioEntry } from '../registry/studio.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import { Studio } from '../video/studio.js';
import { sceneCommand } from '../video/chat-commands.js';
import '../components/studio/ovl-studio.js';

/**
 * The studio: generated video out (python-twitch-stream's browser counterpart). A scene and a
 * tone, changed by chat, previewed here, published over WHIP and/or recorded locally. Chat is
 * read anonymously; the demo has a box to play chat instead.
 */
export const studioOverlay: OverlayDefinition<typeof studioSchema> = {
  entry: studioEntry,
  // A control page that streams by itself, not a source on stream: Hide overlays leaves it be.
  hideable: false,
  async build(config, env) {
    const studio = new Studio({
      width: config.width,
      height: config.height,
      fps: config.fps,
      codec: config.codec,
      maxBitrate: config.bitrate * 1000,
      contentHint: config.contentHint,
      tone: config.tone,
      recording: config.recording,
    });
    const element = Object.assign(document.createElement('ovl-studio'), { studio, demo: env.demo });
    assignConfig(element, config, ['endpoint', 'key']);

    const sources = [];
    const transport = env.demo ? new (await import('../simulator/scripted-transport.js')).ScriptedTransport('demo') : undefined;
    if (config.channel || transport) {
      const chat = new ChatSource({ channel: config.channel || 'demo', server: env.endpoints.chat, transport });
      chat.addEventListener('message', (event) => {
        const command = sceneCommand(event.detail.text);
        if (command) studio.apply(command, event.detail.user.displayName);
      });
      sources.push(chat);
    }
    if (transport) {
      const { privmsg } = await import('../simulator/tmi-lines.js');
      // Typed "chat" goes through the same IRC parser as live chat.
      element.addEventListener('ovl-studio-chat', (event) => transport.push(privmsg('demo', event.detail, { login: 'you', displayName: 'You' })));
    }
    studio.start();
    if (config.autostart && (config.key || config.endpoint)) studio.publish(config.endpoint, config.key);
    window.addEventListener('pagehide', () => studio.close(), { once: true });
    return { sources, element };
  },
};
