import type { ChatSource } from '../sources/tmi/chat-source.js';
import { createChatScenario } from './chat-scenario.js';
import { ScriptedTransport } from './scripted-transport.js';
import { DEMO_USER } from './demo-channel.js';

export interface ChatSimulatorOptions {
  readonly channel: string;
  /** Events per second. Default 2. */
  readonly rate?: number;
  readonly seed?: number;
}

/**
 * Drives a ChatSource with simulated traffic through a ScriptedTransport: the lines go
 * through the same parser as live chat. Plays while the source is connected.
 */
export class ChatSimulator {
  readonly transport: ScriptedTransport;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly scenario;

  constructor(private readonly options: ChatSimulatorOptions) {
    this.transport = new ScriptedTransport(options.channel, DEMO_USER.id);
    this.scenario = createChatScenario({ channel: options.channel, roomId: DEMO_USER.id, seed: options.seed });
  }

  /** Starts playing whenever `source` connects and pauses when it stops. */
  attach(source: ChatSource): void {
    source.addEventListener('status', (event) => {
      if (event.detail.state === 'connected') this.play();
      else if (event.detail.state === 'stopped') this.pause();
    });
  }

  play(): void {
    if (this.timer !== null) return;
    const interval = 1000 / (this.options.rate ?? 2);
    this.timer = setInterval(() => this.transport.push(...this.scenario.next()), interval);
  }

  pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
