import { createLogger } from '../../core/logger.js';
import { CONTROL_CHANNEL, CONTROL_VERSION, readControlMessage, sameBroadcaster, type ChannelRef, type ControlBody, type ControlMessage } from './control-protocol.js';

const log = createLogger('control');

/**
 * One page's end of the control channel (or of the presence channel, `name`): it posts messages
 * about its broadcaster and hears the valid ones about the same broadcaster from the other pages
 * of the origin (a BroadcastChannel never hears its own posts). Everything else is dropped with
 * a line in the `?debug` console. Without a listener it only posts.
 */
export class ControlChannel {
  private readonly channel: BroadcastChannel;

  constructor(
    /** The broadcaster this page is about; a chat overlay adds the id once Twitch names it. */
    public broadcaster: ChannelRef,
    listener: ((message: ControlMessage) => void) | null,
    name = CONTROL_CHANNEL,
  ) {
    this.channel = new BroadcastChannel(name);
    if (!listener) return;
    this.channel.onmessage = ({ data }: MessageEvent) => {
      const message = readControlMessage(data);
      if (typeof message === 'string') log.debug(`ignored a message on ${name}: ${message}`);
      else if (sameBroadcaster(this.broadcaster, message.channel)) listener(message);
    };
  }

  post(body: ControlBody): void {
    this.channel.postMessage({ v: CONTROL_VERSION, channel: this.broadcaster, ...body } satisfies ControlMessage);
  }

  close(): void {
    this.channel.close();
  }
}
