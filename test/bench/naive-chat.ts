import type { ChatFeed } from '../../src/components/chat/ovl-chat.js';
import type { ChatMessage } from '../../src/sources/tmi/chat-events.js';

/**
 * The benchmark's baseline: what a typical hand-written overlay does. One element per
 * message appended at once with DOM calls (name, text, emote images), oldest trimmed to the
 * cap; no batching. Same content as <ovl-chat>, same safety (text nodes only).
 */
export class NaiveChat {
  readonly root = document.createElement('div');

  constructor(feed: ChatFeed, private readonly max = 50) {
    this.root.style.cssText = 'display:flex;flex-direction:column;justify-content:flex-end;height:100%;overflow:hidden;font:20px sans-serif;color:#fff';
    feed.addEventListener('message', (e) => this.add(e.detail));
  }

  private add(message: ChatMessage): void {
    const line = document.createElement('div');
    line.dataset.id = message.id;
    const name = document.createElement('b');
    name.style.color = message.user.color ?? '#fff';
    name.textContent = message.user.displayName;
    line.append(name, ': ');
    for (const part of message.parts) {
      if (part.type === 'emote') {
        const img = document.createElement('img');
        img.alt = part.code;
        img.src = part.url;
        img.style.height = '1.75em';
        line.append(img);
      } else {
        line.append(part.text);
      }
    }
    this.root.append(line);
    while (this.root.childElementCount > this.max) this.root.firstElementChild!.remove();
  }
}
