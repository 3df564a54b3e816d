import type { ChatTransport, ChatTransportEvents } from '../sources/tmi/chat-transport.js';

/**
 * A ChatTransport with no network: it answers the login the way Twitch does (376, then
 * ROOMSTATE for the channel) and lets the caller push raw IRC lines, which then go through
 * the same parser as live chat. Used by the simulator and by element tests.
 */
export class ScriptedTransport implements ChatTransport {
  private events: ChatTransportEvents | null = null;
  /** Lines the source sent, e.g. PRIVMSG from `send()`. */
  readonly sent: string[] = [];

  constructor(
    private readonly channel: string,
    private readonly roomId = '100000001',
  ) {}

  get connected(): boolean {
    return this.events !== null;
  }

  connect(events: ChatTransportEvents): void {
    this.events = events;
    // Answer on a later task, as a socket would.
    setTimeout(() => {
      if (this.events !== events) return;
      events.connecting();
      events.loggedIn();
      events.line(`@emote-only=0;followers-only=-1;r9k=0;room-id=${this.roomId};slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #${this.channel}`);
    }, 0);
  }

  disconnect(): void {
    this.events = null;
  }

  send(line: string): void {
    this.sent.push(line);
  }

  /** Delivers raw IRC lines as if they had arrived from Twitch. */
  push(...lines: string[]): void {
    for (const line of lines) this.events?.line(line);
  }
}
