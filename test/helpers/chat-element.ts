import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { ScriptedTransport } from '../../src/simulator/scripted-transport.js';
import '../../src/components/chat/ovl-chat.js';
import type { OvlChat } from '../../src/components/chat/ovl-chat.js';
import { untilState } from './chat.js';

export interface ChatFixture {
  readonly element: OvlChat;
  readonly source: ChatSource;
  readonly transport: ScriptedTransport;
  readonly channel: string;
  /** Pushes raw lines and waits until the element has drawn them. */
  push(...lines: string[]): Promise<void>;
  lines(): HTMLElement[];
  dispose(): void;
}

/** A real ChatSource on a scripted transport, shown by a fresh `<ovl-chat>` in the page. */
export async function chatFixture(setup: (element: OvlChat, source: ChatSource) => void = () => undefined): Promise<ChatFixture> {
  const channel = 'fixture';
  const transport = new ScriptedTransport(channel);
  const source = new ChatSource({ channel, transport });
  const element = document.createElement('ovl-chat');
  element.style.height = '600px';
  setup(element, source);
  element.source = source;
  document.body.append(element);
  source.start();
  await untilState(source, 'connected');
  await element.updateComplete;
  return {
    element,
    source,
    transport,
    channel,
    async push(...lines) {
      transport.push(...lines);
      await element.updateComplete;
    },
    lines: () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="line"]')],
    dispose() {
      source.stop();
      element.remove();
    },
  };
}

/** Every node under the element's shadow root: the figure a leak would grow. */
export function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}
