import { ChatSource, type ChatSourceOptions, type ChatSourceEventMap } from '../../src/sources/tmi/chat-source.js';
import { Backoff } from '../../src/core/backoff.js';
import { fake } from './fake-servers.js';

let counter = 0;

/** A channel name no other test uses, so tests can share the fake server. */
export function uniqueChannel(prefix = 'chan'): string {
  counter += 1;
  return `${prefix}${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A ChatSource wired to the fake TMI server on 127.0.0.1, with quick reconnects. */
export function fakeChat(channel: string, options: Partial<ChatSourceOptions> = {}): ChatSource {
  return new ChatSource({
    channel,
    server: { host: '127.0.0.1', port: fake.tmiPort, secure: false },
    backoff: new Backoff({ initialMs: 50, factor: 1.5, maxMs: 300 }),
    ...options,
  });
}

/** Resolves with the next event of `type` that matches `predicate`; rejects after `timeoutMs`. */
export function nextEvent<K extends keyof ChatSourceEventMap & string>(
  source: ChatSource,
  type: K,
  predicate: (detail: ChatSourceEventMap[K]) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ChatSourceEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      source.removeEventListener(type, listener);
      reject(new Error(`no "${type}" event within ${timeoutMs} ms (status ${source.status.state})`));
    }, timeoutMs);
    const listener = (event: CustomEvent<ChatSourceEventMap[K]>) => {
      if (!predicate(event.detail)) return;
      clearTimeout(timer);
      source.removeEventListener(type, listener);
      resolve(event.detail);
    };
    source.addEventListener(type, listener);
  });
}

/** Resolves once the source reaches `state`. */
export function untilState(source: ChatSource, state: ChatSource['status']['state'], timeoutMs = 5000): Promise<unknown> {
  if (source.status.state === state) return Promise.resolve(source.status);
  return nextEvent(source, 'status', (s) => s.state === state, timeoutMs);
}
